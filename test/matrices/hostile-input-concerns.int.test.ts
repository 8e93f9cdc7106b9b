import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('concerns', 'safeguarding concerns: raising one, acknowledging and closing it, and who receives them')
