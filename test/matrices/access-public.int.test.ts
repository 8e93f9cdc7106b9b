import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('public', 'the enquiries the public pages send')
