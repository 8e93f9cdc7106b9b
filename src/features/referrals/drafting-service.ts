import type { Transaction } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { PreviousConference } from '../../vocabulary/meetings.ts'
import type { MeetingType, ReferralStage } from '../../vocabulary/referrals.ts'
import { ConferenceLateReasonNeededError, conferenceDueOf, timingOf } from '../meetings/conference-clock.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import * as people from '../people/records-service.ts'
import type { NewPerson } from '../people/service.ts'
import * as meetings from './meeting-repository.ts'
import * as referrals from './referral-repository.ts'
import { insertSectionOne } from './section-1/section-one-repository.ts'
import { actorOf, editReferral, factsOf, loadReferral, meetingOf, requireStep, systemActor, takeStep, type ReferralRow } from './steps.ts'
import { assessTimeliness, LateReasonNeededError, type Timeliness } from './timeliness.ts'
import { DRAFT_LAPSE, draftLapse } from './workflow.ts'

/**
 * Drafting a Child Protection Advocacy Referral: the referrer starts it, finds or adds the parent,
 * ticks the children, adds the meeting, completes Section 1 (`section-1/`) and sends the mandatory
 * "Pass to FGC Service Manager" request. Every step is one transaction through the workflow engine.
 */

export interface MeetingDetails {
  readonly type: MeetingType
  readonly typeOther: string | null
  readonly date: string
  readonly time: string | null
  readonly venue: string | null
  /** The conference clock's dates (issue 12): the strategy discussion, or the conference before a review. */
  readonly strategyDiscussionOn: string | null
  readonly previousConferenceOn: string | null
  readonly previousConference: PreviousConference | null
  /** Why the conference is set after its due date; kept only when it is. */
  readonly conferenceLateReason: string | null
}

export type { NewPerson } from '../people/service.ts'

/** The referrer may still edit it: the step "save the referral" is theirs to take now. */
async function requireDraftEdit(context: ServiceContext, trx: Transaction<Schema>, caller: Caller, row: ReferralRow): Promise<void> {
  requireStep('save_referral', actorOf(caller), await factsOf(trx, context.clock, row))
}

/** Starts a Child Protection Advocacy Referral (a draft), optionally for a person already known. */
export async function start(context: ServiceContext, caller: Caller, personId: string | null): Promise<string> {
  if (!hasRole(caller.user, 'referrer')) throw new ForbiddenError('Only a referrer can start a referral')
  return context.db.transaction().execute(async (trx) => {
    const authorityId = caller.user.authorityId
    if (personId !== null) {
      const person = isId(personId) ? await people.findPerson(trx, authorityId, personId) : undefined
      if (person?.kind !== 'adult') throw new NotFoundError('No such parent or carer')
    }
    const now = context.clock.now()
    const reference = await referrals.allocateReference(trx, authorityId)
    const id = await referrals.insertReferral(trx, {
      authority_id: authorityId,
      reference,
      referrer_id: caller.user.id,
      person_id: personId,
      state: 'draft',
      waiting_on_user_id: caller.user.id,
      step_entered_at: now,
      created_at: now,
      updated_at: now,
    })
    await insertSectionOne(trx, authorityId, id, now)
    await referrals.insertEvent(trx, {
      authority_id: authorityId,
      referral_id: id,
      event: 'start',
      from_state: null,
      to_state: 'draft',
      actor_id: caller.user.id,
      at: now,
      note: null,
    })
    await recordAudit(trx, actorOf(caller), { action: 'referral.started', recordType: 'referral', recordId: id, details: { personId } })
    return id
  })
}

/** Children already known in the person's family, to tick as the children of this referral. */
export async function familyChildren(context: ServiceContext, caller: Caller, referralId: string) {
  const row = await loadReferral(context.db, caller, referralId)
  const person = row.person_id ? await people.findPerson(context.db, row.authority_id, row.person_id) : undefined
  if (!person?.familyGroupId) return []
  const children = await people.childrenInFamily(context.db, row.authority_id, person.familyGroupId)
  return children.map((child) => ({ id: child.id, name: child.name, dateOfBirth: child.dateOfBirth }))
}

/** The referral is for this parent or carer, found by searching first. */
export async function choosePerson(context: ServiceContext, caller: Caller, referralId: string, personId: string): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    if (!isId(personId)) throw new NotFoundError('No such person')
    const person = await people.findPerson(trx, row.authority_id, personId)
    if (person?.kind !== 'adult') throw new NotFoundError('No such person')
    if (row.person_id !== personId) await referrals.replaceChildren(trx, row.authority_id, row.id, [])
    await takeStep(trx, context.clock, actorOf(caller), row, 'save_referral', { change: { person_id: personId }, details: { personId } })
  })
}

/** The referral is for a parent or carer not known yet: they are added, in a family of their own. */
export async function addPerson(context: ServiceContext, caller: Caller, referralId: string, person: NewPerson): Promise<string> {
  return editReferral(context, caller, referralId, async (trx, row) => {
    await requireDraftEdit(context, trx, caller, row)
    const personId = await people.addAdult(trx, caller, person, context.clock.now())
    await referrals.replaceChildren(trx, row.authority_id, row.id, [])
    await takeStep(trx, context.clock, actorOf(caller), row, 'save_referral', { change: { person_id: personId }, details: { personId } })
    return personId
  })
}

/** The children of this referral, from those known in the person's family. */
export async function setChildren(context: ServiceContext, caller: Caller, referralId: string, childIds: readonly string[]): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    await requireDraftEdit(context, trx, caller, row)
    const person = row.person_id ? await people.findPerson(trx, row.authority_id, row.person_id) : undefined
    const family = person?.familyGroupId ? await people.childrenInFamily(trx, row.authority_id, person.familyGroupId) : []
    const allowed = new Set(family.map((child) => child.id))
    if (!childIds.every((id) => allowed.has(id))) throw new NotFoundError('No such child in this family')
    await referrals.replaceChildren(trx, row.authority_id, row.id, childIds)
    await recordAudit(trx, actorOf(caller), { action: 'referral.children-changed', recordType: 'referral', recordId: row.id, details: { childIds } })
  })
}

/** A child not known yet, added to the person's family and to this referral. */
export async function addChild(context: ServiceContext, caller: Caller, referralId: string, child: NewPerson): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    await requireDraftEdit(context, trx, caller, row)
    if (!row.person_id) throw new WorkflowRefusedError('Add the parent or carer first')
    const parent = await people.findPerson(trx, row.authority_id, row.person_id)
    if (!parent) throw new NotFoundError('No such person')
    const childId = await people.addChildOf(trx, caller, parent, child, context.clock.now())
    await referrals.addChild(trx, row.authority_id, row.id, childId)
  })
}

/** Saves the meeting and the stage while the referral is with its referrer. */
export async function saveMeeting(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  meeting: MeetingDetails & { stage: ReferralStage },
  meetingVersion: number | null,
): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    await requireDraftEdit(context, trx, caller, row)
    const now = context.clock.now()
    const values = {
      type: meeting.type,
      type_other: meeting.typeOther,
      meeting_date: meeting.date,
      meeting_time: meeting.time,
      venue: meeting.venue,
      strategy_discussion_on: meeting.strategyDiscussionOn,
      previous_conference_on: meeting.previousConferenceOn,
      previous_conference: meeting.previousConference,
      conference_late_reason: await conferenceLateReason(trx, row.authority_id, meeting),
      updated_at: now,
    }
    let meetingId = row.meeting_id
    if (meetingId) {
      const saved = await meetings.updateMeeting(trx, row.authority_id, meetingId, meetingVersion ?? -1, values)
      if (!saved) throw new ConflictError('Someone else changed the meeting since you opened this page')
    } else {
      meetingId = await meetings.insertMeeting(trx, { authority_id: row.authority_id, ...values, created_at: now })
    }
    const referredOn = row.sent_at ? londonDate(row.sent_at) : londonDate(now)
    const timeliness = assessTimeliness(meeting.type, meeting.date, referredOn)
    await takeStep(trx, context.clock, actorOf(caller), row, 'save_referral', {
      change: { meeting_id: meetingId, stage: meeting.stage, due_by: timeliness.dueBy },
      details: { meetingId },
    })
  })
}

/**
 * A conference set after its due date is accepted, with a reason (as a late referral is): refused
 * without one, and the reason kept only while the date is late.
 */
async function conferenceLateReason(trx: Queryable, authorityId: string, meeting: MeetingDetails): Promise<string | null> {
  const due = conferenceDueOf(meeting, await bankHolidaysFor(trx, authorityId))
  const timing = due ? timingOf(meeting.date, due) : null
  if (!timing || timing.onTime) return null
  if (!meeting.conferenceLateReason) throw new ConferenceLateReasonNeededError(timing.message)
  return meeting.conferenceLateReason
}

/** The timeliness of sending today, before the referrer sends it. */
export async function timelinessIfSentToday(context: ServiceContext, caller: Caller, referralId: string): Promise<Timeliness | null> {
  const row = await loadReferral(context.db, caller, referralId)
  const meeting = await meetingOf(context.db, row)
  return meeting ? assessTimeliness(meeting.type, meeting.date, londonDate(context.clock.now())) : null
}

/** Finishes Section 1 by sending the mandatory "Pass to FGC Service Manager" request to FGC Advocacy Admin. */
export async function sendRequest(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  request: { note: string | null; lateReason: string | null },
): Promise<void> {
  await editReferral(context, caller, referralId, async (trx, row) => {
    const meeting = await meetingOf(trx, row)
    const timeliness = meeting ? assessTimeliness(meeting.type, meeting.date, londonDate(context.clock.now())) : null
    const late = timeliness?.late ?? false
    if (timeliness && late && !request.lateReason) throw new LateReasonNeededError(timeliness)
    await takeStep(trx, context.clock, actorOf(caller), row, 'send_request', {
      facts: { late, lateReasonGiven: Boolean(request.lateReason) },
      change: { sent_at: context.clock.now(), due_by: timeliness?.dueBy ?? null, late, late_reason: late ? request.lateReason : null },
      note: request.note,
      details: { late },
    })
  })
}

const DAY = 86_400_000

/**
 * Drafts nobody has changed for `DRAFT_LAPSE.lapseAfterDays` are closed by the service, as a
 * workflow step of its own (`lapse_draft`, actor `system`): nothing is deleted, and the referrer
 * sees why among the referrals that have ended. A job: each draft in its own transaction, checked
 * again under its lock, so it is safe to run twice or from two processes. Returns how many closed.
 */
export async function lapseAbandonedDrafts(context: ServiceContext): Promise<number> {
  const today = londonDate(context.clock.now())
  const candidates = await referrals.draftsUnchangedSince(context.db, new Date(context.clock.now().getTime() - (DRAFT_LAPSE.lapseAfterDays - 1) * DAY))
  let lapsed = 0
  for (const candidate of candidates) {
    lapsed += await context.db.transaction().execute(async (trx) => {
      const row = await referrals.findReferral(trx, candidate.authority_id, candidate.id, { forUpdate: true })
      if (row?.state !== 'draft') return 0
      const changed = await referrals.lastChangedAt(trx, row.authority_id, row.id)
      if (draftLapse(londonDate(changed), today).closesOn > today) return 0
      await takeStep(trx, context.clock, systemActor(row.authority_id), row, 'lapse_draft', {
        change: { closed_reason: 'lapsed', closed_details: null },
        details: { lastChangedOn: londonDate(changed) },
      })
      return 1
    })
  }
  return lapsed
}

/** This referrer's drafts the service will close soon (unchanged for `DRAFT_LAPSE.warnAfterDays`), and when. */
export async function draftsClosingSoon(context: ServiceContext, caller: Caller) {
  const warnFrom = new Date(context.clock.now().getTime() - (DRAFT_LAPSE.warnAfterDays - 1) * DAY)
  const today = londonDate(context.clock.now())
  const rows = await referrals.draftsOfUnchangedSince(context.db, caller.user.authorityId, caller.user.id, warnFrom)
  return rows.flatMap((row) => {
    const lapse = draftLapse(londonDate(row.last_changed_at), today)
    if (!lapse.warn) return []
    return [{ referralId: row.id, reference: row.reference, person: fullName(row) || null, closesOn: lapse.closesOn }]
  })
}
