import type { Queryable } from '../db/schema.ts'

/** The audit trail's queries. The table is append-only: there is no update and no delete here. */

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
