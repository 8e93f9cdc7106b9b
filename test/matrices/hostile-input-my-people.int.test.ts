import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('my-people', "the advocate's own pages: answering an offer, contacts and the person's views")
