import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('information', 'editing the information pages families read')
