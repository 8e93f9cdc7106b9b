import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller, type SignedInUser } from '../../platform/auth/roles.ts'
import { isId } from '../../platform/ids.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { stateDefinitions, type State } from '../referrals/workflow.ts'
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
 * by name, date of birth or case system ID (so nobody is recorded twice); a person's page opens only
 * to those with a relationship to one of their referrals.
 */
export function createPeopleService(db: Kysely<Schema>) {
  function requireFinder(user: SignedInUser): void {
    if (!hasRole(user, 'referrer', 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Not allowed to look people up')
  }

  return {
    async search(caller: Caller, search: repository.PersonSearch): Promise<{ people: PersonSummary[]; more: boolean }> {
      requireFinder(caller.user)
      const rows = await repository.searchPeople(db, caller.user.authorityId, search, 'adult', SEARCH_LIMIT + 1)
      await recordAudit(db, { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip }, {
        action: 'person.searched',
        recordType: 'person',
        details: { found: Math.min(rows.length, SEARCH_LIMIT), byName: search.name !== '', byDateOfBirth: search.dateOfBirth !== null, byExternalId: search.externalId !== null },
      })
      return { people: rows.slice(0, SEARCH_LIMIT).map(summary), more: rows.length > SEARCH_LIMIT }
    },

    /** A person's page: their details and the referrals this user may open. */
    async view(caller: Caller, personId: string) {
      requireFinder(caller.user)
      if (!isId(personId)) throw new NotFoundError('No such person')
      const person = await repository.findPerson(db, caller.user.authorityId, personId)
      if (!person) throw new NotFoundError('No such person')
      const referrals = await repository.referralsOfPerson(db, caller.user.authorityId, personId)
      const service = hasRole(caller.user, 'advocacy_admin', 'service_manager')
      const visible = referrals.filter((referral) => referral.referrer_id === caller.user.id || (service && referral.state !== 'draft'))
      const related = person.created_by === caller.user.id || visible.length > 0 || (service && referrals.some((referral) => referral.state !== 'draft'))
      if (!related) throw new NotFoundError('No such person')
      await recordAudit(db, { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip }, {
        action: 'person.viewed',
        recordType: 'person',
        recordId: personId,
      })
      return {
        ...summary(person),
        gender: person.gender,
        pronouns: person.pronouns,
        referrals: visible.map((referral) => ({
          id: referral.id,
          reference: referral.reference,
          stateLabel: stateDefinitions[referral.state as State].label,
          stateColour: stateDefinitions[referral.state as State].colour,
          meetingType: referral.meeting_type,
          meetingDate: referral.meeting_date,
          startedAt: referral.created_at,
        })),
      }
    },
  }
}

export type PeopleService = ReturnType<typeof createPeopleService>
