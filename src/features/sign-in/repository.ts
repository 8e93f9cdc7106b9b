import type { Queryable } from '../../platform/db/schema.ts'

/** Sign-in attempts, for throttling. */

/** Failed attempts for an account since its last successful sign-in, newest first. */
export async function recentFailuresForEmail(db: Queryable, email: string, since: Date): Promise<Date[]> {
  const lastSuccess = db
    .selectFrom('sign_in_attempt')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('succeeded', '=', true)
  const rows = await db
    .selectFrom('sign_in_attempt')
    .select('at')
    .where('email', '=', email)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb(lastSuccess, 'is', null), eb('at', '>', lastSuccess)]))
    .orderBy('at', 'desc')
    .limit(100)
    .execute()
  return rows.map((row) => row.at)
}

export async function recentFailuresFromAddress(db: Queryable, ip: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('sign_in_attempt')
    .select('at')
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(500)
    .execute()
  return rows.map((row) => row.at)
}

export async function recordAttempt(db: Queryable, attempt: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void> {
  await db.insertInto('sign_in_attempt').values(attempt).execute()
}
