import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../../platform/auth/passwords.ts'
import type { Sessions } from '../../platform/auth/sessions.ts'
import type { Schema } from '../../platform/db/schema.ts'
import type { Clock } from '../../platform/time/clock.ts'
import * as repository from './repository.ts'
import { ADDRESS_FAILURE_FACTOR, lockedUntil, type ThrottlePolicy } from './throttle.ts'

export type SignInResult =
  | { readonly outcome: 'signed-in'; readonly sessionId: string; readonly userId: string }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'locked'; readonly until: Date }

export interface SignInService {
  signIn(attempt: { email: string; password: string; ip: string; previousSessionId: string | undefined }): Promise<SignInResult>
  signOut(sessionId: string, user: { id: string; authorityId: string }, ip: string): Promise<void>
}

export function createSignInService(db: Kysely<Schema>, clock: Clock, sessions: Sessions, policy: ThrottlePolicy): SignInService {
  return {
    async signIn({ email, password, ip, previousSessionId }) {
      const now = clock.now()
      const normalisedEmail = email.trim().toLowerCase()
      const since = new Date(now.getTime() - policy.lockMinutes * 60_000)
      const accountLock = lockedUntil(await repository.recentFailuresForEmail(db, normalisedEmail, since), now, policy)
      const addressLock = lockedUntil(await repository.recentFailuresFromAddress(db, ip, since), now, policy, policy.maxFailures * ADDRESS_FAILURE_FACTOR)
      const lock = accountLock ?? addressLock
      if (lock) {
        await recordAudit(db, { userId: null, authorityId: null, ip }, { action: 'sign-in.locked', recordType: 'account' })
        return { outcome: 'locked', until: lock }
      }

      const account = await repository.findAccountByEmail(db, normalisedEmail)
      const matches = await verifyPassword(password, account?.password_hash ?? UNUSABLE_PASSWORD_HASH)
      if (!account || !account.active || !account.password_hash || !matches) {
        await repository.recordAttempt(db, { email: normalisedEmail, ip, succeeded: false, at: now })
        await recordAudit(
          db,
          { userId: null, authorityId: account?.authority_id ?? null, ip },
          {
            action: 'sign-in.failed',
            recordType: 'account',
            recordId: account?.id ?? null,
          },
        )
        return { outcome: 'refused' }
      }

      await repository.recordAttempt(db, { email: normalisedEmail, ip, succeeded: true, at: now })
      const sessionId = await sessions.start(account.id, account.authority_id, previousSessionId)
      await recordAudit(
        db,
        { userId: account.id, authorityId: account.authority_id, ip },
        {
          action: 'sign-in.succeeded',
          recordType: 'account',
          recordId: account.id,
        },
      )
      return { outcome: 'signed-in', sessionId, userId: account.id }
    },

    async signOut(sessionId, user, ip) {
      await sessions.end(sessionId, 'signed-out')
      await recordAudit(
        db,
        { userId: user.id, authorityId: user.authorityId, ip },
        {
          action: 'sign-out',
          recordType: 'account',
          recordId: user.id,
        },
      )
    },
  }
}
