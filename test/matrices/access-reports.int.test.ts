import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('reports', 'the reports and their downloads')
