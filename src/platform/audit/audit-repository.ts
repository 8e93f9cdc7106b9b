import { sql } from 'kysely'
import type { Queryable } from '../db/schema.ts'

/** The audit trail's queries. The table is append-only: there is no update and no delete here. */

/** The chain's head, locked until the caller's transaction ends, so two appends never take one place. */
export async function lockChainHead(db: Queryable, chain: string, genesis: string): Promise<{ lastSeq: number; lastHash: string }> {
  await db
    .insertInto('audit_chain')
    .values({ chain, last_seq: 0, last_hash: genesis })
    .onConflict((conflict) => conflict.column('chain').doNothing())
    .execute()
  const head = await db.selectFrom('audit_chain').select(['last_seq', 'last_hash']).where('chain', '=', chain).forUpdate().executeTakeFirstOrThrow()
  return { lastSeq: head.last_seq, lastHash: head.last_hash }
}

export async function moveChainHead(db: Queryable, chain: string, seq: number, hash: string): Promise<void> {
  await db.updateTable('audit_chain').set({ last_seq: seq, last_hash: hash }).where('chain', '=', chain).execute()
}

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
    chainSeq: number
    previousHash: string
    hash: string
  },
): Promise<void> {
  await db
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
      chain: event.chain,
      chain_seq: event.chainSeq,
      previous_hash: event.previousHash,
      hash: event.hash,
    })
    .execute()
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

/** One chain's events after `afterSeq`, in order, a batch at a time. */
export async function chainEvents(db: Queryable, chain: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_event')
    .select(['id', 'chain', 'chain_seq', 'at', 'authority_id', 'actor_id', 'action', 'record_type', 'record_id', 'ip', 'details', 'previous_hash', 'hash'])
    .where('chain', '=', chain)
    .where('chain_seq', '>', afterSeq)
    .orderBy('chain_seq')
    .limit(limit)
    .execute()
}
