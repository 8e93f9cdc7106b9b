import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { staffAndTeamNames } from '../../platform/auth/staff-repository.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { AdvocateType, MeetingType, ReferralStage } from '../../vocabulary/referrals.ts'
import type { PreviousConference } from '../../vocabulary/meetings.ts'
import { conferenceClockOf, type ConferenceClockView } from '../meetings/conference-clock.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import * as people from '../people/records-service.ts'
import { contactFrom, viewsFrom, type Contact, type PersonViews } from './advocacy-record/record-reads.ts'
import { historyEntryFrom } from './allocation/allocation-history.ts'
import * as childOfferRows from './child-offer-repository.ts'
import { childOffersView, type ChildOffersView } from './child-offers-view.ts'
import type { DecisionInput } from './decisions-service.ts'
import type { OutcomeInput } from './outcome-service.ts'
import * as referrals from './referral-repository.ts'
import { readMovedNote, type Move } from './reschedule/moved-note.ts'
import { emptySectionOne, missingAnswers, summaryRows, type SectionOneAnswers, type SummaryRow } from './section-1/questions.ts'
import { sectionOneOf } from './section-1/section-one-repository.ts'
import { actorOf, factsFrom, loadReferralWithRecords, tiesReferrerToPerson } from './steps.ts'
import { assessTimeliness, type Timeliness } from './timeliness.ts'
import {
  draftLapse,
  events,
  inapplicableEvents,
  type DraftLapse,
  isEnded,
  offeredEvents,
  stateDefinitions,
  unmetGuards,
  type State,
  type WorkflowEvent,
} from './workflow.ts'

/** The referral's page: everything about it this user may see, read in one transaction and audited once. */

export interface ReferralView {
  readonly id: string
  readonly reference: string
  readonly state: State
  readonly stateLabel: string
  readonly stateColour: string
  readonly step: string | null
  readonly ended: boolean
  readonly version: number
  readonly referrer: { readonly id: string; readonly name: string }
  readonly isReferrer: boolean
  readonly person: {
    readonly id: string
    readonly name: string
    readonly dateOfBirth: string | null
    readonly gender: string | null
    readonly pronouns: string | null
    readonly externalId: string | null
    /** A child's own referral (ADR 30): the page names them as the child or young person, not a parent. */
    readonly isChild: boolean
  } | null
  readonly children: readonly { readonly id: string; readonly name: string; readonly dateOfBirth: string | null }[]
  readonly meeting: {
    readonly id: string
    readonly version: number
    readonly type: MeetingType
    readonly typeOther: string | null
    readonly date: string
    readonly time: string | null
    readonly venue: string | null
    readonly strategyDiscussionOn: string | null
    readonly previousConferenceOn: string | null
    readonly previousConference: PreviousConference | null
    /** A child protection conference's clock: when it is due, and whether the date keeps to it (issue 12). */
    readonly conference: ConferenceClockView | null
  } | null
  readonly stage: ReferralStage | null
  /** For a draft: when the service will close it if nobody changes it, and whether to warn now. */
  readonly draftLapse: DraftLapse | null
  /** The meeting is still to come (its date is after today): the Advocacy Outcome is about a meeting that has not happened. */
  readonly meetingAhead: boolean
  readonly sectionOne: SectionOneAnswers & { readonly version: number }
  /** Section 1 as "Check your answers" shows it. */
  readonly sectionOneSummary: readonly SummaryRow[]
  readonly sectionOneMissing: readonly string[]
  readonly timeliness: (Timeliness & { readonly lateReason: string | null; readonly sentAt: Date | null }) | null
  readonly waitingOn: string | null
  readonly stepDueOn: string | null
  readonly assignedManager: { readonly id: string; readonly name: string } | null
  readonly decision: (DecisionInput & { readonly decidedBy: string; readonly decidedAt: Date }) | null
  readonly review: {
    readonly version: number
    readonly advocateName: string | null
    readonly advocateType: AdvocateType | null
    readonly advocateRecordedAt: Date | null
    readonly outcome: (OutcomeInput & { readonly recordedBy: string; readonly recordedAt: Date }) | null
  } | null
  readonly closed: { readonly at: Date; readonly reason: string | null; readonly details: string | null } | null
  readonly timeline: readonly {
    readonly event: string
    readonly label: string
    readonly by: string
    readonly at: Date
    readonly note: string | null
    /** For a reschedule: the meeting's dates before and after, for the timeline to show as it shows every date. */
    readonly moved: Move | null
  }[]
  /** What this user may do now, and for each what is still missing (empty when it may go ahead). */
  readonly actions: Readonly<Partial<Record<WorkflowEvent, readonly string[]>>>
  /** Steps of this user's that do not apply to the referral as it is now, and why (not offered at all). */
  readonly unavailable: Readonly<Partial<Record<WorkflowEvent, string>>>
  /** For the advocacy service (once sent): every offer, acceptance, decline and triage. */
  readonly allocationHistory: readonly ReturnType<typeof historyEntryFrom>[]
  /** For the advocacy service (once sent): the advocate's contacts and the person's views. */
  readonly record: { readonly contacts: readonly Contact[]; readonly views: PersonViews } | null
  /**
   * The children of a child protection conference, each offered an advocate of their own, and
   * where their offer stands (issue 11); null for any other meeting, or none yet.
   */
  readonly childOffers: ChildOffersView | null
  /** A child's own referral: the conference whose offer of an advocate it was started from (ADR 30). */
  readonly fromOffer: { readonly meetingType: MeetingType; readonly meetingDate: string } | null
  /** The person's views, for anyone who may see the referral, once shared with the chair. */
  readonly sharedViews: { readonly views: string; readonly sharedAt: Date } | null
}

/** Steps whose notes (who was offered, why they declined) are for the advocacy service alone. */
const advocacyServiceNotes: ReadonlySet<string> = new Set(['offer', 'accept_offer', 'decline_offer', 'offer_lapsed', 'end_allocation', 'triage'])

const timelineLabels: Readonly<Record<string, string>> = {
  start: 'Child Protection Advocacy Referral started',
  start_child_referral: 'Child’s own referral started from their accepted offer of an advocate, and sent to FGC Advocacy Admin',
  ...Object.fromEntries(Object.entries(events).map(([name, event]) => [name, event.timeline ?? name])),
}

/**
 * The whole referral as this user may see it: read in one transaction, each table once, and
 * audited once (the advocacy service's view names the advocacy record it showed too).
 */
export async function view(context: ServiceContext, caller: Caller, referralId: string): Promise<ReferralView> {
  return context.db.transaction().execute(async (trx) => {
    // The advocacy record and the offers made are the advocacy service's alone; shared views are everyone's.
    const service = hasRole(caller.user, 'advocacy_admin', 'service_manager')
    const read = await loadReferralWithRecords(trx, caller, referralId, { withRecord: service })
    const { referral: row, decision, review, meeting, allocation, timeline, person, children, childOffers: offers } = read
    const sectionOneRow = sectionOneOf(read.sectionOne)
    const authorityId = row.authority_id
    const state = row.state
    const withRecord = service && state !== 'draft'
    const views = viewsFrom(read.views)
    const [lastChanged, fromOffer] = await Promise.all([
      state === 'draft' ? referrals.lastChangedAt(trx, authorityId, row.id) : null,
      person?.kind === 'child' ? childOfferRows.offerOfChildReferral(trx, authorityId, row.id) : undefined,
    ])
    const facts = factsFrom(row, { sectionOne: sectionOneRow, review, allocation }, context.clock)
    const names = await staffAndTeamNames(trx, authorityId, {
      users: [
        row.referrer_id,
        ...(row.assigned_manager_id ? [row.assigned_manager_id] : []),
        ...(row.waiting_on_user_id ? [row.waiting_on_user_id] : []),
        ...(decision ? [decision.decided_by] : []),
        ...(review?.outcome_recorded_by ? [review.outcome_recorded_by] : []),
      ],
      teams: row.waiting_on_team_id ? [row.waiting_on_team_id] : [],
    })
    const waitingTeam = row.waiting_on_team_id ? names.get(row.waiting_on_team_id) : undefined
    const sectionOne = sectionOneRow ?? { ...emptySectionOne, version: 0 }
    const actions: Partial<Record<WorkflowEvent, readonly string[]>> = {}
    for (const event of offeredEvents(caller.user, facts)) actions[event] = unmetGuards(event, facts)

    const isReferrer = row.referrer_id === caller.user.id
    if (isReferrer && isEnded(state) && !row.referrer_read_at) {
      await referrals.updateReferral(trx, authorityId, row.id, row.state, { referrer_read_at: context.clock.now() })
    }
    await recordAudit(trx, actorOf(caller), {
      action: 'referral.viewed',
      recordType: 'referral',
      recordId: row.id,
      ...(withRecord ? { details: { with: 'advocacy-record' } } : {}),
    })

    const today = londonDate(context.clock.now())
    const bankHolidays = meeting ? await bankHolidaysFor(trx, authorityId) : null
    const assessed = meeting ? assessTimeliness(meeting.type, meeting.meeting_date, row.sent_at ? londonDate(row.sent_at) : today) : null
    return {
      id: row.id,
      reference: row.reference,
      state,
      stateLabel: stateDefinitions[state].label,
      stateColour: stateDefinitions[state].colour,
      step: stateDefinitions[state].step,
      ended: isEnded(state),
      version: row.version,
      referrer: { id: row.referrer_id, name: names.get(row.referrer_id) ?? '' },
      isReferrer,
      person: person
        ? {
            id: person.id,
            name: fullName(person),
            dateOfBirth: person.date_of_birth,
            gender: person.gender,
            pronouns: person.pronouns,
            externalId: person.external_id,
            isChild: person.kind === 'child',
          }
        : null,
      children: children.map((child) => ({ id: child.id, name: fullName(child), dateOfBirth: child.date_of_birth })),
      meeting: meeting
        ? {
            id: meeting.id,
            version: meeting.version,
            type: meeting.type,
            typeOther: meeting.type_other,
            date: meeting.meeting_date,
            time: meeting.meeting_time,
            venue: meeting.venue,
            strategyDiscussionOn: meeting.strategy_discussion_on,
            previousConferenceOn: meeting.previous_conference_on,
            previousConference: meeting.previous_conference,
            conference: bankHolidays
              ? conferenceClockOf(
                  {
                    type: meeting.type,
                    date: meeting.meeting_date,
                    strategyDiscussionOn: meeting.strategy_discussion_on,
                    previousConferenceOn: meeting.previous_conference_on,
                    previousConference: meeting.previous_conference,
                    lateReason: meeting.conference_late_reason,
                  },
                  bankHolidays,
                )
              : null,
          }
        : null,
      stage: row.stage,
      draftLapse: lastChanged ? draftLapse(londonDate(lastChanged), today) : null,
      meetingAhead: meeting !== undefined && meeting.meeting_date > today,
      sectionOne,
      sectionOneSummary: summaryRows(sectionOne),
      sectionOneMissing: missingAnswers(sectionOne, today).map((missing) => missing.message),
      timeliness: assessed ? { ...assessed, late: row.sent_at ? row.late : assessed.late, lateReason: row.late_reason, sentAt: row.sent_at } : null,
      waitingOn: waitingTeam ?? (row.waiting_on_user_id ? (names.get(row.waiting_on_user_id) ?? null) : null),
      stepDueOn: row.step_due_on,
      assignedManager: row.assigned_manager_id ? { id: row.assigned_manager_id, name: names.get(row.assigned_manager_id) ?? '' } : null,
      decision: decision
        ? {
            nextAction: decision.next_action,
            reasons: decision.reasons,
            advocateType: decision.advocate_type,
            priority: decision.priority,
            decidedBy: names.get(decision.decided_by) ?? '',
            decidedAt: decision.decided_at,
          }
        : null,
      review: review
        ? {
            version: review.version,
            advocateName: review.advocate_name,
            advocateType: review.advocate_type,
            advocateRecordedAt: review.advocate_recorded_at,
            outcome:
              review.outcome_recorded_at && review.outcome_recorded_by && review.advocate_attended
                ? {
                    contactCount: review.contact_count ?? 0,
                    contactSummary: review.contact_summary,
                    advocateAttended: review.advocate_attended,
                    viewsHeard: review.views_heard,
                    meetingOutcome: review.meeting_outcome,
                    meetingOutcomeDetails: review.meeting_outcome_details,
                    minutesSpent: review.minutes_spent ?? 0,
                    notes: review.notes,
                    recordedBy: names.get(review.outcome_recorded_by) ?? '',
                    recordedAt: review.outcome_recorded_at,
                  }
                : null,
          }
        : null,
      closed: row.closed_at ? { at: row.closed_at, reason: row.closed_reason, details: row.closed_details } : null,
      timeline: timeline.map((entry) => {
        const advocacyOnly = advocacyServiceNotes.has(entry.event) && !service
        return {
          event: entry.event,
          label: timelineLabels[entry.event] ?? entry.event,
          by: advocacyOnly ? 'The advocacy service' : (entry.actor_name ?? 'The service'),
          at: entry.at,
          note: advocacyOnly ? null : entry.note,
          moved: entry.event === 'reschedule' ? readMovedNote(entry.note) : null,
        }
      }),
      actions,
      unavailable: inapplicableEvents(caller.user, facts),
      allocationHistory: withRecord ? read.allocationHistory.map(historyEntryFrom) : [],
      record: withRecord ? { contacts: read.contacts.map(contactFrom), views } : null,
      // A child's own referral offers no child an advocate: the child has one on it.
      childOffers: person?.kind === 'child' ? null : childOffersView(meeting, children, offers),
      fromOffer: fromOffer ? { meetingType: fromOffer.meeting_type, meetingDate: fromOffer.meeting_date } : null,
      sharedViews: views.sharedAt && views.views && views.personAgreedToShare ? { views: views.views, sharedAt: views.sharedAt } : null,
    }
  })
}

/**
 * A person this user may open, with the referrals for them the user may open (see `personRecord`),
 * or NotFoundError. Not audited: the page that shows them audits it.
 */
export async function openPerson(context: ServiceContext, caller: Caller, personId: string) {
  if (!hasRole(caller.user, 'referrer', 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Not allowed')
  if (!isId(personId)) throw new NotFoundError('No such person')
  const person = await people.findPerson(context.db, caller.user.authorityId, personId)
  if (!person) throw new NotFoundError('No such person')
  const all = await referrals.referralsOfPerson(context.db, caller.user.authorityId, personId)
  const service = hasRole(caller.user, 'advocacy_admin', 'service_manager')
  const visible = all.filter(
    (referral) => (referral.referrer_id === caller.user.id && tiesReferrerToPerson(referral)) || (service && referral.sent_at !== null),
  )
  if (visible.length === 0) throw new NotFoundError('No such person')
  return { person, visible }
}

/**
 * A person's page: their details and the referrals this user may open. It opens to someone with
 * a relationship to the person, through a referral: they are referring them (a draft in progress)
 * or referred them (a referral they sent), or they are in the advocacy service and the person has
 * been referred to it. Having added the person, or chosen them for a draft since deleted, is no
 * relationship: the access ends with the draft. Viewing it is audited.
 */
export async function personRecord(context: ServiceContext, caller: Caller, personId: string) {
  const { person, visible } = await openPerson(context, caller, personId)
  await recordAudit(context.db, actorOf(caller), { action: 'person.viewed', recordType: 'person', recordId: personId })
  return {
    id: person.id,
    name: person.name,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    pronouns: person.pronouns,
    externalId: person.externalId,
    equality: person.equality,
    referrals: visible.map((referral) => ({
      id: referral.id,
      reference: referral.reference,
      stateLabel: stateDefinitions[referral.state].label,
      stateColour: stateDefinitions[referral.state].colour,
      meetingType: referral.meeting_type,
      meetingDate: referral.meeting_date,
    })),
  }
}
