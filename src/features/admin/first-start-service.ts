import { createAccountLink, findUsableLink, useLink } from '../../platform/auth/account-links.ts'
import { hashPassword, requireAcceptablePassword } from '../../platform/auth/passwords.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { FGC_ADVOCACY_ADMIN, linkExpiry } from './admin.ts'
import * as repository from './repository.ts'

/** The first start: a one-time link, printed by the server, with which the first system admin sets the service up. */

const FIRST_ADMIN_LINK_HOURS = 24

/** On a database with no accounts at all: a one-time link to create the first system admin. */
export async function firstAdminLink(context: ServiceContext): Promise<string | undefined> {
  if ((await repository.countUsers(context.db)) > 0) return undefined
  const now = context.clock.now()
  return createAccountLink(context.db, { purpose: 'first_admin', authorityId: null, userId: null, now, expiresAt: linkExpiry(now, FIRST_ADMIN_LINK_HOURS) })
}

export async function isFirstAdminLinkUsable(context: ServiceContext, token: string): Promise<boolean> {
  return (await findUsableLink(context.db, token, 'first_admin', context.clock.now())) !== undefined
}

/** Creates the authority, its FGC Advocacy Admin team and its first system admin; undefined when the link is no longer usable. */
export async function setUpFirstAdmin(
  context: ServiceContext,
  token: string,
  setup: { authorityName: string; displayName: string; email: string; password: string },
  ip: string,
): Promise<{ userId: string; authorityId: string } | undefined> {
  requireAcceptablePassword(setup.password, { email: setup.email, displayName: setup.displayName, authorityName: setup.authorityName })
  const passwordHash = await hashPassword(setup.password)
  return context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    if (!(await findUsableLink(trx, token, 'first_admin', now))) return undefined
    if ((await repository.countUsers(trx)) > 0) return undefined
    if (!(await useLink(trx, token, now))) return undefined
    const authorityId = await repository.insertAuthority(trx, { name: setup.authorityName, isDemo: false })
    await repository.insertTeam(trx, { authorityId, ...FGC_ADVOCACY_ADMIN })
    const userId = await repository.insertUser(trx, { authorityId, email: setup.email, displayName: setup.displayName, roles: ['system_admin'], passwordHash })
    await recordAudit(trx, { userId, authorityId, ip }, { action: 'account.first-admin-created', recordType: 'account', recordId: userId })
    return { userId, authorityId }
  })
}
