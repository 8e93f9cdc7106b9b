import { cancelLinksFor, countLinksSince, createAccountLink, findUsableLink, useLink } from '../../platform/auth/account-links.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { formatDateTime } from '../../platform/http/view-filters.ts'
import { openAccount, signInLinkAccount } from '../admin/staff-accounts-service.ts'
import * as repository from './repository.ts'
import type { SignInContext } from './service.ts'
import { signInLinkMessage, SIGN_IN_LINK_MINUTES, SIGN_IN_LINKS_AT_ONCE } from './sign-in-link.ts'
import { emailKey } from './throttle.ts'

/**
 * A one-time link to sign in, emailed to the account's owner: the way in while their account is
 * under attack (the throttle has stopped checking passwords for it), and whenever they cannot use
 * their password. It works once, within 15 minutes, even while the account is throttled, and is
 * kept hashed like every one-time link. Asking for one says nothing about whether the email has an
 * account: the page is the same either way, and only an account's own address is ever written to.
 */

/** Makes a link for the account this email signs in to, if there is one, and emails it to the account's own address. */
export async function sendSignInLink(context: SignInContext, { email, ip }: { email: string; ip: string }): Promise<void> {
  const account = await signInLinkAccount(context, emailKey(email))
  if (!account) return
  const now = context.clock.now()
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000)
  const token = await context.db.transaction().execute(async (trx) => {
    const recent = await countLinksSince(trx, account.userId, 'sign_in', new Date(now.getTime() - SIGN_IN_LINK_MINUTES * 60_000))
    if (recent >= SIGN_IN_LINKS_AT_ONCE) return undefined
    await cancelLinksFor(trx, account.userId, now, 'sign_in')
    const made = await createAccountLink(trx, { purpose: 'sign_in', authorityId: account.authorityId, userId: account.userId, now, expiresAt })
    await recordAudit(
      trx,
      { userId: null, authorityId: account.authorityId, ip },
      { action: 'sign-in.link-sent', recordType: 'account', recordId: account.userId },
    )
    return made
  })
  if (!token) return
  const message = signInLinkMessage(account, `${context.baseUrl}/sign-in/link/${token}`, formatDateTime(expiresAt))
  context.mailer.send({ to: account.email, ...message })
}

/** Whether this link can still sign someone in (the page asks before showing its button). */
export async function isSignInLinkUsable(context: SignInContext, token: string): Promise<boolean> {
  return (await findUsableLink(context.db, token, 'sign_in', context.clock.now())) !== undefined
}

/**
 * Signs in with a one-time link, throttled or not: the link is used up, the account's count of
 * wrong passwords is cleared (so its owner can use their password again), and a new session starts.
 */
export async function signInWithLink(
  context: SignInContext,
  { token, ip, previousSessionId }: { token: string; ip: string; previousSessionId: string | undefined },
): Promise<{ readonly outcome: 'signed-in'; readonly sessionId: string; readonly userId: string } | { readonly outcome: 'unusable' }> {
  const now = context.clock.now()
  const account = await context.db.transaction().execute(async (trx) => {
    const link = await findUsableLink(trx, token, 'sign_in', now)
    if (!link?.user_id) return undefined
    const open = await openAccount(context, trx, link.user_id)
    if (!open || !(await useLink(trx, token, now))) return undefined
    await repository.clearCounts(trx, emailKey(open.email), ip)
    return { userId: link.user_id, authorityId: open.authorityId }
  })
  if (!account) return { outcome: 'unusable' }
  const sessionId = await context.sessions.start(account.userId, account.authorityId, previousSessionId)
  await recordAudit(
    context.db,
    { userId: account.userId, authorityId: account.authorityId, ip },
    { action: 'sign-in.succeeded', recordType: 'account', recordId: account.userId, details: { by: 'link' } },
  )
  return { outcome: 'signed-in', sessionId, userId: account.userId }
}
