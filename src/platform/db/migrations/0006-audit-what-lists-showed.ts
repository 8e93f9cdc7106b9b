import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * A worktray or a search shows people's records without opening them; the audit event of each
 * lists what it showed (`details.shown`). This index finds every list a record appeared in, for
 * "who has seen this record".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index audit_event_shown on audit_event using gin ((details -> 'shown') jsonb_path_ops)`])
}
