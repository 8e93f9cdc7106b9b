import { sql } from 'kysely'
import type { Queryable } from '../db/schema.ts'

/**
 * The audit trail's queries. Events and seals are append-only: no update and no delete of either
 * here; only the waiting list (`audit_unsealed`) is emptied, by the sealer, as it seals.
 */

/**
 * Adds an event and its line in the waiting list for the sealer, in one statement, taking no lock:
 * many requests in one authority record at once and commit side by side.
 */
export async function insertAuditEvent(
  db: Queryable,
  event: {
    authorityId: string | null
    actorId: string | null
    action: string
    recordType: string
    recordId: string | null
    ip: string | null
    details: Record<string, unknown>
    at: Date
    chain: string
  },
): Promise<void> {
  await db
    .with('added', (added) =>
      added
        .insertInto('audit_event')
        .values({
          authority_id: event.authorityId,
          actor_id: event.actorId,
          action: event.action,
          record_type: event.recordType,
          record_id: event.recordId,
          ip: event.ip,
          details: JSON.stringify(event.details),
          at: event.at,
        })
        .returning('id'),
    )
    .insertInto('audit_unsealed')
    .columns(['event_id', 'chain'])
    .expression((eb) => eb.selectFrom('added').select(['added.id', sql<string>`${event.chain}::text`.as('chain')]))
    .execute()
}

/** The chains with events waiting to be sealed. */
export async function chainsWaiting(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom('audit_unsealed').select('chain').distinct().execute()
  return rows.map((row) => row.chain)
}

/**
 * The chain's head, locked until the caller's transaction ends; null when another sealer holds it
 * (it is sealing this chain now, so this one goes on to the next).
 */
export async function claimChainHead(db: Queryable, chain: string, genesis: string): Promise<{ lastSeq: number; lastHash: string } | null> {
  await db
    .insertInto('audit_chain')
    .values({ chain, last_seq: 0, last_hash: genesis })
    .onConflict((conflict) => conflict.column('chain').doNothing())
    .execute()
  const head = await db.selectFrom('audit_chain').select(['last_seq', 'last_hash']).where('chain', '=', chain).forUpdate().skipLocked().executeTakeFirst()
  return head ? { lastSeq: head.last_seq, lastHash: head.last_hash } : null
}

/** A chain's waiting events, oldest first, a batch at a time. */
export async function waitingEvents(db: Queryable, chain: string, limit: number) {
  return db
    .selectFrom('audit_unsealed')
    .innerJoin('audit_event', 'audit_event.id', 'audit_unsealed.event_id')
    .select(['audit_event.id', 'at', 'authority_id', 'actor_id', 'action', 'record_type', 'record_id', 'ip', 'details'])
    .where('audit_unsealed.chain', '=', chain)
    .orderBy('audit_unsealed.event_id')
    .limit(limit)
    .execute()
}

/** Gives events their places in the chain, and takes them off the waiting list. */
export async function addSeals(
  db: Queryable,
  seals: readonly { chain: string; chainSeq: number; eventId: number; previousHash: string; hash: string }[],
): Promise<void> {
  if (seals.length === 0) return
  await db
    .insertInto('audit_seal')
    .values(seals.map((seal) => ({ chain: seal.chain, chain_seq: seal.chainSeq, event_id: seal.eventId, previous_hash: seal.previousHash, hash: seal.hash })))
    .execute()
  await db
    .deleteFrom('audit_unsealed')
    .where(
      'event_id',
      'in',
      seals.map((seal) => seal.eventId),
    )
    .execute()
}

export async function moveChainHead(db: Queryable, chain: string, seq: number, hash: string): Promise<void> {
  await db.updateTable('audit_chain').set({ last_seq: seq, last_hash: hash }).where('chain', '=', chain).execute()
}

/** A record's audit events, oldest first. */
export async function auditEventsOf(db: Queryable, authorityId: string, recordType: string, recordId: string) {
  return db
    .selectFrom('audit_event')
    .select(['action', 'record_type', 'record_id', 'actor_id', 'at', 'details'])
    .where('authority_id', '=', authorityId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute()
}

/**
 * Who has seen any of these records: the events about them (opened, changed) and the lists that
 * showed them (a worktray, a search: `details.shown`, found through the GIN index of migration
 * 0006), newest first, a page at a time.
 */
export async function eventsSeeing(
  db: Queryable,
  authorityId: string,
  records: readonly { readonly recordType: string; readonly recordId: string }[],
  page: { readonly limit: number; readonly offset: number },
) {
  if (records.length === 0) return []
  return db
    .selectFrom('audit_event')
    .select([
      'id',
      'action',
      'actor_id',
      'at',
      'record_type',
      'record_id',
      sql<string | null>`details ->> 'tray'`.as('tray'),
      sql<unknown>`details -> 'shown'`.as('shown'),
      sql<unknown>`details -> 'lists'`.as('lists'),
      sql<string | null>`details ->> 'with'`.as('with_part'),
    ])
    .where('authority_id', '=', authorityId)
    .where((eb) =>
      eb.or(
        records.flatMap((record) => [
          eb.and([eb('record_type', '=', record.recordType), eb('record_id', '=', record.recordId)]),
          eb(sql`details -> 'shown'`, '@>', sql`${JSON.stringify([record.recordId])}::jsonb`),
        ]),
      ),
    )
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** Every chain and its head. */
export async function chainHeads(db: Queryable) {
  return db.selectFrom('audit_chain').select(['chain', 'last_seq', 'last_hash']).orderBy('chain').execute()
}

/** One chain's events after `afterSeq`, in order, a batch at a time, with their seals. */
export async function chainEvents(db: Queryable, chain: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_seal')
    .innerJoin('audit_event', 'audit_event.id', 'audit_seal.event_id')
    .select([
      'audit_event.id',
      'audit_seal.chain',
      'audit_seal.chain_seq',
      'audit_event.at',
      'audit_event.authority_id',
      'audit_event.actor_id',
      'audit_event.action',
      'audit_event.record_type',
      'audit_event.record_id',
      'audit_event.ip',
      'audit_event.details',
      'audit_seal.previous_hash',
      'audit_seal.hash',
    ])
    .where('audit_seal.chain', '=', chain)
    .where('audit_seal.chain_seq', '>', afterSeq)
    .orderBy('audit_seal.chain_seq')
    .limit(limit)
    .execute()
}

/** How many events wait to be sealed, and when the oldest was recorded. */
export async function waitingToBeSealed(db: Queryable): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('audit_unsealed')
    .innerJoin('audit_event', 'audit_event.id', 'audit_unsealed.event_id')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('audit_event.at').as('oldest')])
    .executeTakeFirstOrThrow()
  return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest) : null }
}

/**
 * Events recorded since the chains began that are neither sealed nor waiting: taken off the waiting
 * list behind the sealer's back. Events from before the chains began (lower ids than the first
 * sealed one) were never in a chain.
 */
export async function eventsOutsideTheChain(db: Queryable, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select('audit_event.id')
    .where('audit_event.id', '>', (eb) => eb.selectFrom('audit_seal').select((inner) => inner.fn.coalesce(inner.fn.min('event_id'), sql.lit(0)).as('first')))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('audit_seal').select('audit_seal.event_id').whereRef('audit_seal.event_id', '=', 'audit_event.id'))))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('audit_unsealed').select('audit_unsealed.event_id').whereRef('audit_unsealed.event_id', '=', 'audit_event.id'))),
    )
    .orderBy('audit_event.id')
    .limit(limit)
    .execute()
  return rows.map((row) => row.id)
}
