import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/schema.ts'
import * as store from './account-link-repository.ts'

/**
 * One-time links: the first system admin's set-up link, the link a new member of staff uses to
 * choose their password, and the link emailed to sign in while an account is under attack. Only a
 * hash of the token is stored; a link works once, before it expires.
 */

export type { LinkPurpose } from './account-link-repository.ts'
import type { LinkPurpose } from './account-link-repository.ts'

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
  await store.insertLink(db, { tokenHash: hashToken(token), ...link })
  return token
}

/** The link, if the token is one that has not been used and has not expired. */
export async function findUsableLink(db: Queryable, token: string, purpose: LinkPurpose, now: Date) {
  if (!isWellFormedToken(token)) return undefined
  return store.findUsableLink(db, hashToken(token), purpose, now)
}

/** Marks the link used; false if someone else used it first. */
export async function useLink(db: Queryable, token: string, now: Date): Promise<boolean> {
  return store.useLink(db, hashToken(token), now)
}

/** Links for one account (of one purpose, or all) that have not been used yet are cancelled when a new one is issued. */
export async function cancelLinksFor(db: Queryable, userId: string, now: Date, purpose?: LinkPurpose): Promise<void> {
  await store.cancelLinksFor(db, userId, now, purpose)
}

/** How many links of this purpose were made for one account since `since` (a bound on how many are sent). */
export async function countLinksSince(db: Queryable, userId: string, purpose: LinkPurpose, since: Date): Promise<number> {
  return store.countLinksSince(db, userId, purpose, since)
}
