import { sql } from 'kysely'
import type { NewRow, OutboxChannel, Queryable, Row } from '../db/schema.ts'

/** The outbox's queries (ADR 20). The platform's mail owns `outbox_message`. */

/** Queues a message; with a dedupe key already queued (or sent), nothing more. Says whether it was new. */
export async function insertMessage(db: Queryable, row: NewRow<'outbox_message'>): Promise<boolean> {
  const inserted = await db
    .insertInto('outbox_message')
    .values(row)
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/**
 * Takes up to `limit` messages that are due and not held by another process, holding them until
 * `leaseUntil` and counting the attempt. `for update skip locked` lets two processes claim at the
 * same moment without either waiting or both taking one message; the lease lets a process that
 * died mid-send be taken over when it lapses.
 */
export async function claimDue(db: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<readonly Row<'outbox_message'>[]> {
  return db
    .updateTable('outbox_message')
    .set({ claimed_until: leaseUntil, attempts: sql<number>`attempts + 1` })
    .where(
      'id',
      'in',
      db
        .selectFrom('outbox_message')
        .select('id')
        .where('sent_at', 'is', null)
        .where('given_up_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning([
      'id',
      'channel',
      'recipient',
      'subject',
      'body',
      'dedupe_key',
      'queued_at',
      'attempts',
      'next_attempt_at',
      'claimed_until',
      'sent_at',
      'given_up_at',
      'last_error',
    ])
    .execute()
}

/** Sent: what it said and where it went are let go of at once. */
export async function markSent(db: Queryable, id: string, now: Date): Promise<void> {
  await db.updateTable('outbox_message').set({ sent_at: now, claimed_until: null, recipient: '', body: '', last_error: null }).where('id', '=', id).execute()
}

export async function markToRetry(db: Queryable, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db.updateTable('outbox_message').set({ next_attempt_at: nextAttemptAt, claimed_until: null, last_error: error }).where('id', '=', id).execute()
}

export async function markGivenUp(db: Queryable, id: string, now: Date, error: string): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({ given_up_at: now, claimed_until: null, last_error: error, recipient: '', body: '' })
    .where('id', '=', id)
    .execute()
}

/** Sent or given-up messages older than `before` (their rows hold no address and no text, only that they were sent). */
export async function forgetFinished(db: Queryable, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('outbox_message')
    .where((eb) => eb.or([eb('sent_at', '<', before), eb('given_up_at', '<', before)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export type { OutboxChannel }
