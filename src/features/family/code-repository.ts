import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import type { GuessCount } from './throttle.ts'

/**
 * Family codes (`family_code`) and the counts of wrong guesses at them (`family_sign_in_guess`).
 * Codes are found by their keyed hash; the code itself is never stored.
 */

const NEVER = new Date(0)

/**
 * Holds every other change to this referral's codes until the caller's transaction ends, so two
 * people issuing a code at once take turns and the second sees the first's code.
 */
export async function lockCodesOf(trx: Queryable, referralId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`family_code:${referralId}`}))`.execute(trx)
}

/** The code that works for this referral now (not ended; whether it has expired is the caller's to say). */
export async function workingCodeOf(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('family_code')
    .leftJoin('app_user', 'app_user.id', 'family_code.issued_by')
    .select([
      'family_code.id',
      'family_code.issued_at',
      'family_code.word_chosen_at',
      'family_code.last_used_at',
      'family_code.word_hash',
      'app_user.display_name as issued_by_name',
    ])
    .where('family_code.authority_id', '=', authorityId)
    .where('family_code.referral_id', '=', referralId)
    .where('family_code.ended_at', 'is', null)
    .executeTakeFirst()
}

/** Ends the referral's working code, if there is one. Returns its id. */
export async function endWorkingCode(
  trx: Queryable,
  authorityId: string,
  referralId: string,
  ending: { reason: 'revoked' | 'replaced'; by: string; now: Date },
): Promise<string | undefined> {
  const ended = await trx
    .updateTable('family_code')
    .set({ ended_at: ending.now, end_reason: ending.reason, ended_by: ending.by })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return ended?.id
}

export async function insertCode(
  trx: Queryable,
  code: { authorityId: string; referralId: string; personId: string; codeHash: string; issuedBy: string; now: Date },
): Promise<string> {
  const row = await trx
    .insertInto('family_code')
    .values({
      authority_id: code.authorityId,
      referral_id: code.referralId,
      person_id: code.personId,
      code_hash: code.codeHash,
      issued_by: code.issuedBy,
      issued_at: code.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * A code by its hash, with what decides whether it still works (the referral's state and when it
 * ended) and what the person's word may not be (their name and date of birth).
 */
export async function findCodeByHash(db: Queryable, codeHash: string) {
  return db
    .selectFrom('family_code')
    .innerJoin('referral', 'referral.id', 'family_code.referral_id')
    .innerJoin('person', 'person.id', 'family_code.person_id')
    .select([
      'family_code.id',
      'family_code.authority_id',
      'family_code.referral_id',
      'family_code.person_id',
      'family_code.word_hash',
      'family_code.ended_at',
      'referral.closed_at',
      'person.given_name',
      'person.family_name',
      'person.date_of_birth',
    ])
    .where('family_code.code_hash', '=', codeHash)
    .executeTakeFirst()
}

/** Keeps the word chosen at first use, unless someone chose one meanwhile. Whether it was kept. */
export async function setWord(trx: Queryable, codeId: string, wordHash: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('family_code')
    .set({ word_hash: wordHash, word_chosen_at: now, last_used_at: now })
    .where('id', '=', codeId)
    .where('word_hash', 'is', null)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function markUsed(db: Queryable, codeId: string, now: Date): Promise<void> {
  await db.updateTable('family_code').set({ last_used_at: now }).where('id', '=', codeId).execute()
}

/**
 * Locks these counts (in the order given: always every address's before one address's) for the
 * rest of the caller's transaction, and reads them. Each guess takes its place under this lock
 * before its word is checked, so concurrent guesses are counted one after another.
 */
export async function lockGuessCounts(trx: Queryable, subject: string, addresses: readonly string[]): Promise<GuessCount[]> {
  const counts: GuessCount[] = []
  for (const address of addresses) {
    await trx
      .insertInto('family_sign_in_guess')
      .values({ subject, address, failures: 0, wait_until: NEVER, last_failure_at: NEVER })
      .onConflict((conflict) => conflict.columns(['subject', 'address']).doNothing())
      .execute()
    const row = await trx
      .selectFrom('family_sign_in_guess')
      .select(['failures', 'wait_until', 'last_failure_at'])
      .where('subject', '=', subject)
      .where('address', '=', address)
      .forUpdate()
      .executeTakeFirstOrThrow()
    counts.push({ failures: row.failures, waitUntil: row.wait_until, lastFailureAt: row.last_failure_at })
  }
  return counts
}

export async function saveGuessCount(trx: Queryable, subject: string, address: string, count: GuessCount): Promise<void> {
  await trx
    .updateTable('family_sign_in_guess')
    .set({ failures: count.failures, wait_until: count.waitUntil, last_failure_at: count.lastFailureAt })
    .where('subject', '=', subject)
    .where('address', '=', address)
    .execute()
}

export async function clearGuessCount(db: Queryable, subject: string, address: string): Promise<void> {
  await db.deleteFrom('family_sign_in_guess').where('subject', '=', subject).where('address', '=', address).execute()
}

/** Wrong words for this code from every address, and when the last was, if any are counted. */
export async function wrongWordsFor(db: Queryable, codeId: string, everyAddress: string) {
  return db
    .selectFrom('family_sign_in_guess')
    .select(['failures', 'last_failure_at'])
    .where('subject', '=', codeId)
    .where('address', '=', everyAddress)
    .where('failures', '>', 0)
    .executeTakeFirst()
}

/** Forgets counts nobody has added to since `before`. Returns how many. */
export async function deleteGuessCountsBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('family_sign_in_guess').where('last_failure_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
