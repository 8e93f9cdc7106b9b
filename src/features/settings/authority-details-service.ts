import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ConflictError, ForbiddenError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { DETAILS_VERSION_KEY, detailKeys, detailsFrom, detailsVersionFrom, type AuthorityDetails } from './authority-details.ts'
import * as repository from './repository.ts'

/**
 * The authority behind the service, as its pages show it: its name in the header, and in the
 * privacy notice and accessibility statement its contact details, its data protection officer and
 * how long it keeps records. A system admin keeps the details on the settings page.
 */

export type { AuthorityDetails } from './authority-details.ts'

export interface AuthorityView {
  readonly id: string
  readonly name: string
  readonly details: AuthorityDetails
  /** What a system admin entered, as they entered it (blank where a default is used): for the form. */
  readonly entered: Readonly<Record<(typeof detailKeys)[number], string>>
  readonly version: number
}

/**
 * The signed-in person's authority; for someone not signed in (the privacy notice, the sign-in
 * page), the authority this installation holds, when it holds only one. Null when neither.
 */
export async function authorityFor(context: ServiceContext, authorityId: string | null): Promise<AuthorityView | null> {
  const id = authorityId ?? (await repository.onlyAuthority(context.db))
  if (!id) return null
  const found = await repository.authorityWithSettings(context.db, id)
  if (!found) return null
  return {
    id: found.id,
    name: found.name,
    details: detailsFrom(found.settings),
    entered: Object.fromEntries(detailKeys.map((key) => [key, found.settings.get(key) ?? ''])) as Record<(typeof detailKeys)[number], string>,
    version: detailsVersionFrom(found.settings),
  }
}

/** Most councils one installation lists for someone to choose from; a national one would need a search. */
const MOST_AUTHORITIES_LISTED = 500

/**
 * The councils this installation serves, by name, for a member of the public to choose whose
 * service they are asking (the public pages); one when it is a council's own installation.
 */
export async function authoritiesServed(context: ServiceContext): Promise<readonly { readonly id: string; readonly name: string }[]> {
  return repository.authorityNames(context.db, MOST_AUTHORITIES_LISTED)
}

/** What the header shows on every page: whose service this is. */
export async function brandFor(context: ServiceContext, authorityId: string | null): Promise<{ readonly name: string } | null> {
  const authority = await authorityFor(context, authorityId)
  return authority ? { name: authority.name } : null
}

/**
 * Saves the authority's details if nobody has saved them since the form was opened at `version`;
 * otherwise nothing is saved and the page says who saved them.
 */
export async function saveAuthorityDetails(context: ServiceContext, caller: Caller, details: AuthorityDetails, version: number): Promise<void> {
  if (!hasRole(caller.user, 'system_admin')) throw new ForbiddenError('Only a system admin can change the authority’s details')
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    if (!(await repository.claimVersion(trx, authorityId, DETAILS_VERSION_KEY, version, now))) {
      throw new ConflictError('Someone else saved the authority’s details since you opened this page')
    }
    for (const key of detailKeys) await repository.saveSetting(trx, authorityId, key, details[key] ?? '', now)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'settings.authority-details-changed',
      recordType: 'authority',
      recordId: authorityId,
      details: { changed: [...detailKeys] },
    })
  })
}
