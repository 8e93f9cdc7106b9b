import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * An authority's meetings by date (issue 9): "Meetings not ready" in "My team's work" and "My work"
 * looks for the coming meetings of open referrals, and read every meeting of every authority to
 * find them (on the embedded 100,000-referral dataset, 87,000 meetings read and thrown away, 212 →
 * 120 ms a page).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index meeting_authority_date on meeting (authority_id, meeting_date)`])
}
