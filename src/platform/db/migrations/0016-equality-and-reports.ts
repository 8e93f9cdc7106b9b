import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The equality questions on a person's record, each answerable "Prefer not to say" and each empty
 * until asked (the reports count the empty ones as "not recorded"): their relationship to the child,
 * their ethnicity (the ONS 2021 categories for England), their first language and whether they are
 * disabled. And the indexes the reports read by: referrals by the day they were sent, and public
 * requests by the day they came.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table person
      add column relationship_to_child text check (relationship_to_child in ('mother', 'father', 'other_carer', 'prefer_not_to_say')),
      add column ethnicity text check (ethnicity in (
        'asian_bangladeshi', 'asian_chinese', 'asian_indian', 'asian_pakistani', 'asian_other',
        'black_african', 'black_caribbean', 'black_other',
        'mixed_white_asian', 'mixed_white_black_african', 'mixed_white_black_caribbean', 'mixed_other',
        'white_british', 'white_irish', 'white_gypsy_traveller', 'white_roma', 'white_other',
        'other_arab', 'other_any', 'prefer_not_to_say')),
      add column first_language text check (length(first_language) between 1 and 60),
      add column disability text check (disability in ('yes', 'no', 'prefer_not_to_say'))`,
    `create index referral_sent on referral (authority_id, sent_at) where sent_at is not null`,
    `create index advocacy_enquiry_received on advocacy_enquiry (authority_id, received_at)`,
  ])
}
