import { findUsableLink, useLink } from '../../platform/auth/account-links.ts'
import { hashPassword } from '../../platform/auth/passwords.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as repository from './repository.ts'

/** A member of staff chooses their password from a one-time link (the link is made in staff-accounts-service.ts). */

/** Whose link this is, while it can still be used and their account is open. */
export async function passwordLinkHolder(context: ServiceContext, token: string): Promise<{ displayName: string; email: string } | undefined> {
  const link = await findUsableLink(context.db, token, 'set_password', context.clock.now())
  if (!link?.user_id || !link.authority_id) return undefined
  const row = await repository.findUser(context.db, link.authority_id, link.user_id)
  return row?.active ? { displayName: row.display_name, email: row.email } : undefined
}

/** Sets the password of the link's holder; false when the link is no longer usable. */
export async function setPassword(context: ServiceContext, token: string, password: string, ip: string | null): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    const link = await findUsableLink(trx, token, 'set_password', now)
    if (!link?.user_id || !link.authority_id) return false
    if (!(await useLink(trx, token, now))) return false
    await repository.setPasswordHash(trx, link.user_id, passwordHash, now)
    await recordAudit(
      trx,
      { userId: link.user_id, authorityId: link.authority_id, ip },
      { action: 'account.password-set', recordType: 'account', recordId: link.user_id },
    )
    return true
  })
}
