import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * A worktray's whole order in its index (issue 9): a page is the soonest due, then the longest
 * waiting, then by id, and the index on the team or person held only the due date. Where many
 * items share a due date (957 of a large team's 40,000 on its first day), the page read them all
 * to sort them and keep 25; with the rest of the order in the index, it reads 25.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `drop index referral_waiting_on_team`,
    `create index referral_waiting_on_team on referral (authority_id, waiting_on_team_id, step_due_on, step_entered_at, id)
      where waiting_on_team_id is not null`,
    `drop index referral_waiting_on_user`,
    `create index referral_waiting_on_user on referral (authority_id, waiting_on_user_id, step_due_on, step_entered_at, id)
      where waiting_on_user_id is not null`,
  ])
}
