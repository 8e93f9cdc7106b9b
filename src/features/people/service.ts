import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller, type SignedInUser } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import * as repository from './repository.ts'

export interface PersonSummary {
  readonly id: string
  readonly name: string
  readonly dateOfBirth: string | null
  readonly externalId: string | null
}

const SEARCH_LIMIT = 25

function summary(row: { id: string; given_name: string; family_name: string; date_of_birth: string | null; external_id: string | null }): PersonSummary {
  return { id: row.id, name: `${row.given_name} ${row.family_name}`, dateOfBirth: row.date_of_birth, externalId: row.external_id }
}

/**
 * People: parents, carers and children. Staff who refer, and the advocacy service, can find a person
 * by name, date of birth or case system ID, so that nobody is recorded twice. (A person's page, with
 * the referrals the user may open, belongs to the referrals feature.)
 */
export function createPeopleService(db: Kysely<Schema>) {
  /** Referrers and the advocacy service find people; the coordinator does too, to record families an advocate knows. */
  function requireFinder(user: SignedInUser): void {
    if (!hasRole(user, 'referrer', 'advocacy_admin', 'service_manager', 'coordinator')) throw new ForbiddenError('Not allowed to look people up')
  }

  return {
    async search(caller: Caller, search: repository.PersonSearch): Promise<{ people: PersonSummary[]; more: boolean }> {
      requireFinder(caller.user)
      const rows = await repository.searchPeople(db, caller.user.authorityId, search, 'adult', SEARCH_LIMIT + 1)
      await recordAudit(
        db,
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
      return { people: rows.slice(0, SEARCH_LIMIT).map(summary), more: rows.length > SEARCH_LIMIT }
    },
  }
}

export type PeopleService = ReturnType<typeof createPeopleService>
