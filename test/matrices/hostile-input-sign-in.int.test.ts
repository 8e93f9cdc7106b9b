import { hostileInputMatrix } from '../support/hostile-matrix.ts'

hostileInputMatrix('sign-in', 'signing in and out, and the one-time links (setting up, choosing a password, signing in by email)')
