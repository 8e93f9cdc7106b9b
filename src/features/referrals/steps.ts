import type { Transaction } from 'kysely'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller, type SignedInUser } from '../../platform/auth/roles.ts'
import { fgcAdvocacyAdminTeam } from '../../platform/auth/staff-repository.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import * as allocations from './allocation/allocation-repository.ts'
import * as decisions from './decision-repository.ts'
import * as meetings from './meeting-repository.ts'
import * as referrals from './referral-repository.ts'
import { missingAnswers } from './section-1/questions.ts'
import { findSectionOne } from './section-1/section-one-repository.ts'
import { decide, events, isEnded, stateDefinitions, stepDueOn, type ActorRole, type ReferralFacts, type State, type WorkflowEvent } from './workflow.ts'

/**
 * The workflow engine: the one way a referral moves. Every service that takes a step (drafting,
 * decisions, allocation) loads the referral through `loadReferral`, asks the state machine through
 * `requireStep`, and moves it through `takeStep`, all in one transaction.
 */

export type ReferralRow = referrals.ReferralRow

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

/** The actor as the audit trail records them. */
export function auditActor(actor: StepActor | Caller) {
  return 'user' in actor ? auditActorOf(actor) : actor
}

/**
 * The legitimate relationship rule: the referrer who made it; once sent, the advocacy admins and
 * service managers. A draft deleted before it was sent (withdrawn with no `sent_at`) never reached
 * the service, so it never opens to them.
 */
export function canSee(user: SignedInUser, row: Pick<ReferralRow, 'referrer_id' | 'sent_at'>): boolean {
  if (row.referrer_id === user.id) return true
  if (row.sent_at === null) return false
  return hasRole(user, 'advocacy_admin', 'service_manager')
}

/**
 * Whether a referral still ties its referrer to its person: a draft in progress, or one that was
 * sent (whatever became of it since). A draft deleted before it was sent ties them to nobody.
 */
export function tiesReferrerToPerson(row: Pick<ReferralRow, 'state' | 'sent_at'>): boolean {
  return row.state === 'draft' || row.sent_at !== null
}

/**
 * The referral, if this person may open it. `visible` replaces the relationship rule where the
 * caller has checked another relationship itself (the advocate an offer was made to).
 */
export async function loadReferral(
  trx: Queryable,
  caller: Caller,
  referralId: string,
  options: { forUpdate?: boolean; visible?: (row: ReferralRow) => boolean } = {},
): Promise<ReferralRow> {
  if (!isId(referralId)) throw new NotFoundError('No such referral')
  const row = await referrals.findReferral(trx, caller.user.authorityId, referralId, options)
  const visible = options.visible ?? ((candidate: ReferralRow) => canSee(caller.user, candidate))
  if (!row || !visible(row)) throw new NotFoundError('No such referral')
  return row
}

/**
 * The referral with everything its page shows (`findReferralWithRecords`), in one read, if this
 * person may open it (as `loadReferral`). `withRecord`: with the advocacy service's own record.
 */
export async function loadReferralWithRecords(trx: Queryable, caller: Caller, referralId: string, options: { readonly withRecord: boolean }) {
  if (!isId(referralId)) throw new NotFoundError('No such referral')
  const found = await referrals.findReferralWithRecords(trx, caller.user.authorityId, referralId, options)
  if (!found || !canSee(caller.user, found.referral)) throw new NotFoundError('No such referral')
  return found
}

type SectionOneRead = Awaited<ReturnType<typeof findSectionOne>>
type ReviewRead = Pick<NonNullable<Awaited<ReturnType<typeof decisions.findReview>>>, 'outcome_recorded_at'> | undefined
type AllocationRead = Pick<NonNullable<Awaited<ReturnType<typeof allocations.currentAllocation>>>, 'status' | 'advocate_user_id'> | undefined

/** What the workflow needs to know of a referral to decide what may happen to it. */
export async function factsOf(trx: Queryable, clock: Clock, row: ReferralRow, overrides: Partial<ReferralFacts> = {}): Promise<ReferralFacts> {
  const [sectionOne, review, allocation] = await Promise.all([
    findSectionOne(trx, row.authority_id, row.id),
    decisions.findReview(trx, row.authority_id, row.id),
    allocations.currentAllocation(trx, row.authority_id, row.id),
  ])
  return factsFrom(row, { sectionOne, review, allocation }, clock, overrides)
}

/** The same facts, from rows already read (the referral's page reads them anyway). */
export function factsFrom(
  row: ReferralRow,
  { sectionOne, review, allocation }: { sectionOne: SectionOneRead; review: ReviewRead; allocation: AllocationRead },
  clock: Clock,
  overrides: Partial<ReferralFacts> = {},
): ReferralFacts {
  return {
    state: row.state,
    referrerId: row.referrer_id,
    hasPerson: row.person_id !== null,
    hasMeeting: row.meeting_id !== null,
    sectionOneComplete: sectionOne !== undefined && missingAnswers(sectionOne, londonDate(clock.now())).length === 0,
    consentGiven: sectionOne?.consentGiven === true,
    late: row.late,
    lateReasonGiven: Boolean(row.late_reason),
    advocateRecorded: allocation?.status === 'accepted' || allocation?.status === 'triaged',
    outcomeRecorded: Boolean(review?.outcome_recorded_at),
    offeredAdvocateUserId: allocation?.status === 'offered' ? allocation.advocate_user_id : null,
    ...overrides,
  }
}

/** The state the step leads to, or the refusal: not this person's to take (403), or not now (the guard's reason). */
export function requireStep(event: WorkflowEvent, actor: StepActor, facts: ReferralFacts): State {
  const decision = decide(event, { id: actor.userId ?? 'system', roles: actor.roles }, facts)
  if (decision.allowed) return decision.to
  if (decision.kind === 'role') throw new ForbiddenError(decision.reason)
  throw new WorkflowRefusedError(decision.reason)
}

/** The meeting's type and date, when it has been added. */
export async function meetingOf(trx: Queryable, row: Pick<ReferralRow, 'authority_id' | 'meeting_id'>): Promise<{ type: string; date: string } | null> {
  if (!row.meeting_id) return null
  const meeting = await meetings.findMeeting(trx, row.authority_id, row.meeting_id)
  return meeting ? { type: meeting.type, date: meeting.meeting_date } : null
}

async function fgcTeam(trx: Queryable, authorityId: string): Promise<string> {
  const teamId = await fgcAdvocacyAdminTeam(trx, authorityId)
  if (!teamId) throw new WorkflowRefusedError('This authority has no FGC Advocacy Admin team: ask your system admin to set one up')
  return teamId
}

export interface StepOptions {
  readonly facts?: Partial<ReferralFacts>
  /**
   * What the step does besides moving the referral (an allocation made or answered). It runs after
   * the state machine has allowed the step, judged on the referral as it was, and before the
   * referral moves, so who it waits on next and when is worked out from the result.
   */
  readonly effects?: () => Promise<void>
  readonly change?: Partial<ReferralRow>
  readonly note?: string | null
  readonly details?: Record<string, unknown>
}

/**
 * Takes one workflow step: checks it against the state machine, moves the referral (only if it is
 * still in the state it was read in), says who it now waits on and when that is due, and writes
 * the timeline and the audit trail — all in the caller's transaction. The step is judged on the
 * referral as it was; its `effects` then run; then it moves. When the referral ends, any
 * allocation still open ends with it.
 */
export async function takeStep(
  trx: Transaction<Schema>,
  clock: Clock,
  actor: StepActor,
  row: ReferralRow,
  event: WorkflowEvent,
  options: StepOptions = {},
): Promise<State> {
  const facts = await factsOf(trx, clock, row, options.facts)
  const to = requireStep(event, actor, facts)
  await options.effects?.()
  const now = clock.now()
  const merged = { ...row, ...options.change }
  const waitsOn = stateDefinitions[to].waitsOn
  const entered = to !== row.state
  const meeting = await meetingOf(trx, merged)
  const allocation = await allocations.currentAllocation(trx, row.authority_id, row.id)
  const stepDue = stepDueOn({
    state: to,
    enteredOn: entered ? londonDate(now) : londonDate(row.step_entered_at),
    meetingDate: meeting?.date ?? null,
    referralDueBy: merged.due_by,
    advocateRecorded: allocation?.status === 'accepted' || allocation?.status === 'triaged',
    offerRespondBy: allocation?.status === 'offered' && allocation.respond_by ? londonDate(allocation.respond_by) : null,
    bankHolidays: await bankHolidaysFor(trx, row.authority_id),
  })
  const advocateUser = allocation?.status === 'offered' ? allocation.advocate_user_id : null
  const team = waitsOn === 'fgc_advocacy_admin' || (waitsOn === 'offered_advocate' && !advocateUser) ? await fgcTeam(trx, row.authority_id) : null
  const moved = await referrals.updateReferral(trx, row.authority_id, row.id, row.state, {
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
  if (isEnded(to)) await allocations.closeAllocations(trx, row.authority_id, row.id, now, event)
  if (events[event].timeline) {
    await referrals.insertEvent(trx, {
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

/** One edit of a referral, in one transaction, on the referral locked for it. */
export function editReferral<T>(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  work: (trx: Transaction<Schema>, row: ReferralRow) => Promise<T>,
): Promise<T> {
  return context.db.transaction().execute(async (trx) => work(trx, await loadReferral(trx, caller, referralId, { forUpdate: true })))
}
