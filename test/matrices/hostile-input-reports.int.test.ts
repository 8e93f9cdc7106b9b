import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('reports', "the reports' narrative, and the advocacy service's themes and coding of families' words")
