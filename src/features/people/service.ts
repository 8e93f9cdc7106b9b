import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller, type SignedInUser } from '../../platform/auth/roles.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import * as repository from './repository.ts'

/**
 * People: parents, carers and children, and the families they belong to. The people feature owns
 * their records: staff who refer, and the advocacy service, find a person by their whole name and
 * date of birth, or their case system ID, so that nobody is recorded twice, and nobody can browse
 * the authority's families; the referrals feature adds people through the functions below, inside
 * its own transaction. (A person's page, with the referrals the user may open, belongs to the
 * referrals feature.)
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
  /** The equality questions (each null until asked; any may be "Prefer not to say"). */
  readonly equality: repository.EqualityFields
  readonly version: number
}

export type EqualityFields = repository.EqualityFields

export interface NewPerson {
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string | null
  readonly gender: string | null
  readonly pronouns: string | null
  readonly externalId: string | null
}

export type PersonSearch = repository.PersonSearch

/** A person as a search shows them: enough to know them, not to learn about them. */
export interface PersonMatch {
  readonly id: string
  readonly name: string
  readonly yearOfBirth: number | null
  /** The last three characters of their case system ID, if they have one. */
  readonly externalIdEnding: string | null
}

const SEARCH_LIMIT = 25

/** The end of an ID, enough to tell two people apart without giving the ID away. */
function endingOf(externalId: string | null): string | null {
  if (externalId === null) return null
  return externalId.length > 4 ? externalId.slice(-3) : null
}

/** Referrers and the advocacy service find people; the coordinator does too, to record families an advocate knows. */
function requireFinder(user: SignedInUser): void {
  if (!hasRole(user, 'referrer', 'advocacy_admin', 'service_manager', 'coordinator')) throw new ForbiddenError('Not allowed to look people up')
}

/**
 * Parents and carers the search names (their whole name and date of birth, or their case system
 * ID), to choose from before adding anyone new: each shown by name, year of birth and the end of
 * their ID. The search is audited with whom it showed (`details.shown`), never what was typed.
 */
export async function search(context: ServiceContext, caller: Caller, search: PersonSearch): Promise<{ people: PersonMatch[]; more: boolean }> {
  requireFinder(caller.user)
  const rows = await repository.searchPeople(context.db, caller.user.authorityId, search, 'adult', SEARCH_LIMIT + 1)
  const shown = rows.slice(0, SEARCH_LIMIT)
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'person.searched',
    recordType: 'person',
    details: {
      found: shown.length,
      byName: search.by === 'name',
      byDateOfBirth: search.by === 'name',
      byExternalId: search.by === 'externalId',
      shown: shown.map((row) => row.id),
    },
  })
  const people = shown.map((row) => ({
    id: row.id,
    name: fullName(row),
    yearOfBirth: row.date_of_birth ? Number(row.date_of_birth.slice(0, 4)) : null,
    externalIdEnding: endingOf(row.external_id),
  }))
  return { people, more: rows.length > SEARCH_LIMIT }
}

export type PeopleService = BoundService<typeof import('./service.ts'), ServiceContext>
