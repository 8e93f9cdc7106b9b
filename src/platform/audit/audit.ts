import type { Queryable } from '../db/schema.ts'
import { auditEventsOf, eventsSeeing, insertAuditEvent } from './audit-repository.ts'
import { chainOf } from './chain.ts'

/**
 * The audit trail: every view and change of personal data, every sign-in. Append-only (the
 * database refuses updates and deletes). Written in the same transaction as the change it records,
 * so a change is never kept without its entry.
 */

export interface Actor {
  readonly userId: string | null
  readonly authorityId: string | null
  readonly ip: string | null
}

export interface AuditEntry {
  /** What happened, e.g. `referral.viewed`, `person.created`, `sign-in.failed`. */
  readonly action: string
  readonly recordType: string
  readonly recordId?: string | null
  /** Facts about the event that are not themselves personal data (ids, counts, field names). */
  readonly details?: Record<string, unknown>
}

/**
 * Records an event, in the caller's transaction (or on its own): the event and its line on the
 * sealer's waiting list, in one statement that takes no lock, so the views and changes of one
 * authority commit side by side. The sealer (`seal.ts`) gives it its place in the authority's chain
 * and its hash within seconds (ADR 23). The time is the server's.
 */
export async function recordAudit(db: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    chain: chainOf(actor.authorityId),
    at: new Date(),
    authorityId: actor.authorityId,
    actorId: actor.userId,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId ?? null,
    ip: actor.ip,
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
  })
}

export interface AuditRecord {
  readonly action: string
  readonly recordType: string
  readonly recordId: string | null
  readonly actorId: string | null
  readonly at: Date
  readonly details: Record<string, unknown>
}

export async function auditFor(db: Queryable, authorityId: string, recordType: string, recordId: string): Promise<AuditRecord[]> {
  const rows = await auditEventsOf(db, authorityId, recordType, recordId)
  return rows.map((row) => ({
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    actorId: row.actor_id,
    at: row.at,
    details: row.details,
  }))
}

/** One event in which someone saw a record: what they did, to which record, when; for a list, which list. */
export interface Sighting {
  readonly action: string
  readonly actorId: string | null
  readonly at: Date
  readonly recordType: string
  readonly recordId: string | null
  /** For a worktray: which (`mine`, `team`, `endings`). */
  readonly tray: string | null
  /** For a list (a worktray, a search): the records it showed. */
  readonly shown: readonly string[]
  /** What else the page showed with the record (`advocacy-record`), where it says. */
  readonly with: string | null
}

/**
 * Who has seen any of these records, newest first, a page at a time: the events about them and the
 * lists (worktrays, searches) that showed them. For "who has seen this record"; the caller checks
 * who may ask.
 */
export async function sightingsOf(
  db: Queryable,
  authorityId: string,
  records: readonly { readonly recordType: string; readonly recordId: string }[],
  page: { readonly limit: number; readonly offset: number },
): Promise<Sighting[]> {
  const rows = await eventsSeeing(db, authorityId, records, page)
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actor_id,
    at: row.at,
    recordType: row.record_type,
    recordId: row.record_id,
    tray: row.tray,
    shown: Array.isArray(row.shown) ? row.shown.filter((id): id is string => typeof id === 'string') : [],
    with: row.with_part,
  }))
}
