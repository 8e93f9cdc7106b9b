import { sql, type Kysely } from 'kysely'
import type { Schema } from './schema.ts'

/**
 * On PostgreSQL the service runs as two roles. The owner (DATABASE_OWNER_URL) owns the tables and
 * runs the migrations; the application (DATABASE_URL) reads and writes case records but may only
 * add to the audit trail and read it: it can neither change nor delete an event, nor switch off the
 * trigger that refuses it, because it does not own the table. The same holds for the seals that chain
 * the events (ADR 23); from the sealer's waiting list it may only add and take off. Granted afresh after every migration,
 * so a new table is covered from its first start.
 */
export async function grantApplicationRole(owner: Kysely<Schema>, applicationRole: string): Promise<void> {
  const role = sql.id(applicationRole)
  await sql`grant usage on schema public to ${role}`.execute(owner)
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(owner)
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(owner)
  await sql`revoke update, delete, truncate, trigger, references on audit_event from ${role}`.execute(owner)
  await sql`revoke delete, truncate, trigger, references on audit_chain from ${role}`.execute(owner)
  await sql`revoke update, delete, truncate, trigger, references on audit_seal from ${role}`.execute(owner)
  await sql`revoke update, truncate, trigger, references on audit_unsealed from ${role}`.execute(owner)
}

/** The role a connection string signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username)
}
