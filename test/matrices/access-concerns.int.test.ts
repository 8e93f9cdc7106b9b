import { accessMatrix } from '../support/access-matrix.ts'

accessMatrix('concerns', 'safeguarding concerns: raised from a person’s page, read and acted on by service managers and the people on the list')
