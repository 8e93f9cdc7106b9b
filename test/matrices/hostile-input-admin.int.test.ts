import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('admin', "the system admin's and service managers' administration and settings")
