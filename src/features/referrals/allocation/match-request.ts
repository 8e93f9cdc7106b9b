import type { Queryable } from '../../../platform/db/schema.ts'
import { WorkflowRefusedError } from '../../../platform/errors.ts'
import * as people from '../../people/records-service.ts'
import * as decisions from '../decision-repository.ts'
import { findSectionOne } from '../section-1/section-one-repository.ts'
import { meetingOf, type ReferralRow } from '../steps.ts'
import * as allocations from './allocation-repository.ts'
import type { MatchRequest } from './matching.ts'
import { needsFrom } from './needs.ts'

/** What the referral asks of an advocate, read from Section 1, the person, the decision and the family. */
export async function matchRequestFor(trx: Queryable, row: ReferralRow): Promise<MatchRequest> {
  const authorityId = row.authority_id
  const meeting = await meetingOf(trx, row)
  if (!meeting) throw new WorkflowRefusedError('Add the meeting first')
  const [sectionOne, decision, person] = await Promise.all([
    findSectionOne(trx, authorityId, row.id),
    decisions.findDecision(trx, authorityId, row.id),
    row.person_id ? people.findPerson(trx, authorityId, row.person_id) : undefined,
  ])
  const [otherParentAdvocates, acrossGenerations, previous, alreadyOffered] = await Promise.all([
    sectionOne?.domesticAbuseBetweenParents && person?.familyGroupId
      ? allocations.advocatesOfOtherParents(trx, authorityId, person.familyGroupId, person.id)
      : Promise.resolve([]),
    person?.familyGroupId ? allocations.advocatesAcrossGenerations(trx, authorityId, person.familyGroupId, person.kind) : Promise.resolve([]),
    person ? allocations.previousAdvocatesOf(trx, authorityId, person.id, row.id) : Promise.resolve([]),
    allocations.advocatesWhoDidNotTake(trx, authorityId, row.id),
  ])
  const kind = decision?.advocate_type === 'specialist_local_service' ? null : (decision?.advocate_type ?? null)
  return {
    meetingDate: meeting.date,
    advocateKind: kind,
    familyGroupId: person?.familyGroupId ?? null,
    otherParentAdvocateIds: otherParentAdvocates,
    previousAdvocateIds: previous,
    alreadyOfferedIds: alreadyOffered,
    forChild: person?.kind === 'child',
    acrossGenerationsAdvocateIds: acrossGenerations,
    ...needsFrom(
      {
        preferredLanguages: sectionOne?.preferredLanguages ?? [],
        interpreterNeeded: sectionOne?.interpreterNeeded ?? null,
        preferredGender: sectionOne?.preferredGender ?? null,
        preferredHeritage: sectionOne?.preferredHeritage ?? null,
        adjustments: sectionOne?.adjustments ?? [],
        disabilityDetails: sectionOne?.disabilityDetails ?? null,
        otherNeedsDetails: sectionOne?.otherNeedsDetails ?? null,
        reason: sectionOne?.reason ?? null,
        domesticAbuseBetweenParents: sectionOne?.domesticAbuseBetweenParents ?? null,
        personGender: person?.gender ?? null,
        personDateOfBirth: person?.dateOfBirth ?? null,
        personIsChild: person?.kind === 'child',
      },
      meeting.date,
    ),
  }
}
