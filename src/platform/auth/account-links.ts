import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/schema.ts'

/**
 * One-time links: the first system admin's set-up link, and the link a new member of staff uses to
 * choose their password. Only a hash of the token is stored; a link works once, before it expires.
 */

export type LinkPurpose = 'first_admin' | 'set_password'

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token)
}

export async function createAccountLink(
  db: Queryable,
  link: { purpose: LinkPurpose; authorityId: string | null; userId: string | null; expiresAt: Date; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('account_link')
    .values({
      token_hash: hashToken(token),
      purpose: link.purpose,
      authority_id: link.authorityId,
      user_id: link.userId,
      created_at: link.now,
      expires_at: link.expiresAt,
    })
    .execute()
  return token
}

/** The link, if the token is one that has not been used and has not expired. */
export async function findUsableLink(db: Queryable, token: string, purpose: LinkPurpose, now: Date) {
  if (!isWellFormedToken(token)) return undefined
  return db
    .selectFrom('account_link')
    .select(['token_hash', 'authority_id', 'user_id', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

/** Marks the link used; false if someone else used it first. */
export async function useLink(db: Queryable, token: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('account_link')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** Links for one account that have not been used yet are cancelled when a new one is issued. */
export async function cancelLinksFor(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.updateTable('account_link').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
}
