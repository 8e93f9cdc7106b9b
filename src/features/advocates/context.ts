import type { AdminContext } from '../admin/admin.ts'

/**
 * What the advocates' services run with: the database and the clock, and the sessions (a new
 * sign-in link signs its holder out, in the admin feature's service).
 */
export type AdvocatesContext = AdminContext
