import { recordAudit } from '../../platform/audit/audit.ts'
import type { Sessions } from '../../platform/auth/sessions.ts'
import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import { checkSignIn } from '../admin/staff-accounts-service.ts'
import * as repository from './repository.ts'
import { ADDRESS_FAILURE_FACTOR, lockedUntil, type ThrottlePolicy } from './throttle.ts'

/**
 * Signing in and out. Whether an email and password open an account is the admin feature's to say
 * (it keeps the accounts); this feature keeps the attempts, and locks an account or a network
 * address for a while after repeated failures.
 */

/** Signing in starts a session, under the service's throttling policy. */
export interface SignInContext extends ServiceContext {
  readonly sessions: Sessions
  readonly policy: ThrottlePolicy
}

export type SignInResult =
  | { readonly outcome: 'signed-in'; readonly sessionId: string; readonly userId: string }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'locked'; readonly until: Date }

export async function signIn(
  context: SignInContext,
  { email, password, ip, previousSessionId }: { email: string; password: string; ip: string; previousSessionId: string | undefined },
): Promise<SignInResult> {
  const { db, policy } = context
  const now = context.clock.now()
  const normalisedEmail = email.trim().toLowerCase()
  const since = new Date(now.getTime() - policy.lockMinutes * 60_000)
  const accountLock = lockedUntil(await repository.recentFailuresForEmail(db, normalisedEmail, since), now, policy)
  const addressLock = lockedUntil(await repository.recentFailuresFromAddress(db, ip, since), now, policy, policy.maxFailures * ADDRESS_FAILURE_FACTOR)
  const lock = accountLock ?? addressLock
  if (lock) {
    await recordAudit(db, { userId: null, authorityId: null, ip }, { action: 'sign-in.locked', recordType: 'account' })
    return { outcome: 'locked', until: lock }
  }

  const check = await checkSignIn(context, normalisedEmail, password)
  await repository.recordAttempt(db, { email: normalisedEmail, ip, succeeded: check.opens, at: now })
  if (!check.opens) {
    await recordAudit(db, { userId: null, authorityId: check.authorityId, ip }, { action: 'sign-in.failed', recordType: 'account', recordId: check.userId })
    return { outcome: 'refused' }
  }
  const sessionId = await context.sessions.start(check.userId, check.authorityId, previousSessionId)
  await recordAudit(
    db,
    { userId: check.userId, authorityId: check.authorityId, ip },
    { action: 'sign-in.succeeded', recordType: 'account', recordId: check.userId },
  )
  return { outcome: 'signed-in', sessionId, userId: check.userId }
}

export async function signOut(context: SignInContext, sessionId: string, user: { id: string; authorityId: string }, ip: string): Promise<void> {
  await context.sessions.end(sessionId, 'signed-out')
  await recordAudit(context.db, { userId: user.id, authorityId: user.authorityId, ip }, { action: 'sign-out', recordType: 'account', recordId: user.id })
}

/** What the sign-in pages call, bound in src/composition.ts. */
export type SignInService = BoundService<{ signIn: typeof signIn; signOut: typeof signOut }, SignInContext>
