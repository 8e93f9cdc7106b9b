import { hasRole, type Caller } from '../../../platform/auth/roles.ts'
import { ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../../platform/errors.ts'
import { isId } from '../../../platform/ids.ts'
import { fullName } from '../../../platform/people-names.ts'
import { historyOf } from './allocation-history.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { londonDate } from '../../../platform/time/clock.ts'
import type { AdvocateService } from '../../advocates/service.ts'
import type { LocalServices } from '../../local-services/service.ts'
import type { SettingsService } from '../../settings/service.ts'
import * as decisions from '../decision-repository.ts'
import * as referrals from '../referral-repository.ts'
import { actorOf, canSee, editReferral, factsOf, loadReferral, requireStep, systemActor, takeStep } from '../steps.ts'
import * as allocations from './allocation-repository.ts'
import { matchRequestFor } from './match-request.ts'
import { rankCandidates, type MatchRequest, type MatchResult, type PreferenceMatch } from './matching.ts'

/**
 * Allocation: from the Child Protection Advocacy Review, the admin asks for matches, offers the
 * referral to an advocate, who accepts or declines (or does not answer in time, and it comes back);
 * where no one in the pool fits, the admin triages it to a local service. Every allocation is kept,
 * with how well it met the person's preferences. The workflow engine owns the referral's state;
 * allocation is a step of it.
 */

/** What allocation runs with: the pool, the local services and the authority's settings, besides the database and clock. */
export interface AllocationContext extends ServiceContext {
  readonly advocates: Pick<AdvocateService, 'candidatePool'>
  readonly localServices: Pick<LocalServices, 'list'>
  readonly settings: Pick<SettingsService, 'settingsFor'>
}

export interface MatchesView {
  readonly request: MatchRequest
  readonly result: MatchResult
  readonly meetingDate: string
}

function requireAdmin(caller: Caller): void {
  if (!hasRole(caller.user, 'advocacy_admin')) throw new ForbiddenError('Only FGC Advocacy Admin allocates advocates')
}

/** The pool ranked for this referral, each with why; and who can never be offered it, and why. */
export async function matches(context: AllocationContext, caller: Caller, referralId: string): Promise<MatchesView> {
  requireAdmin(caller)
  const row = await loadReferral(context.db, caller, referralId)
  if (row.state !== 'in_review') throw new WorkflowRefusedError('Advocates are matched during the Child Protection Advocacy Review')
  const request = await matchRequestFor(context.db, row)
  const pool = await context.advocates.candidatePool(context.db, row.authority_id, request.meetingDate)
  return { request, result: rankCandidates(request, pool), meetingDate: request.meetingDate }
}

/**
 * Offers the referral to an advocate. The advocate's row is locked first, so two admins offering
 * at the same moment cannot take them past their capacity; the matching rules are applied again
 * inside the same transaction.
 */
export async function offer(context: AllocationContext, caller: Caller, referralId: string, advocateId: string): Promise<{ respondBy: Date }> {
  requireAdmin(caller)
  return editReferral(context, caller, referralId, async (trx, row) => {
    requireStep('offer', actorOf(caller), await factsOf(trx, context.clock, row))
    const locked = isId(advocateId) ? await allocations.lockAdvocateForOffer(trx, row.authority_id, advocateId) : undefined
    if (!locked) throw new NotFoundError('No such advocate')
    const request = await matchRequestFor(trx, row)
    const pool = await context.advocates.candidatePool(trx, row.authority_id, request.meetingDate)
    const candidate = pool.find((entry) => entry.id === advocateId)
    if (!candidate) throw new WorkflowRefusedError('This advocate is not in the pool that can be matched')
    const { ranked, excluded } = rankCandidates(request, [candidate])
    const refusal = excluded[0]
    if (refusal) throw new WorkflowRefusedError(`${candidate.name} cannot be offered this referral: ${refusal.reasons.join('; ')}`)
    const match = ranked[0]
    const hours = (await context.settings.settingsFor(row.authority_id, trx)).offerResponseHours
    const now = context.clock.now()
    const respondBy = new Date(now.getTime() + hours * 3_600_000)
    await takeStep(trx, context.clock, actorOf(caller), row, 'offer', {
      effects: async () => {
        await allocations.insertAllocation(trx, {
          authority_id: row.authority_id,
          referral_id: row.id,
          advocate_id: advocateId,
          status: 'offered',
          offered_by: caller.user.id,
          offered_at: now,
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
}

/** An offer's answer, from the advocate it was made to, or recorded for them by an admin. */
export async function answer(
  context: ServiceContext,
  caller: Caller,
  allocationId: string,
  reply: { accept: boolean; reason: string | null },
): Promise<{ referralId: string }> {
  return context.db.transaction().execute(async (trx) => {
    const allocation = isId(allocationId) ? await allocations.findAllocation(trx, caller.user.authorityId, allocationId, { forUpdate: true }) : undefined
    if (!allocation) throw new NotFoundError('No such offer')
    const theirs = allocation.advocate_user_id !== null && allocation.advocate_user_id === caller.user.id
    if (!theirs && !hasRole(caller.user, 'advocacy_admin')) {
      // Someone who may see the referral is told the step is not theirs; anyone else learns nothing.
      const referral = await referrals.findReferral(trx, caller.user.authorityId, allocation.referral_id)
      if (referral && canSee(caller.user, referral)) throw new ForbiddenError('Only the advocate, or FGC Advocacy Admin for them, answers an offer')
      throw new NotFoundError('No such offer')
    }
    const row = await loadReferral(trx, caller, allocation.referral_id, { forUpdate: true, visible: (referral) => theirs || canSee(caller.user, referral) })
    if (allocation.status !== 'offered') throw new WorkflowRefusedError('This offer has already been answered, or it has lapsed')
    if (!reply.accept && !reply.reason) throw new WorkflowRefusedError('Say why the offer is declined')
    const who = fullName({ given_name: allocation.advocate_given_name, family_name: allocation.advocate_family_name })
    const now = context.clock.now()
    await takeStep(trx, context.clock, actorOf(caller), row, reply.accept ? 'accept_offer' : 'decline_offer', {
      effects: async () => {
        await allocations.answerAllocation(trx, allocation.authority_id, allocation.id, {
          status: reply.accept ? 'accepted' : 'declined',
          responded_at: now,
          answered_by: caller.user.id,
          decline_reason: reply.accept ? null : reply.reason,
        })
        if (reply.accept) {
          await decisions.setReviewAdvocate(trx, row.authority_id, row.id, { name: who, type: allocation.advocate_kind ?? 'parent_peer_advocate' }, now)
        }
      },
      note: reply.accept ? who : `${who}: ${reply.reason ?? ''}`,
      details: { allocationId: allocation.id, onBehalf: !theirs },
    })
    return { referralId: row.id }
  })
}

/** Offers nobody answered in time go back to FGC Advocacy Admin, to offer the next match. */
export async function lapseUnansweredOffers(context: ServiceContext): Promise<number> {
  const due = await allocations.offersDue(context.db, context.clock.now())
  let lapsed = 0
  for (const offered of due) {
    lapsed += await context.db.transaction().execute(async (trx) => {
      const row = await referrals.findReferral(trx, offered.authority_id, offered.referral_id, { forUpdate: true })
      const current = await allocations.findAllocation(trx, offered.authority_id, offered.id, { forUpdate: true })
      if (!row || current?.status !== 'offered' || row.state !== 'awaiting_advocate') return 0
      await takeStep(trx, context.clock, systemActor(offered.authority_id), row, 'offer_lapsed', {
        effects: () =>
          allocations.answerAllocation(trx, offered.authority_id, offered.id, {
            status: 'lapsed',
            responded_at: context.clock.now(),
            answered_by: null,
            decline_reason: null,
          }),
        note: fullName({ given_name: current.advocate_given_name, family_name: current.advocate_family_name }),
        details: { allocationId: offered.id },
      })
      return 1
    })
  }
  return lapsed
}

/** Local services that could take the referral, those that fit its needs first. */
export async function triageOptions(context: AllocationContext, caller: Caller, referralId: string) {
  requireAdmin(caller)
  const row = await loadReferral(context.db, caller, referralId)
  const request = await matchRequestFor(context.db, row)
  const services = await context.localServices.list(caller, { activeOnly: true })
  const fit = (service: (typeof services)[number]) =>
    request.neededLanguages.filter((language) => service.languages.some((spoken) => spoken.toLowerCase() === language.toLowerCase())).length * 10 +
    request.wantedSpecialisms.filter((specialism) => service.specialisms.includes(specialism)).length
  return { request, services: [...services].sort((a, b) => fit(b) - fit(a) || a.name.localeCompare(b.name)) }
}

/** Where no one in the pool fits: the referral goes to a local service, recorded as its allocation. */
export async function triage(context: ServiceContext, caller: Caller, referralId: string, localServiceId: string, note: string | null): Promise<void> {
  requireAdmin(caller)
  await editReferral(context, caller, referralId, async (trx, row) => {
    requireStep('triage', actorOf(caller), await factsOf(trx, context.clock, row))
    const service = isId(localServiceId) ? await allocations.findLocalService(trx, row.authority_id, localServiceId) : undefined
    if (!service?.active) throw new NotFoundError('No such local service')
    const request = await matchRequestFor(trx, row)
    const speaks = request.neededLanguages.every((language) => service.languages.some((spoken) => spoken.toLowerCase() === language.toLowerCase()))
    const preferences: PreferenceMatch = {
      language: request.neededLanguages.length === 0 ? 'not_asked' : speaks ? 'met' : 'not_met',
      gender: request.preferredGender ? 'not_met' : 'not_asked',
      heritage: request.preferredHeritage ? 'not_met' : 'not_asked',
    }
    const now = context.clock.now()
    await takeStep(trx, context.clock, actorOf(caller), row, 'triage', {
      effects: async () => {
        await allocations.insertAllocation(trx, {
          authority_id: row.authority_id,
          referral_id: row.id,
          local_service_id: service.id,
          status: 'triaged',
          offered_by: caller.user.id,
          offered_at: now,
          responded_at: now,
          answered_by: caller.user.id,
          reasons: JSON.stringify(note ? [note] : []),
          preferences: JSON.stringify(preferences),
        })
        await decisions.setReviewAdvocate(trx, row.authority_id, row.id, { name: service.name, type: 'specialist_local_service' }, now)
      },
      note: [service.name, note].filter(Boolean).join('\n'),
      details: { localServiceId: service.id },
    })
  })
}

/** Ends the current allocation (the advocate became unavailable, or it was the wrong fit), keeping its history. */
export async function endAllocation(context: ServiceContext, caller: Caller, referralId: string, reason: string): Promise<void> {
  requireAdmin(caller)
  await editReferral(context, caller, referralId, async (trx, row) => {
    requireStep('end_allocation', actorOf(caller), await factsOf(trx, context.clock, row))
    const current = await allocations.currentAllocation(trx, row.authority_id, row.id)
    if (!current) throw new WorkflowRefusedError('There is no advocate to change')
    const now = context.clock.now()
    await takeStep(trx, context.clock, actorOf(caller), row, 'end_allocation', {
      effects: async () => {
        await allocations.endAllocation(trx, row.authority_id, current.id, now, reason)
        await decisions.setReviewAdvocate(trx, row.authority_id, row.id, null, now)
      },
      note: reason,
      details: { allocationId: current.id },
    })
  })
}

/** The allocations a referral has had, for its page. */
export async function history(context: ServiceContext, caller: Caller, referralId: string) {
  const row = await loadReferral(context.db, caller, referralId)
  return historyOf(context.db, row.authority_id, row.id)
}
