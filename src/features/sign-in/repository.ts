import type { Queryable } from '../../platform/db/schema.ts'
import type { AccountCount, GuessCount } from './throttle.ts'

/**
 * The throttle's counts (`sign_in_guess` per email and address, `sign_in_account_guard` per email).
 * Emails are lower case, whether or not an account has them.
 */

const NEVER = new Date(0)

/**
 * Locks this email's counts (its own, then this address's: always in that order) for the rest of
 * the caller's transaction, and reads them. A guess takes its place under this lock before its
 * password is checked, so concurrent guesses are counted one after another.
 */
export async function lockCounts(trx: Queryable, email: string, address: string): Promise<{ guess: GuessCount; account: AccountCount }> {
  await trx
    .insertInto('sign_in_account_guard')
    .values({ email, failures: 0, last_failure_at: NEVER })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .execute()
  const account = await trx
    .selectFrom('sign_in_account_guard')
    .select(['failures', 'last_failure_at'])
    .where('email', '=', email)
    .forUpdate()
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('sign_in_guess')
    .values({ email, address, failures: 0, wait_until: NEVER, last_failure_at: NEVER })
    .onConflict((conflict) => conflict.columns(['email', 'address']).doNothing())
    .execute()
  const guess = await trx
    .selectFrom('sign_in_guess')
    .select(['failures', 'wait_until', 'last_failure_at'])
    .where('email', '=', email)
    .where('address', '=', address)
    .forUpdate()
    .executeTakeFirstOrThrow()
  return {
    account: { failures: account.failures, lastFailureAt: account.last_failure_at },
    guess: { failures: guess.failures, waitUntil: guess.wait_until, lastFailureAt: guess.last_failure_at },
  }
}

export async function saveCounts(trx: Queryable, email: string, address: string, counts: { guess: GuessCount; account: AccountCount }): Promise<void> {
  await trx
    .updateTable('sign_in_account_guard')
    .set({ failures: counts.account.failures, last_failure_at: counts.account.lastFailureAt })
    .where('email', '=', email)
    .execute()
  await trx
    .updateTable('sign_in_guess')
    .set({ failures: counts.guess.failures, wait_until: counts.guess.waitUntil, last_failure_at: counts.guess.lastFailureAt })
    .where('email', '=', email)
    .where('address', '=', address)
    .execute()
}

/** Signing in clears the email's own count and this address's (other addresses' delays run their course). */
export async function clearCounts(db: Queryable, email: string, address: string | null): Promise<void> {
  await db.deleteFrom('sign_in_account_guard').where('email', '=', email).execute()
  if (address !== null) await db.deleteFrom('sign_in_guess').where('email', '=', email).where('address', '=', address).execute()
}

/** Forgets counts nobody has added to since `before`. Returns how many. */
export async function deleteCountsBefore(db: Queryable, before: Date): Promise<number> {
  const guesses = await db.deleteFrom('sign_in_guess').where('last_failure_at', '<', before).executeTakeFirst()
  const accounts = await db.deleteFrom('sign_in_account_guard').where('last_failure_at', '<', before).executeTakeFirst()
  return Number(guesses.numDeletedRows) + Number(accounts.numDeletedRows)
}
