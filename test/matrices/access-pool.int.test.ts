import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('pool', "the advocate pool: advocates' records and the local services")
