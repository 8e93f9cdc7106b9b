import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * "Referrals I've made": a referrer's sent referrals, newest first, paged. Drafts (never sent) are
 * left out of the index, as they are out of the list; the list's cost is one referrer's referrals
 * however long the authority's history grows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index referral_made on referral (authority_id, referrer_id, sent_at desc, id desc) where sent_at is not null`])
}
