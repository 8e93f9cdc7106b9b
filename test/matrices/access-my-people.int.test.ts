import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('my-people', "the advocate's own pages, for the allocation offered to her")
