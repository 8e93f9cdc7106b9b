import { findUsableLink, useLink } from '../../platform/auth/account-links.ts'
import { hashPassword, requireAcceptablePassword, type PasswordOwner } from '../../platform/auth/passwords.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as repository from './repository.ts'

/** A member of staff chooses their password from a one-time link (the link is made in staff-accounts-service.ts). */

/** Whose link this is (what their password must not be built from), while it can still be used and their account is open. */
export async function passwordLinkHolder(context: ServiceContext, token: string): Promise<PasswordOwner | undefined> {
  const link = await findUsableLink(context.db, token, 'set_password', context.clock.now())
  if (!link?.user_id || !link.authority_id) return undefined
  const row = await repository.findUser(context.db, link.authority_id, link.user_id)
  if (!row?.active) return undefined
  const authority = await repository.findAuthority(context.db, link.authority_id)
  return { displayName: row.display_name, email: row.email, authorityName: authority?.name ?? null }
}

/**
 * Sets the password of the link's holder; false when the link is no longer usable. A password the
 * rule refuses is refused here too (UnacceptablePasswordError), whichever page sent it.
 */
export async function setPassword(context: ServiceContext, token: string, password: string, ip: string | null): Promise<boolean> {
  const holder = await passwordLinkHolder(context, token)
  if (!holder) return false
  requireAcceptablePassword(password, holder)
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
