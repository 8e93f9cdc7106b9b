import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('programme', "the coordinator's peer advocate programme")
