import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import type { AdvocateService } from '../advocates/service.ts'
import type { LocalServices } from '../local-services/service.ts'
import { needsFrom, rankCandidates, type MatchRequest, type MatchResult, type PreferenceMatch } from '../matching/matching.ts'
import type { SettingsService } from '../settings/service.ts'
import * as repository from './repository.ts'
import type { AdvocateType } from '../../vocabulary/referrals.ts'
import { actorOf, canSee, createSteps, sectionOneFrom, systemActor } from './steps.ts'

/**
 * Allocation: from the Child Protection Advocacy Review, the admin asks for matches, offers the
 * referral to an advocate, who accepts or declines (or does not answer in time, and it comes back);
 * where no one in the pool fits, the admin triages it to a local service. Every allocation is kept,
 * with how well it met the person's preferences.
 */

export interface MatchesView {
  readonly request: MatchRequest
  readonly result: MatchResult
  readonly meetingDate: string
}

function fullName(row: { given_name: string | null; family_name: string | null }): string {
  return `${row.given_name ?? ''} ${row.family_name ?? ''}`.trim()
}

export function createAllocationService(db: Kysely<Schema>, clock: Clock, advocates: AdvocateService, localServices: LocalServices, settings: SettingsService) {
  const steps = createSteps(clock)

  /** What the referral asks of an advocate, read from Section 1, the person, the decision and the family. */
  async function matchRequest(trx: Queryable, row: repository.ReferralRow): Promise<MatchRequest> {
    const authorityId = row.authority_id
    const meeting = await steps.meetingOf(trx, row)
    if (!meeting) throw new WorkflowRefusedError('Add the meeting first')
    const [sectionOneRow, decision, person] = await Promise.all([
      repository.findSectionOne(trx, authorityId, row.id),
      repository.findDecision(trx, authorityId, row.id),
      row.person_id ? repository.findPersonSummary(trx, authorityId, row.person_id) : undefined,
    ])
    const sectionOne = sectionOneFrom(sectionOneRow)
    const [otherParentAdvocates, previous, alreadyOffered] = await Promise.all([
      sectionOne.domesticAbuseBetweenParents && person?.family_group_id
        ? repository.advocatesOfOtherParents(trx, authorityId, person.family_group_id, person.id)
        : Promise.resolve([]),
      person ? repository.previousAdvocatesOf(trx, authorityId, person.id, row.id) : Promise.resolve([]),
      repository.advocatesWhoDidNotTake(trx, authorityId, row.id),
    ])
    const kind = decision?.advocate_type === 'specialist_local_service' ? null : (decision?.advocate_type ?? null)
    return {
      meetingDate: meeting.date,
      advocateKind: kind,
      familyGroupId: person?.family_group_id ?? null,
      otherParentAdvocateIds: otherParentAdvocates,
      previousAdvocateIds: previous,
      alreadyOfferedIds: alreadyOffered,
      ...needsFrom(
        {
          preferredLanguages: sectionOne.preferredLanguages,
          interpreterNeeded: sectionOne.interpreterNeeded,
          preferredGender: sectionOne.preferredGender,
          preferredHeritage: sectionOne.preferredHeritage,
          adjustments: sectionOne.adjustments,
          disabilityDetails: sectionOne.disabilityDetails,
          otherNeedsDetails: sectionOne.otherNeedsDetails,
          reason: sectionOne.reason,
          domesticAbuseBetweenParents: sectionOne.domesticAbuseBetweenParents,
          personGender: person?.gender ?? null,
          personDateOfBirth: person?.date_of_birth ?? null,
        },
        meeting.date,
      ),
    }
  }

  function requireAdmin(caller: Caller): void {
    if (!hasRole(caller.user, 'advocacy_admin')) throw new ForbiddenError('Only FGC Advocacy Admin allocates advocates')
  }

  function transaction<T>(work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
    return db.transaction().execute(work)
  }

  async function setReviewAdvocate(
    trx: Transaction<Schema>,
    row: repository.ReferralRow,
    advocate: { name: string; type: AdvocateType } | null,
  ): Promise<void> {
    await trx
      .updateTable('review')
      .set({
        advocate_name: advocate?.name ?? null,
        advocate_type: advocate?.type ?? null,
        advocate_recorded_at: advocate ? clock.now() : null,
        updated_at: clock.now(),
        version: sql<number>`version + 1`,
      })
      .where('authority_id', '=', row.authority_id)
      .where('referral_id', '=', row.id)
      .execute()
  }

  return {
    /** The pool ranked for this referral, each with why; and who can never be offered it, and why. */
    async matches(caller: Caller, referralId: string): Promise<MatchesView> {
      requireAdmin(caller)
      const row = await steps.load(db, caller, referralId)
      if (row.state !== 'in_review') throw new WorkflowRefusedError('Advocates are matched during the Child Protection Advocacy Review')
      const request = await matchRequest(db, row)
      const pool = await advocates.candidatePool(db, row.authority_id, request.meetingDate)
      return { request, result: rankCandidates(request, pool), meetingDate: request.meetingDate }
    },

    /**
     * Offers the referral to an advocate. The advocate's row is locked first, so two admins offering
     * at the same moment cannot take them past their capacity; the matching rules are applied again
     * inside the same transaction.
     */
    async offer(caller: Caller, referralId: string, advocateId: string): Promise<{ respondBy: Date }> {
      requireAdmin(caller)
      return transaction(async (trx) => {
        const row = await steps.load(trx, caller, referralId, { forUpdate: true })
        steps.require('offer', actorOf(caller), await steps.factsOf(trx, row))
        if (!isId(advocateId)) throw new NotFoundError('No such advocate')
        const locked = await trx
          .selectFrom('advocate')
          .select(['id', 'given_name', 'family_name'])
          .where('authority_id', '=', row.authority_id)
          .where('id', '=', advocateId)
          .forUpdate()
          .executeTakeFirst()
        if (!locked) throw new NotFoundError('No such advocate')
        const request = await matchRequest(trx, row)
        const pool = await advocates.candidatePool(trx, row.authority_id, request.meetingDate)
        const candidate = pool.find((entry) => entry.id === advocateId)
        if (!candidate) throw new WorkflowRefusedError('This advocate is not in the pool that can be matched')
        const { ranked, excluded } = rankCandidates(request, [candidate])
        const refusal = excluded[0]
        if (refusal) throw new WorkflowRefusedError(`${candidate.name} cannot be offered this referral: ${refusal.reasons.join('; ')}`)
        const match = ranked[0]
        const hours = (await settings.settingsFor(row.authority_id, trx)).offerResponseHours
        const respondBy = new Date(clock.now().getTime() + hours * 3_600_000)
        await steps.fire(trx, actorOf(caller), row, 'offer', {
          effects: async () => {
            await repository.insertAllocation(trx, {
              authority_id: row.authority_id,
              referral_id: row.id,
              advocate_id: advocateId,
              status: 'offered',
              offered_by: caller.user.id,
              offered_at: clock.now(),
              respond_by: respondBy,
              reasons: JSON.stringify([...(match?.reasons ?? []), ...(match?.cautions ?? [])]),
              preferences: JSON.stringify(match?.preferences ?? {}),
            })
          },
          note: `To ${candidate.name}, to answer by ${londonDate(respondBy)}`,
          details: { advocateId },
        })
        return { respondBy }
      })
    },

    /** An offer's answer, from the advocate it was made to, or recorded for them by an admin. */
    async answer(caller: Caller, allocationId: string, answer: { accept: boolean; reason: string | null }): Promise<{ referralId: string }> {
      return transaction(async (trx) => {
        const allocation = isId(allocationId) ? await repository.findAllocation(trx, caller.user.authorityId, allocationId, { forUpdate: true }) : undefined
        if (!allocation) throw new NotFoundError('No such offer')
        const theirs = allocation.advocate_user_id !== null && allocation.advocate_user_id === caller.user.id
        if (!theirs && !hasRole(caller.user, 'advocacy_admin')) {
          // Someone who may see the referral is told the step is not theirs; anyone else learns nothing.
          const referral = await repository.findReferral(trx, caller.user.authorityId, allocation.referral_id)
          if (referral && canSee(caller.user, referral)) throw new ForbiddenError('Only the advocate, or FGC Advocacy Admin for them, answers an offer')
          throw new NotFoundError('No such offer')
        }
        const row = await steps.load(trx, caller, allocation.referral_id, { forUpdate: true, visible: (referral) => theirs || canSee(caller.user, referral) })
        if (allocation.status !== 'offered') throw new WorkflowRefusedError('This offer has already been answered, or it has lapsed')
        if (!answer.accept && !answer.reason) throw new WorkflowRefusedError('Say why the offer is declined')
        const event = answer.accept ? 'accept_offer' : 'decline_offer'
        const who = fullName({ given_name: allocation.advocate_given_name, family_name: allocation.advocate_family_name })
        await steps.fire(trx, actorOf(caller), row, event, {
          effects: async () => {
            await repository.answerAllocation(trx, allocation.authority_id, allocation.id, {
              status: answer.accept ? 'accepted' : 'declined',
              responded_at: clock.now(),
              answered_by: caller.user.id,
              decline_reason: answer.accept ? null : answer.reason,
            })
            if (answer.accept) {
              await setReviewAdvocate(trx, row, {
                name: who,
                type: allocation.advocate_kind ?? 'parent_peer_advocate',
              })
            }
          },
          note: answer.accept ? who : `${who}: ${answer.reason ?? ''}`,
          details: { allocationId: allocation.id, onBehalf: !theirs },
        })
        return { referralId: row.id }
      })
    },

    /** Offers nobody answered in time go back to FGC Advocacy Admin, to offer the next match. */
    async lapseUnansweredOffers(): Promise<number> {
      const due = await repository.offersDue(db, clock.now())
      let lapsed = 0
      for (const offer of due) {
        lapsed += await transaction(async (trx) => {
          const row = await repository.findReferral(trx, offer.authority_id, offer.referral_id, { forUpdate: true })
          const current = await repository.findAllocation(trx, offer.authority_id, offer.id, { forUpdate: true })
          if (!row || current?.status !== 'offered' || row.state !== 'awaiting_advocate') return 0
          await steps.fire(trx, systemActor(offer.authority_id), row, 'offer_lapsed', {
            effects: () =>
              repository.answerAllocation(trx, offer.authority_id, offer.id, {
                status: 'lapsed',
                responded_at: clock.now(),
                answered_by: null,
                decline_reason: null,
              }),
            note: fullName({ given_name: current.advocate_given_name, family_name: current.advocate_family_name }),
            details: { allocationId: offer.id },
          })
          return 1
        })
      }
      return lapsed
    },

    /** Local services that could take the referral, those that fit its needs first. */
    async triageOptions(caller: Caller, referralId: string) {
      requireAdmin(caller)
      const row = await steps.load(db, caller, referralId)
      const request = await matchRequest(db, row)
      const services = await localServices.list(caller, { activeOnly: true })
      const fit = (service: (typeof services)[number]) =>
        request.neededLanguages.filter((language) => service.languages.some((spoken) => spoken.toLowerCase() === language.toLowerCase())).length * 10 +
        request.wantedSpecialisms.filter((specialism) => service.specialisms.includes(specialism)).length
      return { request, services: [...services].sort((a, b) => fit(b) - fit(a) || a.name.localeCompare(b.name)) }
    },

    /** Where no one in the pool fits: the referral goes to a local service, recorded as its allocation. */
    async triage(caller: Caller, referralId: string, localServiceId: string, note: string | null): Promise<void> {
      requireAdmin(caller)
      await transaction(async (trx) => {
        const row = await steps.load(trx, caller, referralId, { forUpdate: true })
        steps.require('triage', actorOf(caller), await steps.factsOf(trx, row))
        const service = isId(localServiceId)
          ? await trx
              .selectFrom('local_service')
              .select(['id', 'name', 'languages', 'active'])
              .where('authority_id', '=', row.authority_id)
              .where('id', '=', localServiceId)
              .executeTakeFirst()
          : undefined
        if (!service?.active) throw new NotFoundError('No such local service')
        const request = await matchRequest(trx, row)
        const speaks = request.neededLanguages.every((language) => service.languages.some((spoken) => spoken.toLowerCase() === language.toLowerCase()))
        const preferences: PreferenceMatch = {
          language: request.neededLanguages.length === 0 ? 'not_asked' : speaks ? 'met' : 'not_met',
          gender: request.preferredGender ? 'not_met' : 'not_asked',
          heritage: request.preferredHeritage ? 'not_met' : 'not_asked',
        }
        await steps.fire(trx, actorOf(caller), row, 'triage', {
          effects: async () => {
            await repository.insertAllocation(trx, {
              authority_id: row.authority_id,
              referral_id: row.id,
              local_service_id: service.id,
              status: 'triaged',
              offered_by: caller.user.id,
              offered_at: clock.now(),
              responded_at: clock.now(),
              answered_by: caller.user.id,
              reasons: JSON.stringify(note ? [note] : []),
              preferences: JSON.stringify(preferences),
            })
            await setReviewAdvocate(trx, row, { name: service.name, type: 'specialist_local_service' })
          },
          note: [service.name, note].filter(Boolean).join('\n'),
          details: { localServiceId: service.id },
        })
      })
    },

    /** Ends the current allocation (the advocate became unavailable, or it was the wrong fit), keeping its history. */
    async endAllocation(caller: Caller, referralId: string, reason: string): Promise<void> {
      requireAdmin(caller)
      await transaction(async (trx) => {
        const row = await steps.load(trx, caller, referralId, { forUpdate: true })
        steps.require('end_allocation', actorOf(caller), await steps.factsOf(trx, row))
        const current = await repository.currentAllocation(trx, row.authority_id, row.id)
        if (!current) throw new WorkflowRefusedError('There is no advocate to change')
        await steps.fire(trx, actorOf(caller), row, 'end_allocation', {
          effects: async () => {
            await repository.endAllocation(trx, row.authority_id, current.id, clock.now(), reason)
            await setReviewAdvocate(trx, row, null)
          },
          note: reason,
          details: { allocationId: current.id },
        })
      })
    },

    /** The allocations a referral has had, for its page. */
    async history(caller: Caller, referralId: string) {
      const row = await steps.load(db, caller, referralId)
      const rows = await repository.allocationHistory(db, row.authority_id, row.id)
      return rows.map((allocation) => ({
        id: allocation.id,
        who: allocation.local_service_name ?? fullName({ given_name: allocation.advocate_given_name, family_name: allocation.advocate_family_name }),
        status: allocation.status,
        offeredAt: allocation.offered_at,
        respondBy: allocation.respond_by,
        respondedAt: allocation.responded_at,
        declineReason: allocation.decline_reason,
        endedAt: allocation.ended_at,
        endedReason: allocation.ended_reason,
        preferences: allocation.preferences,
      }))
    },
  }
}

export type AllocationService = ReturnType<typeof createAllocationService>
