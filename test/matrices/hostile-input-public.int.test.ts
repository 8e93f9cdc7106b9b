import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('public', 'the public pages: asking for an advocate, applying to become one, and an admin answering an enquiry')
