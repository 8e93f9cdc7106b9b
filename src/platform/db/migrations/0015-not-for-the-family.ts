import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The Section 1 answers the referrer marked as not for the family to read (a concern that would put
 * someone at risk if it were read at home): the names of the questions, from the one definition of
 * Section 1 (`notForFamilyQuestions` in `referrals/section-1/questions.ts`). A family's own pages
 * leave them out. Kept on Section 1's row, so a change to the marks takes its version like any
 * other change to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table section_one add column not_for_family text[] not null default '{}'
      check (not_for_family <@ array['consentDetails', 'reason', 'preferenceDetails', 'disabilityDetails', 'otherNeedsDetails']::text[])`,
  ])
}
