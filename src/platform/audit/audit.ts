import type { Caller } from '../auth/roles.ts'
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

/** The signed-in person making a request, as the audit trail records them. */
export function auditActorOf(caller: Caller): Actor & { readonly userId: string; readonly authorityId: string } {
  return { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip }
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

/**
 * What the lists of one page showed (a worktray and the lists beside it), gathered as the page is
 * read and recorded as one event (`recordShownLists`): one row in the trail and one for the sealer
 * per view, not one per list (issue 9). Each list is named as it was when it had an event of its
 * own (`team`, `readiness-team`, `feedback-waiting`...), so "who has seen this record" still says
 * which list showed it.
 */
export class ShownLists {
  readonly #lists = new Map<string, readonly string[]>()

  /** The records a list showed; a list that showed nobody adds nothing. */
  add(list: string, ids: readonly string[]): void {
    if (ids.length > 0) this.#lists.set(list, [...(this.#lists.get(list) ?? []), ...ids])
  }

  get isEmpty(): boolean {
    return this.#lists.size === 0
  }

  /** `shown`: every record shown, once (for the index that finds them); `lists`: which list showed which. */
  details(): { shown: string[]; lists: Record<string, readonly string[]> } {
    const lists = Object.fromEntries([...this.#lists].map(([list, ids]) => [list, [...new Set(ids)]]))
    return { shown: [...new Set([...this.#lists.values()].flat())], lists }
  }
}

/** Records what a page's lists showed as one `worktray.viewed` event; a page that showed nobody records nothing. */
export async function recordShownLists(db: Queryable, actor: Actor, tray: string, page: number, shown: ShownLists): Promise<void> {
  if (shown.isEmpty) return
  await recordAudit(db, actor, { action: 'worktray.viewed', recordType: 'worktray', details: { tray, page, ...shown.details() } })
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
  /** For a page of lists (`ShownLists`): which list showed which records. */
  readonly lists: Readonly<Record<string, readonly string[]>>
  /** What else the page showed with the record (`advocacy-record`), where it says. */
  readonly with: string | null
}

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
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
    shown: idsOf(row.shown),
    lists:
      row.lists !== null && typeof row.lists === 'object' && !Array.isArray(row.lists)
        ? Object.fromEntries(Object.entries(row.lists).map(([list, ids]) => [list, idsOf(ids)]))
        : {},
    with: row.with_part,
  }))
}
