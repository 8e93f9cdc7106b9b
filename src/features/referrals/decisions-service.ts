import type { Transaction } from 'kysely'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { serviceManagers as managersOf } from '../../platform/auth/staff-repository.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, WorkflowRefusedError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { AdvocateType, ConsentMethod, NextAction, Priority, WithdrawalReason } from '../../vocabulary/referrals.ts'
import * as decisions from './decision-repository.ts'
import * as meetings from './meeting-repository.ts'
import { movedNote } from './reschedule/moved-note.ts'
import { updateSectionOne } from './section-1/section-one-repository.ts'
import { actorOf, editReferral, factsOf, requireStep, takeStep, type ReferralRow } from './steps.ts'
import { assessTimeliness, LateReasonNeededError } from './timeliness.ts'
import type { WorkflowEvent } from './workflow.ts'

/**
 * The steps after the request is sent: FGC Advocacy Admin passes it to a named service manager;
 * the manager records Section 2 (the Advocacy Manager's Decision) or returns it for more
 * information; consent given later is recorded; and at any point before it ends a referral can be
 * withdrawn or its meeting rescheduled.
 */

export interface DecisionInput {
  readonly nextAction: NextAction
  readonly reasons: string
  readonly advocateType: AdvocateType | null
  readonly priority: Priority | null
}

/** The authority's active service managers, for "pass to a named service manager". */
export async function serviceManagers(context: ServiceContext, caller: Caller) {
  if (!hasRole(caller.user, 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Not allowed')
  const rows = await managersOf(context.db, caller.user.authorityId)
  return rows.map((row) => ({ id: row.id, name: row.display_name }))
}

async function requireManager(trx: Queryable, authorityId: string, managerId: string): Promise<string> {
  const managers = await managersOf(trx, authorityId)
  const manager = managers.find((candidate) => candidate.id === managerId)
  if (!manager) throw new WorkflowRefusedError('Choose a service manager from the list')
  return manager.display_name
}

/** A "Pass to FGC Service Manager" request, to a named service manager who then has it in their work. */
async function sendToManager(
  context: ServiceContext,
  trx: Transaction<Schema>,
  caller: Caller,
  row: ReferralRow,
  event: 'pass_to_manager' | 'request_sign_off',
  managerId: string,
  note: string | null,
): Promise<void> {
  requireStep(event, actorOf(caller), await factsOf(trx, context.clock, row))
  const name = await requireManager(trx, row.authority_id, managerId)
  await takeStep(trx, context.clock, actorOf(caller), row, event, {
    change: { assigned_manager_id: managerId },
    note: [`To ${name}`, note].filter(Boolean).join('\n'),
    details: { managerId },
  })
}

/** The admin passes the "Pass to FGC Service Manager" request to a named service manager. */
export async function passToManager(context: ServiceContext, caller: Caller, referralId: string, managerId: string, note: string | null): Promise<void> {
  await editReferral(context, caller, referralId, (trx, row) => sendToManager(context, trx, caller, row, 'pass_to_manager', managerId, note))
}

/** The admin sends the Advocacy Outcome to a named service manager for sign-off. */
export async function requestSignOff(context: ServiceContext, caller: Caller, referralId: string, managerId: string, note: string | null): Promise<void> {
  await editReferral(context, caller, referralId, (trx, row) => sendToManager(context, trx, caller, row, 'request_sign_off', managerId, note))
}

export async function returnForInformation(context: ServiceContext, caller: Caller, referralId: string, note: string): Promise<void> {
  await editReferral(context, caller, referralId, (trx, row) => takeStep(trx, context.clock, actorOf(caller), row, 'return_for_information', { note }))
}

export async function resubmit(context: ServiceContext, caller: Caller, referralId: string, note: string | null): Promise<void> {
  await editReferral(context, caller, referralId, (trx, row) => takeStep(trx, context.clock, actorOf(caller), row, 'resubmit', { note }))
}

/** Section 2, the Advocacy Manager's Decision, and its next action. */
export async function decide(context: ServiceContext, caller: Caller, referralId: string, decision: DecisionInput): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    const event: WorkflowEvent = decision.nextAction === 'no_further_action' ? 'decide_no_further_action' : 'decide_review'
    requireStep(event, actorOf(caller), await factsOf(trx, context.clock, row))
    const progress = decision.nextAction === 'child_protection_advocacy_review'
    const now = context.clock.now()
    await decisions.insertDecision(trx, {
      referral_id: row.id,
      authority_id: row.authority_id,
      next_action: decision.nextAction,
      reasons: decision.reasons,
      advocate_type: progress ? decision.advocateType : null,
      priority: progress ? decision.priority : null,
      decided_by: caller.user.id,
      decided_at: now,
    })
    if (progress) await decisions.insertReview(trx, { referral_id: row.id, authority_id: row.authority_id, updated_at: now })
    await takeStep(trx, context.clock, actorOf(caller), row, event, {
      change: progress ? { assigned_manager_id: caller.user.id } : { closed_reason: 'no_further_action', closed_details: decision.reasons },
      note: decision.reasons,
      details: { advocateType: decision.advocateType, priority: decision.priority },
    })
  })
}

/** Consent given after the referral was made, recorded by the admin before an advocate can be. */
export async function recordConsent(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  consent: { method: ConsentMethod; date: string; details: string | null },
  version: number,
): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    requireStep('record_consent', actorOf(caller), await factsOf(trx, context.clock, row))
    if (consent.date > londonDate(context.clock.now())) throw new WorkflowRefusedError('The date consent was given must be today or in the past')
    const saved = await updateSectionOne(
      trx,
      row.authority_id,
      row.id,
      version,
      { consentGiven: true, consentMethod: consent.method, consentDate: consent.date, consentDetails: consent.details },
      { userId: caller.user.id, now: context.clock.now() },
    )
    if (!saved) throw new ConflictError('Someone else changed the consent since you opened this page')
    await takeStep(trx, context.clock, actorOf(caller), row, 'record_consent', { note: consent.details })
  })
}

/** Withdraws a referral; a draft withdrawn by its referrer is a draft deleted (its record is kept). */
export async function withdraw(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  withdrawal: { reason: WithdrawalReason; details: string | null },
): Promise<{ wasDraft: boolean }> {
  return editReferral(context, caller, referralId, async (trx, row) => {
    await takeStep(trx, context.clock, actorOf(caller), row, 'withdraw', {
      change: { closed_reason: withdrawal.reason, closed_details: withdrawal.details },
      note: withdrawal.details,
      details: { reason: withdrawal.reason },
    })
    return { wasDraft: row.state === 'draft' }
  })
}

/**
 * Moves the meeting, and re-checks timeliness against the date the referral was made. When the
 * new date makes it late, a reason is needed.
 */
export async function reschedule(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  change: { date: string; time: string | null; venue: string | null; lateReason: string | null },
  meetingVersion: number,
): Promise<{ late: boolean }> {
  return editReferral(context, caller, referralId, async (trx, row) => {
    const meeting = row.meeting_id ? await meetings.findMeeting(trx, row.authority_id, row.meeting_id) : undefined
    if (!meeting) throw new WorkflowRefusedError('Add the meeting first')
    const referredOn = londonDate(row.sent_at ?? context.clock.now())
    const timeliness = assessTimeliness(meeting.type, change.date, referredOn)
    const lateReason = timeliness.late ? (change.lateReason ?? row.late_reason) : null
    if (timeliness.late && !lateReason) throw new LateReasonNeededError(timeliness)
    requireStep('reschedule', actorOf(caller), await factsOf(trx, context.clock, row, { late: timeliness.late, lateReasonGiven: Boolean(lateReason) }))
    const saved = await meetings.updateMeeting(trx, row.authority_id, meeting.id, meetingVersion, {
      type: meeting.type,
      type_other: meeting.type_other,
      meeting_date: change.date,
      meeting_time: change.time,
      venue: change.venue,
      updated_at: context.clock.now(),
    })
    if (!saved) throw new ConflictError('Someone else changed the meeting since you opened this page')
    await takeStep(trx, context.clock, actorOf(caller), row, 'reschedule', {
      facts: { late: timeliness.late, lateReasonGiven: Boolean(lateReason) },
      change: { due_by: timeliness.dueBy, late: timeliness.late, late_reason: lateReason },
      note: movedNote({ from: { date: meeting.meeting_date, time: meeting.meeting_time }, to: { date: change.date, time: change.time } }),
      details: { late: timeliness.late, wasLate: row.late },
    })
    return { late: timeliness.late }
  })
}
