import { cancelLinksFor, createAccountLink } from '../../platform/auth/account-links.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { WorkflowRefusedError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import * as adminRepository from '../admin/repository.ts'
import { actorOf, advocateOf, requireCoordinator } from './access.ts'
import type { AdvocatesContext } from './context.ts'
import * as repository from './repository.ts'

/** An advocate's sign-in, with which they answer offers and record their work. */

const SET_PASSWORD_LINK_HOURS = 72

/** Gives the advocate a sign-in (role: advocate) and returns the one-time link to choose a password. */
export async function createSignIn(context: AdvocatesContext, caller: Caller, advocateId: string, email: string): Promise<string> {
  requireCoordinator(caller.user)
  return context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, caller.user.authorityId, advocateId, { forUpdate: true })
    if (row.user_id) throw new WorkflowRefusedError('This advocate can already sign in')
    if (await adminRepository.emailInUse(trx, email)) throw new WorkflowRefusedError('That email address already has an account')
    const userId = await adminRepository.insertUser(trx, {
      authorityId: caller.user.authorityId,
      email,
      displayName: fullName(row),
      roles: ['advocate'],
      passwordHash: null,
    })
    await repository.linkUser(trx, caller.user.authorityId, row.id, userId)
    const now = context.clock.now()
    const token = await createAccountLink(trx, {
      purpose: 'set_password',
      authorityId: caller.user.authorityId,
      userId,
      now,
      expiresAt: new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000),
    })
    await recordAudit(trx, actorOf(caller), { action: 'advocate.sign-in-created', recordType: 'advocate', recordId: row.id, details: { userId } })
    return token
  })
}

/** A new one-time link for an advocate who has a sign-in (a forgotten password); older links stop working. */
export async function newSignInLink(context: AdvocatesContext, caller: Caller, advocateId: string): Promise<string> {
  requireCoordinator(caller.user)
  return context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, caller.user.authorityId, advocateId)
    if (!row.user_id) throw new WorkflowRefusedError('This advocate has no sign-in yet')
    const now = context.clock.now()
    await cancelLinksFor(trx, row.user_id, now)
    const token = await createAccountLink(trx, {
      purpose: 'set_password',
      authorityId: caller.user.authorityId,
      userId: row.user_id,
      now,
      expiresAt: new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000),
    })
    await recordAudit(trx, actorOf(caller), { action: 'advocate.sign-in-link-issued', recordType: 'advocate', recordId: row.id })
    return token
  })
}
