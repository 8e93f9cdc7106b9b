import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { WorkflowRefusedError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import { AlreadyExistsError } from '../admin/admin.ts'
import { newPasswordLink, openStaffAccount } from '../admin/staff-accounts-service.ts'
import { advocateOf, requireCoordinator } from './access-service.ts'
import type { AdvocatesContext } from './context.ts'
import * as repository from './repository.ts'

/**
 * An advocate's sign-in, with which they answer offers and record their work. The account is the
 * admin feature's, opened the one way every staff account is; the advocate's record only links it.
 */

/** Opens the advocate an account (role: advocate) and returns the one-time link to choose a password. */
export async function createSignIn(context: AdvocatesContext, caller: Caller, advocateId: string, email: string): Promise<string> {
  requireCoordinator(caller.user)
  return context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, caller.user.authorityId, advocateId, { forUpdate: true })
    if (row.user_id) throw new WorkflowRefusedError('This advocate can already sign in')
    const opened = await openStaffAccount(context, trx, caller, { email, displayName: fullName(row), roles: ['advocate'], teamIds: [] }).catch(
      (error: unknown) => {
        throw error instanceof AlreadyExistsError ? new WorkflowRefusedError(error.message) : error
      },
    )
    await repository.linkUser(trx, caller.user.authorityId, row.id, opened.userId)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'advocate.sign-in-linked',
      recordType: 'advocate',
      recordId: row.id,
      details: { userId: opened.userId },
    })
    return opened.token
  })
}

/**
 * A new one-time link for an advocate who has a sign-in (a forgotten password): older links stop
 * working. Only while the account is an advocate's alone: if a system admin has given it other
 * roles since, a link from the coordinator would hand those over too, so only a system admin may.
 */
export async function newSignInLink(context: AdvocatesContext, caller: Caller, advocateId: string): Promise<string> {
  requireCoordinator(caller.user)
  const row = await advocateOf(context.db, caller.user.authorityId, advocateId)
  if (!row.user_id) throw new WorkflowRefusedError('This advocate has no sign-in yet')
  if (row.user_id === caller.user.id)
    throw new WorkflowRefusedError('You cannot make a sign-in link for your own account. Ask your system admin if you need one.')
  return newPasswordLink(context, caller, row.user_id, { onlyIfRolesWithin: ['advocate'] })
}
