import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('information', 'the information pages and their editor')
