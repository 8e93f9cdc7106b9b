import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('people', "a person's record, and who has seen it")
