import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('people', 'the equality questions on a person’s record')
