import type { Queryable } from '../db/schema.ts'

/** One-time links' queries. Only a hash of each token is stored. */

export type LinkPurpose = 'first_admin' | 'set_password' | 'sign_in'

export async function insertLink(
  db: Queryable,
  link: { tokenHash: string; purpose: LinkPurpose; authorityId: string | null; userId: string | null; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('account_link')
    .values({
      token_hash: link.tokenHash,
      purpose: link.purpose,
      authority_id: link.authorityId,
      user_id: link.userId,
      created_at: link.now,
      expires_at: link.expiresAt,
    })
    .execute()
}

export async function findUsableLink(db: Queryable, tokenHash: string, purpose: LinkPurpose, now: Date) {
  return db
    .selectFrom('account_link')
    .select(['token_hash', 'authority_id', 'user_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

/** Marks the link used; false if someone else used it first. */
export async function useLink(db: Queryable, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('account_link').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function cancelLinksFor(db: Queryable, userId: string, now: Date, purpose?: LinkPurpose): Promise<void> {
  let query = db.updateTable('account_link').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null)
  if (purpose) query = query.where('purpose', '=', purpose)
  await query.execute()
}

/** How many links of this purpose were made for one account since `since`, used or not. */
export async function countLinksSince(db: Queryable, userId: string, purpose: LinkPurpose, since: Date): Promise<number> {
  const row = await db
    .selectFrom('account_link')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
