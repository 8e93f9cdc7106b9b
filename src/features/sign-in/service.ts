import { recordAudit } from '../../platform/audit/audit.ts'
import type { Sessions } from '../../platform/auth/sessions.ts'
import type { Mailer } from '../../platform/mail/mailer.ts'
import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import { checkSignIn } from '../admin/staff-accounts-service.ts'
import type * as links from './link-service.ts'
import * as repository from './repository.ts'
import { COUNTS_KEPT_FOR_MS, emailKey, reserveGuess, type ThrottlePolicy } from './throttle.ts'

/**
 * Signing in and out. Whether an email and password open an account is the admin feature's to say
 * (it keeps the accounts); this feature counts the guesses (throttle.ts, ADR 13) and, while an
 * account is under attack, signs its owner in with a one-time link emailed to them (link-service.ts).
 */

/** Signing in starts a session, under the service's throttling policy; links go by mail to the service's own address. */
export interface SignInContext extends ServiceContext {
  readonly sessions: Sessions
  readonly policy: ThrottlePolicy
  readonly mailer: Mailer
  readonly baseUrl: string
}

export type SignInResult =
  | { readonly outcome: 'signed-in'; readonly sessionId: string; readonly userId: string }
  | { readonly outcome: 'refused' }
  /** Too many wrong passwords for this email from this address: the next guess waits until then. */
  | { readonly outcome: 'wait'; readonly until: Date }
  /** Too many wrong passwords for this email from everywhere: only a link emailed to its owner signs in. */
  | { readonly outcome: 'link-only' }

/**
 * Checks an email and password. The guess takes its place in the counts first, in a transaction
 * that locks them (so concurrent guesses are counted one after another and no more are checked
 * than the limit allows); a guess the throttle refuses is not checked at all. A right password
 * clears the counts.
 */
export async function signIn(
  context: SignInContext,
  { email, password, ip, previousSessionId }: { email: string; password: string; ip: string; previousSessionId: string | undefined },
): Promise<SignInResult> {
  const { db, policy } = context
  const key = emailKey(email)
  const reservation = await db.transaction().execute(async (trx) => {
    const counts = await repository.lockCounts(trx, key, ip)
    const reserved = reserveGuess(counts.guess, counts.account, context.clock.now(), policy)
    if (reserved.allowed) await repository.saveCounts(trx, key, ip, reserved)
    return reserved
  })
  if (!reservation.allowed) {
    await recordAudit(
      db,
      { userId: null, authorityId: null, ip },
      { action: 'sign-in.throttled', recordType: 'account', details: { reason: reservation.reason } },
    )
    return reservation.reason === 'wait' ? { outcome: 'wait', until: reservation.until } : { outcome: 'link-only' }
  }

  const check = await checkSignIn(context, key, password)
  if (!check.opens) {
    await recordAudit(db, { userId: null, authorityId: check.authorityId, ip }, { action: 'sign-in.failed', recordType: 'account', recordId: check.userId })
    return { outcome: 'refused' }
  }
  await repository.clearCounts(db, key, ip)
  const sessionId = await context.sessions.start(check.userId, check.authorityId, previousSessionId)
  await recordAudit(
    db,
    { userId: check.userId, authorityId: check.authorityId, ip },
    { action: 'sign-in.succeeded', recordType: 'account', recordId: check.userId, details: { by: 'password' } },
  )
  return { outcome: 'signed-in', sessionId, userId: check.userId }
}

export async function signOut(context: SignInContext, sessionId: string, user: { id: string; authorityId: string }, ip: string): Promise<void> {
  await context.sessions.end(sessionId, 'signed-out')
  await recordAudit(context.db, { userId: user.id, authorityId: user.authorityId, ip }, { action: 'sign-out', recordType: 'account', recordId: user.id })
}

/** A job: forgets counts nobody has added to for 30 days. Safe to run twice, and from two processes. */
export async function forgetOldCounts(context: SignInContext): Promise<number> {
  return repository.deleteCountsBefore(context.db, new Date(context.clock.now().getTime() - COUNTS_KEPT_FOR_MS))
}

/** What the sign-in pages (and the server's timer) call, bound in src/composition.ts. */
export type SignInService = BoundService<
  { signIn: typeof signIn; signOut: typeof signOut; forgetOldCounts: typeof forgetOldCounts } & typeof links,
  SignInContext
>
