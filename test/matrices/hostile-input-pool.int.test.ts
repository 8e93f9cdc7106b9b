import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('pool', "the advocate pool: the coordinator's advocate records and the local services")
