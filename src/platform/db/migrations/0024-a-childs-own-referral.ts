import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * A child's own referral, started from their accepted offer of an advocate (issue 11, ADR 30): the
 * offer names the referral made from it. Unique, so one offer leads to one referral and one
 * referral comes from one offer; the service sets it only while it is still empty, so two admins
 * starting it at once make one referral between them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table child_advocacy_offer add column child_referral_id uuid references referral (id)`,
    `alter table child_advocacy_offer add constraint child_advocacy_offer_child_referral unique (child_referral_id)`,
  ])
}
