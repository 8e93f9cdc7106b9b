import type { Caller } from '../../platform/auth/roles.ts'
import { ConflictError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type { Attendance, MeetingOutcome, ViewsHeard } from '../../vocabulary/referrals.ts'
import * as decisions from './decision-repository.ts'
import { actorOf, editReferral, factsOf, requireStep, takeStep } from './steps.ts'

/**
 * The end of the Child Protection Advocacy Review: the admin records the Advocacy Outcome, sends it
 * for sign-off (`decisions-service.ts`, a "Pass to FGC Service Manager" request), and the manager
 * marks it Advocacy Completed or returns it.
 */

export interface OutcomeInput {
  readonly contactCount: number
  readonly contactSummary: string | null
  readonly advocateAttended: Attendance
  readonly viewsHeard: ViewsHeard | null
  readonly meetingOutcome: MeetingOutcome | null
  readonly meetingOutcomeDetails: string | null
  readonly minutesSpent: number
  readonly notes: string | null
}

/** The Advocacy Outcome, unless someone else changed it since `version`. */
export async function recordOutcome(context: ServiceContext, caller: Caller, referralId: string, outcome: OutcomeInput, version: number): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    requireStep('record_outcome', actorOf(caller), await factsOf(trx, context.clock, row))
    const now = context.clock.now()
    const saved = await decisions.updateReview(trx, row.authority_id, row.id, version, {
      contact_count: outcome.contactCount,
      contact_summary: outcome.contactSummary,
      advocate_attended: outcome.advocateAttended,
      views_heard: outcome.viewsHeard,
      meeting_outcome: outcome.meetingOutcome,
      meeting_outcome_details: outcome.meetingOutcomeDetails,
      minutes_spent: outcome.minutesSpent,
      notes: outcome.notes,
      outcome_recorded_by: caller.user.id,
      outcome_recorded_at: now,
      updated_at: now,
    })
    if (!saved) throw new ConflictError('Someone else changed the Advocacy Outcome since you opened this page')
    await takeStep(trx, context.clock, actorOf(caller), row, 'record_outcome')
  })
}

/** The manager's sign-off: Advocacy Completed, or back to the admin with a note. */
export async function signOff(context: ServiceContext, caller: Caller, referralId: string, choice: { complete: boolean; note: string | null }): Promise<void> {
  await editReferral(context, caller, referralId, (trx, row) =>
    takeStep(trx, context.clock, actorOf(caller), row, choice.complete ? 'complete' : 'return_outcome', {
      change: choice.complete ? { closed_reason: 'completed' } : {},
      note: choice.note,
    }),
  )
}
