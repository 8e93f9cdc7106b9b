import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('programme', "the coordinator's peer advocate programme: cohorts, registers, modules, accreditation and supervision")
