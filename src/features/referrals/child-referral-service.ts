import { recordAudit } from '../../platform/audit/audit.ts'
import { fgcAdvocacyAdminTeam } from '../../platform/auth/staff-repository.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { ConflictError, WorkflowRefusedError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import { loadChild } from './child-offer-loading.ts'
import * as offers from './child-offer-repository.ts'
import { childSectionOne } from './child-referral.ts'
import { childAge, nonInstructed } from './children-offered.ts'
import * as meetings from './meeting-repository.ts'
import * as referrals from './referral-repository.ts'
import { insertSectionOne, updateSectionOne } from './section-1/section-one-repository.ts'
import { actorOf } from './steps.ts'
import { assessTimeliness } from './timeliness.ts'
import { stateDefinitions, stepDueOn } from './workflow.ts'

/**
 * A child's own referral (issue 11, ADR 30), started by the advocacy admin team from the child's
 * accepted offer of an advocate: a referral whose person is the child, for the same conference,
 * made by the parent's referral's referrer (the referrer of record), and landing where a parent's
 * sent referral lands, with the FGC Advocacy Admin team ("Pass to FGC Service Manager"). From
 * there it runs through the same workflow as a parent's.
 */

export interface StartedChildReferral {
  readonly id: string
  readonly reference: string
  readonly childName: string
  /** False when the offer had already been referred: this is the referral made then. */
  readonly started: boolean
}

/** Where a child's referral lands: the step the admin team takes on a parent's sent referral. */
const LANDS_AT = 'awaiting_admin' as const

/**
 * Starts the child's own referral from their accepted offer, unless the offer changed since
 * `version`. In one transaction, on the parent's referral locked for it: one offer makes one
 * referral, however many admins press the button; a second press is shown the referral made by
 * the first. Audited with the offer's id, never its words.
 */
export async function startChildReferral(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  childId: string,
  version: number,
): Promise<StartedChildReferral> {
  return context.db.transaction().execute(async (trx) => {
    const { row, meeting, child, recorded } = await loadChild(trx, caller, referralId, childId, true)
    const childName = fullName(child)
    if (recorded?.child_referral_id) return { id: recorded.child_referral_id, reference: recorded.child_referral_reference ?? '', childName, started: false }
    if (recorded?.answer !== 'accepted')
      throw new WorkflowRefusedError(
        recorded?.answer === 'declined'
          ? `${childName} declined an advocate at this conference, so there is no referral to start`
          : `${childName} has not accepted an advocate yet: record their answer first`,
      )
    if (recorded.version !== version) throw new ConflictError(`Someone else changed ${childName}’s offer since you opened this page`)

    const authorityId = row.authority_id
    const now = context.clock.now()
    const today = londonDate(now)
    // The child's referral has a meeting of its own for the conference, as each parent's does, so what is
    // recorded of one person's meeting (readiness, attendance) never shows on another's (ADR 30).
    const meetingId = await meetings.insertMeeting(trx, {
      authority_id: authorityId,
      type: meeting.type,
      type_other: meeting.type_other,
      meeting_date: meeting.meeting_date,
      meeting_time: meeting.meeting_time,
      venue: meeting.venue,
      strategy_discussion_on: meeting.strategy_discussion_on,
      previous_conference_on: meeting.previous_conference_on,
      previous_conference: meeting.previous_conference,
      conference_late_reason: meeting.conference_late_reason,
      created_at: now,
      updated_at: now,
    })
    const timeliness = assessTimeliness(meeting.type, meeting.meeting_date, today)
    const team = await fgcAdvocacyAdminTeam(trx, authorityId)
    if (!team) throw new WorkflowRefusedError('This authority has no FGC Advocacy Admin team: ask your system admin to set one up')
    const reference = await referrals.allocateReference(trx, authorityId)
    const id = await referrals.insertReferral(trx, {
      authority_id: authorityId,
      reference,
      referrer_id: row.referrer_id,
      person_id: child.id,
      meeting_id: meetingId,
      stage: row.stage,
      state: LANDS_AT,
      waiting_on_team_id: stateDefinitions[LANDS_AT].waitsOn === 'fgc_advocacy_admin' ? team : null,
      step_entered_at: now,
      step_due_on: stepDueOn({
        state: LANDS_AT,
        enteredOn: today,
        meetingDate: meeting.meeting_date,
        referralDueBy: timeliness.dueBy,
        advocateRecorded: false,
        offerRespondBy: null,
        bankHolidays: await bankHolidaysFor(trx, authorityId),
      }),
      due_by: timeliness.dueBy,
      late: timeliness.late,
      late_reason: timeliness.late ? 'Started from the child’s offer of an advocate, made at the conference itself' : null,
      sent_at: now,
      created_at: now,
      updated_at: now,
    })
    await insertSectionOne(trx, authorityId, id, now)
    const answers = childSectionOne(
      {
        whoAnswered: recorded.who_answered,
        speakerName: recorded.speaker_name,
        speakerRelationship: recorded.speaker_relationship,
        communicates: recorded.communicates,
        needs: recorded.needs,
        needsDetail: recorded.needs_detail,
        answeredOn: recorded.answered_at ? londonDate(recorded.answered_at) : today,
        nonInstructed: nonInstructed(childAge(child.date_of_birth, meeting.meeting_date), recorded.communicates),
      },
      { type: meeting.type, date: meeting.meeting_date },
    )
    if (!(await updateSectionOne(trx, authorityId, id, 1, answers, { userId: caller.user.id, now }))) throw new Error('A new Section 1 is version 1')
    if (!(await offers.linkChildReferral(trx, authorityId, recorded.id, version, id, now)))
      throw new ConflictError(`Someone else changed ${childName}’s offer since you opened this page`)
    await referrals.insertEvent(trx, {
      authority_id: authorityId,
      referral_id: id,
      event: 'start_child_referral',
      from_state: null,
      to_state: LANDS_AT,
      actor_id: caller.user.id,
      at: now,
      note: null,
    })
    const details = { offer: recorded.id, child: child.id, meeting: meeting.id, childReferral: id, fromReferral: row.id }
    await recordAudit(trx, actorOf(caller), { action: 'referral.child-referral-started', recordType: 'referral', recordId: id, details })
    await recordAudit(trx, actorOf(caller), { action: 'referral.child-referral-started', recordType: 'referral', recordId: row.id, details })
    return { id, reference, childName, started: true }
  })
}
