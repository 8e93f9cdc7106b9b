import type { Kysely, Transaction } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller, type SignedInUser } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import { bankHolidaysFor } from '../settings/service.ts'
import * as repository from './repository.ts'
import { emptySectionOne, missingAnswers, type SectionOneAnswers } from './section-one.ts'
import { decide, events, isEnded, stateDefinitions, stepDueOn, type ActorRole, type ReferralFacts, type State, type WorkflowEvent } from './workflow.ts'

/**
 * The workflow engine: the one way a referral moves. Every service that takes a step (the referral
 * itself, allocation) loads the referral through `load`, asks the state machine through `require`,
 * and moves it through `fire`, all in one transaction.
 */

type Db = Kysely<Schema> | Transaction<Schema>

/** Who takes a step: a signed-in person, or the service itself (`system`) for a step nobody takes. */
export interface StepActor {
  readonly userId: string | null
  readonly roles: readonly ActorRole[]
  readonly authorityId: string
  readonly ip: string | null
}

export function actorOf(caller: Caller): StepActor {
  return { userId: caller.user.id, roles: caller.user.roles, authorityId: caller.user.authorityId, ip: caller.ip }
}

export function systemActor(authorityId: string): StepActor {
  return { userId: null, roles: ['system'], authorityId, ip: null }
}

export function sectionOneFrom(row: repository.SectionOneRow | undefined): SectionOneAnswers & { version: number } {
  if (!row) return { ...emptySectionOne, version: 0 }
  return {
    consentGiven: row.consent_given,
    consentMethod: row.consent_method,
    consentDate: row.consent_date,
    consentDetails: row.consent_details,
    reason: row.reason,
    hasPreference: row.has_preference,
    preferenceDetails: row.preference_details,
    preferredGender: row.preferred_gender,
    preferredLanguages: row.preferred_languages,
    preferredHeritage: row.preferred_heritage,
    interpreterNeeded: row.interpreter_needed,
    hasDisability: row.has_disability,
    disabilityDetails: row.disability_details,
    adjustments: row.adjustments,
    hasOtherNeeds: row.has_other_needs,
    otherNeedsDetails: row.other_needs_details,
    domesticAbuseBetweenParents: row.domestic_abuse_between_parents,
    safetyNotes: row.safety_notes,
    version: row.version,
  }
}

/** The legitimate relationship rule: the referrer who made it; once sent, the advocacy admins and service managers. */
export function canSee(user: SignedInUser, row: repository.ReferralRow): boolean {
  if (row.referrer_id === user.id) return true
  if (row.state === 'draft') return false
  return hasRole(user, 'advocacy_admin', 'service_manager')
}

export interface FireOptions {
  readonly facts?: Partial<ReferralFacts>
  /**
   * What the step does besides moving the referral (an allocation made or answered). It runs after
   * the state machine has allowed the step, judged on the referral as it was, and before the
   * referral moves, so who it waits on next and when is worked out from the result.
   */
  readonly effects?: () => Promise<void>
  readonly change?: Partial<repository.ReferralRow>
  readonly note?: string | null
  readonly details?: Record<string, unknown>
}

export function createSteps(clock: Clock) {
  const today = () => londonDate(clock.now())

  function auditActor(actor: StepActor) {
    return { userId: actor.userId, authorityId: actor.authorityId, ip: actor.ip }
  }

  /**
   * The referral, if this person may open it. `visible` replaces the relationship rule where the
   * caller has checked another relationship itself (the advocate an offer was made to).
   */
  async function load(
    trx: Db,
    caller: Caller,
    referralId: string,
    options: { forUpdate?: boolean; visible?: (row: repository.ReferralRow) => boolean } = {},
  ): Promise<repository.ReferralRow> {
    if (!isId(referralId)) throw new NotFoundError('No such referral')
    const row = await repository.findReferral(trx, caller.user.authorityId, referralId, options)
    const visible = options.visible ?? ((candidate: repository.ReferralRow) => canSee(caller.user, candidate))
    if (!row || !visible(row)) throw new NotFoundError('No such referral')
    return row
  }

  async function factsOf(trx: Db, row: repository.ReferralRow, overrides: Partial<ReferralFacts> = {}): Promise<ReferralFacts> {
    const sectionOne = sectionOneFrom(await repository.findSectionOne(trx, row.authority_id, row.id))
    const review = await repository.findReview(trx, row.authority_id, row.id)
    const allocation = await repository.currentAllocation(trx, row.authority_id, row.id)
    return {
      state: row.state,
      referrerId: row.referrer_id,
      hasPerson: row.person_id !== null,
      hasMeeting: row.meeting_id !== null,
      sectionOneComplete: missingAnswers(sectionOne, today()).length === 0,
      consentGiven: sectionOne.consentGiven === true,
      late: row.late,
      lateReasonGiven: Boolean(row.late_reason),
      advocateRecorded: allocation?.status === 'accepted' || allocation?.status === 'triaged',
      outcomeRecorded: Boolean(review?.outcome_recorded_at),
      offeredAdvocateUserId: allocation?.status === 'offered' ? allocation.advocate_user_id : null,
      ...overrides,
    }
  }

  function require(event: WorkflowEvent, actor: StepActor, facts: ReferralFacts): State {
    const decision = decide(event, { id: actor.userId ?? 'system', roles: actor.roles }, facts)
    if (decision.allowed) return decision.to
    if (decision.kind === 'role') throw new ForbiddenError(decision.reason)
    throw new WorkflowRefusedError(decision.reason)
  }

  async function meetingOf(trx: Db, row: repository.ReferralRow): Promise<{ type: string; date: string } | null> {
    if (!row.meeting_id) return null
    const meeting = await repository.findMeeting(trx, row.authority_id, row.meeting_id)
    return meeting ? { type: meeting.type, date: meeting.meeting_date } : null
  }

  async function fgcTeam(trx: Db, authorityId: string): Promise<string> {
    const teamId = await repository.fgcAdvocacyAdminTeam(trx, authorityId)
    if (!teamId) throw new WorkflowRefusedError('This authority has no FGC Advocacy Admin team: ask your system admin to set one up')
    return teamId
  }

  /**
   * Takes one workflow step: checks it against the state machine, moves the referral (only if it is
   * still in the state it was read in), says who it now waits on and when that is due, and writes
   * the timeline and the audit trail — all in the caller's transaction. The step is judged on the
   * referral as it was; its `effects` then run; then it moves. When the referral ends, any
   * allocation still open ends with it.
   */
  async function fire(
    trx: Transaction<Schema>,
    actor: StepActor,
    row: repository.ReferralRow,
    event: WorkflowEvent,
    options: FireOptions = {},
  ): Promise<State> {
    const facts = await factsOf(trx, row, options.facts)
    const to = require(event, actor, facts)
    await options.effects?.()
    const now = clock.now()
    const merged = { ...row, ...options.change }
    const waitsOn = stateDefinitions[to].waitsOn
    const entered = to !== row.state
    const meeting = await meetingOf(trx, merged)
    const allocation = await repository.currentAllocation(trx, row.authority_id, row.id)
    const stepDue = stepDueOn({
      state: to,
      enteredOn: entered ? today() : londonDate(row.step_entered_at),
      meetingDate: meeting?.date ?? null,
      referralDueBy: merged.due_by,
      advocateRecorded: allocation?.status === 'accepted' || allocation?.status === 'triaged',
      offerRespondBy: allocation?.status === 'offered' && allocation.respond_by ? londonDate(allocation.respond_by) : null,
      bankHolidays: await bankHolidaysFor(trx, row.authority_id),
    })
    const advocateUser = allocation?.status === 'offered' ? allocation.advocate_user_id : null
    const team = waitsOn === 'fgc_advocacy_admin' || (waitsOn === 'offered_advocate' && !advocateUser) ? await fgcTeam(trx, row.authority_id) : null
    const moved = await repository.updateReferral(trx, row.authority_id, row.id, row.state, {
      ...options.change,
      state: to,
      step_entered_at: entered ? now : row.step_entered_at,
      waiting_on_team_id: team,
      waiting_on_user_id:
        waitsOn === 'referrer'
          ? row.referrer_id
          : waitsOn === 'assigned_manager'
            ? merged.assigned_manager_id
            : waitsOn === 'offered_advocate'
              ? advocateUser
              : null,
      step_due_on: stepDue,
      closed_at: isEnded(to) ? now : null,
      updated_at: now,
    })
    if (!moved) throw new WorkflowRefusedError('Someone else has moved this referral on since you opened it')
    if (isEnded(to)) await repository.closeAllocations(trx, row.authority_id, row.id, now, event)
    if (events[event].timeline) {
      await repository.insertEvent(trx, {
        authority_id: row.authority_id,
        referral_id: row.id,
        event,
        from_state: row.state,
        to_state: to,
        actor_id: actor.userId,
        at: now,
        note: options.note ?? null,
      })
    }
    await recordAudit(trx, auditActor(actor), {
      action: `referral.${event}`,
      recordType: 'referral',
      recordId: row.id,
      details: { from: row.state, to, ...options.details },
    })
    return to
  }

  return { load, factsOf, require, fire, meetingOf, today }
}

export type Steps = ReturnType<typeof createSteps>
