import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('referrals', 'every form of the Advocacy Workflow, as the referrer, the admin or the manager who uses it')
