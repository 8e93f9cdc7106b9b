import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller, type SignedInUser } from '../../platform/auth/roles.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import * as repository from './repository.ts'

/**
 * People: parents, carers and children, and the families they belong to. The people feature owns
 * their records: staff who refer, and the advocacy service, find a person by name, date of birth or
 * case system ID so that nobody is recorded twice; the referrals feature adds people through the
 * functions below, inside its own transaction. (A person's page, with the referrals the user may
 * open, belongs to the referrals feature.)
 */

export interface PersonSummary {
  readonly id: string
  readonly name: string
  readonly dateOfBirth: string | null
  readonly externalId: string | null
}

/** A person as the pages that work with them need them. */
export interface Person extends PersonSummary {
  readonly kind: 'adult' | 'child'
  readonly givenName: string
  readonly familyName: string
  readonly gender: string | null
  readonly pronouns: string | null
  readonly familyGroupId: string | null
  readonly createdBy: string
}

export interface NewPerson {
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string | null
  readonly gender: string | null
  readonly pronouns: string | null
  readonly externalId: string | null
}

export type PersonSearch = repository.PersonSearch

const SEARCH_LIMIT = 25

/** Referrers and the advocacy service find people; the coordinator does too, to record families an advocate knows. */
function requireFinder(user: SignedInUser): void {
  if (!hasRole(user, 'referrer', 'advocacy_admin', 'service_manager', 'coordinator')) throw new ForbiddenError('Not allowed to look people up')
}

/** Parents and carers matching the search, to choose from before adding anyone new. The search is audited. */
export async function search(context: ServiceContext, caller: Caller, search: PersonSearch): Promise<{ people: PersonSummary[]; more: boolean }> {
  requireFinder(caller.user)
  const rows = await repository.searchPeople(context.db, caller.user.authorityId, search, 'adult', SEARCH_LIMIT + 1)
  await recordAudit(
    context.db,
    { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip },
    {
      action: 'person.searched',
      recordType: 'person',
      details: {
        found: Math.min(rows.length, SEARCH_LIMIT),
        byName: search.name !== '',
        byDateOfBirth: search.dateOfBirth !== null,
        byExternalId: search.externalId !== null,
      },
    },
  )
  const people = rows.slice(0, SEARCH_LIMIT).map((row) => ({ id: row.id, name: fullName(row), dateOfBirth: row.date_of_birth, externalId: row.external_id }))
  return { people, more: rows.length > SEARCH_LIMIT }
}

export type PeopleService = BoundService<typeof import('./service.ts'), ServiceContext>
