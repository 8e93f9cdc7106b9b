import type { Kysely, Transaction } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { isId } from '../../platform/ids.ts'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import type {
  AdvocateType,
  Attendance,
  ConsentMethod,
  MeetingOutcome,
  MeetingType,
  Priority,
  ReferralStage,
  ViewsHeard,
  WithdrawalReason,
} from '../../vocabulary/referrals.ts'
import * as people from '../people/repository.ts'
import * as repository from './repository.ts'
import { missingAnswers, type SectionOneAnswers } from './section-one.ts'
import { actorOf, createSteps, sectionOneFrom } from './steps.ts'
import { assessTimeliness, type Timeliness } from './timeliness.ts'
import { events, isEnded, offeredEvents, stateDefinitions, unmetGuards, type State, type WorkflowEvent } from './workflow.ts'

/** The referral is (or, on a new date, would be) late, and nobody has said why. */
export class LateReasonNeededError extends Error {
  override name = 'LateReasonNeededError'
  readonly daysNotice: number
  readonly requiredDays: number

  constructor(timeliness: Timeliness) {
    super('This referral is late: say why it could not be made sooner')
    this.daysNotice = timeliness.daysNotice
    this.requiredDays = timeliness.requiredDays ?? 0
  }
}

export interface MeetingDetails {
  readonly type: MeetingType
  readonly typeOther: string | null
  readonly date: string
  readonly time: string | null
  readonly venue: string | null
}

export interface NewPerson {
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string | null
  readonly gender: string | null
  readonly pronouns: string | null
  readonly externalId: string | null
}

export interface DecisionInput {
  readonly nextAction: 'child_protection_advocacy_review' | 'no_further_action'
  readonly reasons: string
  readonly advocateType: AdvocateType | null
  readonly priority: Priority | null
}

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
  } | null
  readonly children: readonly { readonly id: string; readonly name: string; readonly dateOfBirth: string | null }[]
  readonly meeting: (MeetingDetails & { readonly id: string; readonly version: number }) | null
  readonly stage: string | null
  readonly sectionOne: SectionOneAnswers & { readonly version: number }
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
  readonly timeline: readonly { readonly event: string; readonly label: string; readonly by: string; readonly at: Date; readonly note: string | null }[]
  /** What this user may do now, and for each what is still missing (empty when it may go ahead). */
  readonly actions: Readonly<Partial<Record<WorkflowEvent, readonly string[]>>>
}

/** Steps whose notes (who was offered, why they declined) are for the advocacy service alone. */
const advocacyServiceNotes: ReadonlySet<string> = new Set(['offer', 'accept_offer', 'decline_offer', 'offer_lapsed', 'end_allocation', 'triage'])

const timelineLabels: Readonly<Record<string, string>> = {
  start: 'Child Protection Advocacy Referral started',
  ...Object.fromEntries(Object.entries(events).map(([name, event]) => [name, event.timeline ?? name])),
}

function fullName(person: { given_name: string; family_name: string }): string {
  return `${person.given_name} ${person.family_name}`
}

export function createReferralService(db: Kysely<Schema>, clock: Clock) {
  type Db = Kysely<Schema> | Transaction<Schema>

  const today = () => londonDate(clock.now())

  const steps = createSteps(clock)
  const { load, factsOf, require, fire } = steps

  async function requireManager(trx: Db, authorityId: string, managerId: string): Promise<void> {
    const managers = await repository.serviceManagers(trx, authorityId)
    if (!managers.some((manager) => manager.id === managerId)) throw new WorkflowRefusedError('Choose a service manager from the list')
  }

  function editTransaction<T>(work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
    return db.transaction().execute(work)
  }

  /** A "Pass to FGC Service Manager" request, to a named service manager who then has it in their work. */
  async function sendToManager(
    caller: Caller,
    referralId: string,
    event: 'pass_to_manager' | 'request_sign_off',
    managerId: string,
    note: string | null,
  ): Promise<void> {
    await editTransaction(async (trx) => {
      const row = await load(trx, caller, referralId, { forUpdate: true })
      require(event, actorOf(caller), await factsOf(trx, row))
      await requireManager(trx, row.authority_id, managerId)
      const name = (await repository.userNames(trx, row.authority_id, [managerId])).get(managerId)
      await fire(trx, actorOf(caller), row, event, {
        change: { assigned_manager_id: managerId },
        note: [`To ${name}`, note].filter(Boolean).join('\n'),
        details: { managerId },
      })
    })
  }

  return {
    /** Starts a Child Protection Advocacy Referral (a draft), optionally for a person already known. */
    async start(caller: Caller, personId: string | null): Promise<string> {
      if (!hasRole(caller.user, 'referrer')) throw new ForbiddenError('Only a referrer can start a referral')
      return editTransaction(async (trx) => {
        if (personId !== null) {
          const person = isId(personId) ? await people.findPerson(trx, caller.user.authorityId, personId) : undefined
          if (person?.kind !== 'adult') throw new NotFoundError('No such parent or carer')
        }
        const now = clock.now()
        const reference = await repository.allocateReference(trx, caller.user.authorityId)
        const id = await repository.insertReferral(trx, {
          authority_id: caller.user.authorityId,
          reference,
          referrer_id: caller.user.id,
          person_id: personId,
          state: 'draft',
          waiting_on_user_id: caller.user.id,
          step_entered_at: now,
          created_at: now,
          updated_at: now,
        })
        await repository.insertEvent(trx, {
          authority_id: caller.user.authorityId,
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
    },

    /** The whole referral as this user may see it. Viewing is audited. */
    async view(caller: Caller, referralId: string): Promise<ReferralView> {
      return editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId)
        const authorityId = row.authority_id
        const state = row.state
        const [sectionOneRow, decision, review, person, children, meeting, timeline] = await Promise.all([
          repository.findSectionOne(trx, authorityId, row.id),
          repository.findDecision(trx, authorityId, row.id),
          repository.findReview(trx, authorityId, row.id),
          row.person_id ? repository.findPersonSummary(trx, authorityId, row.person_id) : undefined,
          repository.referralChildren(trx, authorityId, row.id),
          row.meeting_id ? repository.findMeeting(trx, authorityId, row.meeting_id) : undefined,
          repository.listEvents(trx, authorityId, row.id),
        ])
        const names = await repository.userNames(trx, authorityId, [
          row.referrer_id,
          ...(row.assigned_manager_id ? [row.assigned_manager_id] : []),
          ...(row.waiting_on_user_id ? [row.waiting_on_user_id] : []),
          ...(decision ? [decision.decided_by] : []),
          ...(review?.outcome_recorded_by ? [review.outcome_recorded_by] : []),
        ])
        const waitingTeam = row.waiting_on_team_id ? await repository.teamName(trx, authorityId, row.waiting_on_team_id) : undefined
        const sectionOne = sectionOneFrom(sectionOneRow)
        const facts = await factsOf(trx, row)
        const actions: Partial<Record<WorkflowEvent, readonly string[]>> = {}
        for (const event of offeredEvents(caller.user, facts)) actions[event] = unmetGuards(event, facts)

        const isReferrer = row.referrer_id === caller.user.id
        if (isReferrer && isEnded(state) && !row.referrer_read_at) {
          await repository.updateReferral(trx, authorityId, row.id, row.state, { referrer_read_at: clock.now() })
        }
        await recordAudit(trx, actorOf(caller), { action: 'referral.viewed', recordType: 'referral', recordId: row.id })

        const assessed = meeting ? assessTimeliness(meeting.type, meeting.meeting_date, row.sent_at ? londonDate(row.sent_at) : today()) : null
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
              }
            : null,
          stage: row.stage,
          sectionOne,
          sectionOneMissing: missingAnswers(sectionOne, today()).map((missing) => missing.message),
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
            const advocacyOnly = advocacyServiceNotes.has(entry.event) && !hasRole(caller.user, 'advocacy_admin', 'service_manager')
            return {
              event: entry.event,
              label: timelineLabels[entry.event] ?? entry.event,
              by: advocacyOnly ? 'The advocacy service' : (entry.actor_name ?? 'The service'),
              at: entry.at,
              note: advocacyOnly ? null : entry.note,
            }
          }),
          actions,
        }
      })
    },

    /**
     * A person's page: their details and the referrals this user may open. It opens to someone with
     * a relationship to the person: they referred them (or added them to a draft), or they are in
     * the advocacy service and the person has been referred to it. Viewing it is audited.
     */
    async personRecord(caller: Caller, personId: string) {
      if (!hasRole(caller.user, 'referrer', 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Not allowed')
      if (!isId(personId)) throw new NotFoundError('No such person')
      const person = await people.findPerson(db, caller.user.authorityId, personId)
      if (!person) throw new NotFoundError('No such person')
      const all = await repository.referralsOfPerson(db, caller.user.authorityId, personId)
      const service = hasRole(caller.user, 'advocacy_admin', 'service_manager')
      const visible = all.filter((referral) => referral.referrer_id === caller.user.id || (service && referral.state !== 'draft'))
      if (person.created_by !== caller.user.id && visible.length === 0) throw new NotFoundError('No such person')
      await recordAudit(db, actorOf(caller), { action: 'person.viewed', recordType: 'person', recordId: personId })
      return {
        id: person.id,
        name: fullName(person),
        dateOfBirth: person.date_of_birth,
        gender: person.gender,
        pronouns: person.pronouns,
        externalId: person.external_id,
        referrals: visible.map((referral) => {
          const state = referral.state
          return {
            id: referral.id,
            reference: referral.reference,
            stateLabel: stateDefinitions[state].label,
            stateColour: stateDefinitions[state].colour,
            meetingType: referral.meeting_type,
            meetingDate: referral.meeting_date,
          }
        }),
      }
    },

    /** Children already known in the person's family, to tick as the children of this referral. */
    async familyChildren(caller: Caller, referralId: string) {
      const row = await load(db, caller, referralId)
      if (!row.person_id) return []
      const person = await people.findPerson(db, row.authority_id, row.person_id)
      if (!person?.family_group_id) return []
      const children = await people.childrenInFamily(db, row.authority_id, person.family_group_id)
      return children.map((child) => ({ id: child.id, name: fullName(child), dateOfBirth: child.date_of_birth }))
    },

    async choosePerson(caller: Caller, referralId: string, personId: string): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        if (!isId(personId)) throw new NotFoundError('No such person')
        const person = await people.findPerson(trx, row.authority_id, personId)
        if (!person || person.kind !== 'adult') throw new NotFoundError('No such person')
        if (row.person_id !== personId) await repository.replaceChildren(trx, row.authority_id, row.id, [])
        await fire(trx, actorOf(caller), row, 'save_referral', { change: { person_id: personId }, details: { personId } })
      })
    },

    async addPerson(caller: Caller, referralId: string, person: NewPerson): Promise<string> {
      return editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        require('save_referral', actorOf(caller), await factsOf(trx, row))
        const now = clock.now()
        const familyGroupId = await people.insertFamilyGroup(trx, row.authority_id)
        const personId = await people.insertPerson(trx, {
          authorityId: row.authority_id,
          familyGroupId,
          kind: 'adult',
          ...person,
          createdBy: caller.user.id,
          now,
        })
        await recordAudit(trx, actorOf(caller), { action: 'person.created', recordType: 'person', recordId: personId })
        await repository.replaceChildren(trx, row.authority_id, row.id, [])
        await fire(trx, actorOf(caller), row, 'save_referral', { change: { person_id: personId }, details: { personId } })
        return personId
      })
    },

    async setChildren(caller: Caller, referralId: string, childIds: readonly string[]): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        require('save_referral', actorOf(caller), await factsOf(trx, row))
        const person = row.person_id ? await people.findPerson(trx, row.authority_id, row.person_id) : undefined
        const family = person?.family_group_id ? await people.childrenInFamily(trx, row.authority_id, person.family_group_id) : []
        const allowed = new Set(family.map((child) => child.id))
        if (!childIds.every((id) => allowed.has(id))) throw new NotFoundError('No such child in this family')
        await repository.replaceChildren(trx, row.authority_id, row.id, childIds)
        await recordAudit(trx, actorOf(caller), { action: 'referral.children-changed', recordType: 'referral', recordId: row.id, details: { childIds } })
      })
    },

    async addChild(caller: Caller, referralId: string, child: NewPerson): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        require('save_referral', actorOf(caller), await factsOf(trx, row))
        if (!row.person_id) throw new WorkflowRefusedError('Add the parent or carer first')
        const parent = await people.findPerson(trx, row.authority_id, row.person_id)
        if (!parent) throw new NotFoundError('No such person')
        let familyGroupId = parent.family_group_id
        if (!familyGroupId) {
          familyGroupId = await people.insertFamilyGroup(trx, row.authority_id)
          await people.setFamilyGroup(trx, row.authority_id, parent.id, familyGroupId)
        }
        const childId = await people.insertPerson(trx, {
          authorityId: row.authority_id,
          familyGroupId,
          kind: 'child',
          ...child,
          createdBy: caller.user.id,
          now: clock.now(),
        })
        await repository.addChild(trx, row.authority_id, row.id, childId)
        await recordAudit(trx, actorOf(caller), { action: 'person.created', recordType: 'person', recordId: childId })
      })
    },

    /** Saves the meeting and the stage while the referral is with its referrer. */
    async saveMeeting(caller: Caller, referralId: string, meeting: MeetingDetails & { stage: ReferralStage }, meetingVersion: number | null): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        require('save_referral', actorOf(caller), await factsOf(trx, row))
        const now = clock.now()
        const values = {
          type: meeting.type,
          type_other: meeting.typeOther,
          meeting_date: meeting.date,
          meeting_time: meeting.time,
          venue: meeting.venue,
          updated_at: now,
        }
        let meetingId = row.meeting_id
        if (meetingId) {
          const saved = await repository.updateMeeting(trx, row.authority_id, meetingId, meetingVersion ?? -1, values)
          if (!saved) throw new ConflictError('Someone else changed the meeting since you opened this page')
        } else {
          meetingId = await repository.insertMeeting(trx, { authority_id: row.authority_id, ...values, created_at: now })
        }
        const timeliness = assessTimeliness(meeting.type, meeting.date, row.sent_at ? londonDate(row.sent_at) : today())
        await fire(trx, actorOf(caller), row, 'save_referral', {
          change: { meeting_id: meetingId, stage: meeting.stage, due_by: timeliness.dueBy },
          details: { meetingId },
        })
      })
    },

    /** Saves Section 1 (complete or not), unless someone else saved it since `version`. */
    async saveSectionOne(
      caller: Caller,
      referralId: string,
      answers: SectionOneAnswers,
      version: number,
    ): Promise<{ missing: ReturnType<typeof missingAnswers> }> {
      return editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        require('save_referral', actorOf(caller), await factsOf(trx, row))
        const saved = await repository.updateSectionOne(
          trx,
          row.authority_id,
          row.id,
          version,
          {
            consent_given: answers.consentGiven,
            consent_method: answers.consentGiven ? answers.consentMethod : null,
            consent_date: answers.consentGiven ? answers.consentDate : null,
            consent_details: answers.consentDetails,
            reason: answers.reason,
            has_preference: answers.hasPreference,
            preference_details: answers.preferenceDetails,
            preferred_gender: answers.preferredGender,
            preferred_languages: [...answers.preferredLanguages],
            preferred_heritage: answers.preferredHeritage,
            interpreter_needed: answers.interpreterNeeded,
            has_disability: answers.hasDisability,
            disability_details: answers.disabilityDetails,
            adjustments: [...answers.adjustments],
            has_other_needs: answers.hasOtherNeeds,
            other_needs_details: answers.otherNeedsDetails,
            domestic_abuse_between_parents: answers.domesticAbuseBetweenParents,
            safety_notes: answers.safetyNotes,
          },
          { userId: caller.user.id, now: clock.now() },
        )
        if (!saved) {
          const current = await repository.findSectionOne(trx, row.authority_id, row.id)
          const by = current?.updated_by ? (await repository.userNames(trx, row.authority_id, [current.updated_by])).get(current.updated_by) : undefined
          throw new ConflictError('Someone else saved Section 1 since you opened it', by ?? null, current?.updated_at ?? null)
        }
        await recordAudit(trx, actorOf(caller), { action: 'referral.section-1-saved', recordType: 'referral', recordId: row.id })
        return { missing: missingAnswers(answers, today()) }
      })
    },

    /** The timeliness of sending today, before the referrer sends it. */
    async timelinessIfSentToday(caller: Caller, referralId: string): Promise<Timeliness | null> {
      const row = await load(db, caller, referralId)
      const meeting = await steps.meetingOf(db, row)
      return meeting ? assessTimeliness(meeting.type, meeting.date, today()) : null
    },

    /** Finishes Section 1 by sending the mandatory "Pass to FGC Service Manager" request to FGC Advocacy Admin. */
    async sendRequest(caller: Caller, referralId: string, request: { note: string | null; lateReason: string | null }): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        const meeting = await steps.meetingOf(trx, row)
        const timeliness = meeting ? assessTimeliness(meeting.type, meeting.date, today()) : null
        const late = timeliness?.late ?? false
        if (timeliness && late && !request.lateReason) throw new LateReasonNeededError(timeliness)
        await fire(trx, actorOf(caller), row, 'send_request', {
          facts: { late, lateReasonGiven: Boolean(request.lateReason) },
          change: { sent_at: clock.now(), due_by: timeliness?.dueBy ?? null, late, late_reason: late ? request.lateReason : null },
          note: request.note,
          details: { late },
        })
      })
    },

    async serviceManagers(caller: Caller) {
      if (!hasRole(caller.user, 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Not allowed')
      const rows = await repository.serviceManagers(db, caller.user.authorityId)
      return rows.map((row) => ({ id: row.id, name: row.display_name }))
    },

    /** The admin passes the "Pass to FGC Service Manager" request to a named service manager. */
    passToManager: (caller: Caller, referralId: string, managerId: string, note: string | null) =>
      sendToManager(caller, referralId, 'pass_to_manager', managerId, note),

    async returnForInformation(caller: Caller, referralId: string, note: string): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        await fire(trx, actorOf(caller), row, 'return_for_information', { note })
      })
    },

    async resubmit(caller: Caller, referralId: string, note: string | null): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        await fire(trx, actorOf(caller), row, 'resubmit', { note })
      })
    },

    /** Section 2, the Advocacy Manager's Decision, and its next action. */
    async decide(caller: Caller, referralId: string, decision: DecisionInput): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        const event: WorkflowEvent = decision.nextAction === 'no_further_action' ? 'decide_no_further_action' : 'decide_review'
        require(event, actorOf(caller), await factsOf(trx, row))
        const progress = decision.nextAction === 'child_protection_advocacy_review'
        await repository.insertDecision(trx, {
          referral_id: row.id,
          authority_id: row.authority_id,
          next_action: decision.nextAction,
          reasons: decision.reasons,
          advocate_type: progress ? decision.advocateType : null,
          priority: progress ? decision.priority : null,
          decided_by: caller.user.id,
          decided_at: clock.now(),
        })
        if (progress) await repository.insertReview(trx, { referral_id: row.id, authority_id: row.authority_id, updated_at: clock.now() })
        await fire(trx, actorOf(caller), row, event, {
          change: progress ? { assigned_manager_id: caller.user.id } : { closed_reason: 'no_further_action', closed_details: decision.reasons },
          note: decision.reasons,
          details: { advocateType: decision.advocateType, priority: decision.priority },
        })
      })
    },

    /** Consent given after the referral was made, recorded by the admin before an advocate can be. */
    async recordConsent(
      caller: Caller,
      referralId: string,
      consent: { method: ConsentMethod; date: string; details: string | null },
      version: number,
    ): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        require('record_consent', actorOf(caller), await factsOf(trx, row))
        if (consent.date > today()) throw new WorkflowRefusedError('The date consent was given must be today or in the past')
        const saved = await repository.updateSectionOne(
          trx,
          row.authority_id,
          row.id,
          version,
          { consent_given: true, consent_method: consent.method, consent_date: consent.date, consent_details: consent.details },
          { userId: caller.user.id, now: clock.now() },
        )
        if (!saved) throw new ConflictError('Someone else changed the consent since you opened this page')
        await fire(trx, actorOf(caller), row, 'record_consent', { note: consent.details })
      })
    },

    async recordOutcome(caller: Caller, referralId: string, outcome: OutcomeInput, version: number): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        require('record_outcome', actorOf(caller), await factsOf(trx, row))
        const saved = await repository.updateReview(trx, row.authority_id, row.id, version, {
          contact_count: outcome.contactCount,
          contact_summary: outcome.contactSummary,
          advocate_attended: outcome.advocateAttended,
          views_heard: outcome.viewsHeard,
          meeting_outcome: outcome.meetingOutcome,
          meeting_outcome_details: outcome.meetingOutcomeDetails,
          minutes_spent: outcome.minutesSpent,
          notes: outcome.notes,
          outcome_recorded_by: caller.user.id,
          outcome_recorded_at: clock.now(),
          updated_at: clock.now(),
        })
        if (!saved) throw new ConflictError('Someone else changed the Advocacy Outcome since you opened this page')
        await fire(trx, actorOf(caller), row, 'record_outcome')
      })
    },

    /** The admin sends the outcome to a named service manager for sign-off. */
    requestSignOff: (caller: Caller, referralId: string, managerId: string, note: string | null) =>
      sendToManager(caller, referralId, 'request_sign_off', managerId, note),

    async signOff(caller: Caller, referralId: string, choice: { complete: boolean; note: string | null }): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        await fire(trx, actorOf(caller), row, choice.complete ? 'complete' : 'return_outcome', {
          change: choice.complete ? { closed_reason: 'completed' } : {},
          note: choice.note,
        })
      })
    },

    async withdraw(caller: Caller, referralId: string, withdrawal: { reason: WithdrawalReason; details: string | null }): Promise<void> {
      await editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        await fire(trx, actorOf(caller), row, 'withdraw', {
          change: { closed_reason: withdrawal.reason, closed_details: withdrawal.details },
          note: withdrawal.details,
          details: { reason: withdrawal.reason },
        })
      })
    },

    /**
     * Moves the meeting, and re-checks timeliness against the date the referral was made. When the
     * new date makes it late, a reason is needed.
     */
    async reschedule(
      caller: Caller,
      referralId: string,
      change: { date: string; time: string | null; venue: string | null; lateReason: string | null },
      meetingVersion: number,
    ): Promise<{ late: boolean }> {
      return editTransaction(async (trx) => {
        const row = await load(trx, caller, referralId, { forUpdate: true })
        const meeting = row.meeting_id ? await repository.findMeeting(trx, row.authority_id, row.meeting_id) : undefined
        if (!meeting) throw new WorkflowRefusedError('Add the meeting first')
        const referredOn = row.sent_at ? londonDate(row.sent_at) : today()
        const timeliness = assessTimeliness(meeting.type, change.date, referredOn)
        const lateReason = timeliness.late ? (change.lateReason ?? row.late_reason) : null
        if (timeliness.late && !lateReason) throw new LateReasonNeededError(timeliness)
        require('reschedule', actorOf(caller), await factsOf(trx, row, { late: timeliness.late, lateReasonGiven: Boolean(lateReason) }))
        const saved = await repository.updateMeeting(trx, row.authority_id, meeting.id, meetingVersion, {
          type: meeting.type,
          type_other: meeting.type_other,
          meeting_date: change.date,
          meeting_time: change.time,
          venue: change.venue,
          updated_at: clock.now(),
        })
        if (!saved) throw new ConflictError('Someone else changed the meeting since you opened this page')
        await fire(trx, actorOf(caller), row, 'reschedule', {
          facts: { late: timeliness.late, lateReasonGiven: Boolean(lateReason) },
          change: { due_by: timeliness.dueBy, late: timeliness.late, late_reason: lateReason },
          note: `Moved from ${meeting.meeting_date}${meeting.meeting_time ? ` ${meeting.meeting_time}` : ''} to ${change.date}${change.time ? ` ${change.time}` : ''}`,
          details: { late: timeliness.late, wasLate: row.late },
        })
        return { late: timeliness.late }
      })
    },
  }
}

export type ReferralService = ReturnType<typeof createReferralService>
