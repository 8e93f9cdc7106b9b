import { hasRole, type SignedInUser } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import type { BankHolidays } from '../../platform/time/calendar.ts'
import { fgcStatuses, type FgcStatus } from '../../vocabulary/meetings.ts'
import { adjustments as adjustmentWords } from '../../vocabulary/referrals.ts'
import {
  isReady,
  mayRecord,
  mayRecordAfterwards,
  maySee,
  nothingRecorded,
  readinessOf,
  stateInWords,
  type ItemState,
  type ReadinessItem,
  type Relation,
  type WaitsOn,
} from '../meetings/readiness.ts'
import type { MeetingRules } from '../settings/meeting-rules.ts'
import * as meetings from './meeting-repository.ts'
import type { SectionOneAnswers } from './section-1/questions.ts'
import type { ReferralRow } from './steps.ts'

/**
 * A meeting's readiness as one person may see it (issue 12): the items their relationship to the
 * referral lets them see (the rule is `meetings/readiness.ts`), each with its state in words and
 * who it waits on, and what is recorded of those items only. Used by the referral's page and the
 * readiness page, inside their transaction.
 */

export type ReadinessRow = NonNullable<Awaited<ReturnType<typeof meetings.findReadiness>>>

/** The recorded answers, as the form names them. Only the items the person may see are filled in. */
export interface ReadinessAnswers {
  readonly reportSharedOn?: string | null
  readonly chairMetOn?: string | null
  readonly fgcStatus?: FgcStatus | null
  readonly fgcWhyNot?: string | null
  readonly fgcPlan?: boolean | null
  readonly interpreterBooked?: boolean
  readonly interpreterLanguage?: string | null
  readonly adjustmentsInPlace?: boolean
  readonly advocateMetOn?: string | null
  readonly venueConfirmed?: boolean
  readonly askedCommunityVenue?: boolean
  readonly askedAnotherTime?: boolean
  readonly attended?: boolean | null
  readonly reportReceivedInTime?: boolean | null
  readonly chairMetBefore?: boolean | null
}

export interface ReadinessItemView {
  readonly item: ReadinessItem
  readonly label: string
  readonly state: ItemState
  readonly stateWords: string
  readonly waitsOn: WaitsOn
  readonly waitsOnName: string
  /** What is known about it: "Language: Polish", "Large print". */
  readonly details: readonly string[]
}

export interface ReadinessView {
  readonly relation: Relation
  readonly items: readonly ReadinessItemView[]
  readonly ready: boolean
  readonly answers: ReadinessAnswers
  readonly mayRecord: readonly ReadinessItem[]
  /** The meeting has been held (its date is today or before), and this person may say what happened. */
  readonly mayRecordAfterwards: boolean
  readonly meetingHeld: boolean
  readonly version: number
  readonly rules: MeetingRules
}

export const readinessLabels: Readonly<Record<ReadinessItem, string>> = {
  report: 'Social worker’s report shared with the family',
  chair: 'Chair has met the family',
  fgc: 'Family Group Conference offered',
  interpreter: 'Interpreter booked',
  adjustments: 'Adjustments in place',
  advocate: 'Advocate has met the person',
  venue: 'Venue and time suit the family',
}

/** How this person stands to the referral, for its meeting's readiness; null: no relationship that opens it. */
export function relationOf(user: SignedInUser, row: Pick<ReferralRow, 'referrer_id' | 'sent_at'>, allocatedAdvocateUserId: string | null): Relation | null {
  if (row.sent_at !== null && hasRole(user, 'advocacy_admin', 'service_manager')) return 'service'
  if (row.referrer_id === user.id) return 'referrer'
  if (allocatedAdvocateUserId !== null && allocatedAdvocateUserId === user.id && hasRole(user, 'advocate')) return 'advocate'
  return null
}

/** All the answers of a row (or none recorded yet). */
function answersOf(row: ReadinessRow | undefined): Required<ReadinessAnswers> {
  return {
    reportSharedOn: row?.report_shared_on ?? null,
    chairMetOn: row?.chair_met_on ?? null,
    fgcStatus: row?.fgc_status ?? null,
    fgcWhyNot: row?.fgc_why_not ?? null,
    fgcPlan: row?.fgc_plan ?? null,
    interpreterBooked: row?.interpreter_booked ?? false,
    interpreterLanguage: row?.interpreter_language ?? null,
    adjustmentsInPlace: row?.adjustments_in_place ?? false,
    advocateMetOn: row?.advocate_met_on ?? null,
    venueConfirmed: row?.venue_confirmed ?? false,
    askedCommunityVenue: row?.asked_community_venue ?? false,
    askedAnotherTime: row?.asked_another_time ?? false,
    attended: row?.attended ?? null,
    reportReceivedInTime: row?.report_received_in_time ?? null,
    chairMetBefore: row?.chair_met_before ?? null,
  }
}

/** Which answers belong to which item (the answers after the meeting belong to none). */
const answersOfItem: Readonly<Record<ReadinessItem, readonly (keyof ReadinessAnswers)[]>> = {
  report: ['reportSharedOn'],
  chair: ['chairMetOn'],
  fgc: ['fgcStatus', 'fgcWhyNot', 'fgcPlan'],
  interpreter: ['interpreterBooked', 'interpreterLanguage'],
  adjustments: ['adjustmentsInPlace'],
  advocate: ['advocateMetOn'],
  venue: ['venueConfirmed', 'askedCommunityVenue', 'askedAnotherTime'],
}
export const afterwardsAnswers = ['attended', 'reportReceivedInTime', 'chairMetBefore'] as const satisfies readonly (keyof ReadinessAnswers)[]

/** The answers one person may record: those of the items they record, and afterwards what happened. */
export function recordableAnswers(relation: Relation): readonly (keyof ReadinessAnswers)[] {
  return [...mayRecord[relation].flatMap((item) => answersOfItem[item]), ...(mayRecordAfterwards(relation) ? afterwardsAnswers : [])]
}

export interface ReadinessFacts {
  readonly meeting: {
    readonly type: string
    readonly date: string
    readonly venue: string | null
    readonly previousConferenceOn: string | null
  }
  readonly sectionOne: Pick<SectionOneAnswers, 'interpreterNeeded' | 'preferredLanguages' | 'hasDisability' | 'adjustments'> | undefined
  readonly referrerName: string
  readonly advocateName: string | null
  readonly rules: MeetingRules
  readonly bankHolidays: BankHolidays
  readonly today: string
}

/** The readiness panel for one person, from what is recorded. */
export function readinessViewOf(relation: Relation, row: ReadinessRow | undefined, facts: ReadinessFacts): ReadinessView {
  const answers = answersOf(row)
  const { meeting, sectionOne } = facts
  const chosenAdjustments = sectionOne?.hasDisability ? (sectionOne.adjustments ?? []) : []
  const items = readinessOf(
    {
      isConference: meeting.type === 'initial_conference' || meeting.type === 'review_conference',
      isFamilyGroupConference: meeting.type === 'family_group_conference',
      meetingDate: meeting.date,
      previousConferenceOn: meeting.previousConferenceOn,
      interpreterNeeded: sectionOne?.interpreterNeeded === true,
      adjustmentsNeeded: chosenAdjustments.length > 0,
      hasVenue: meeting.venue !== null,
    },
    row ? answers : nothingRecorded,
    facts.rules,
    facts.today,
    facts.bankHolidays,
  )
  const waitsOnName = (waitsOn: WaitsOn) =>
    waitsOn === 'referrer' ? facts.referrerName : waitsOn === 'advocacy_admin' ? 'FGC Advocacy Admin' : (facts.advocateName ?? 'The advocate, once allocated')
  const details = (item: ReadinessItem): string[] => {
    switch (item) {
      case 'report':
        return [`Reports must reach the family ${facts.rules.reportWorkingDaysBefore} working days before a conference`]
      case 'chair':
        return meeting.previousConferenceOn ? ['Since the last conference'] : []
      case 'fgc':
        return [
          ...(answers.fgcStatus ? [fgcStatuses.labels[answers.fgcStatus]] : []),
          ...(answers.fgcWhyNot ? [`Why not: ${answers.fgcWhyNot}`] : []),
          ...(answers.fgcPlan === true ? ['The family is bringing a family plan'] : []),
        ]
      case 'interpreter': {
        const language = answers.interpreterLanguage ?? sectionOne?.preferredLanguages?.join(', ')
        return sectionOne?.interpreterNeeded && language ? [`Language: ${language}`] : []
      }
      case 'adjustments':
        return chosenAdjustments.map((chosen) => adjustmentWords.labels[chosen])
      case 'advocate':
        return []
      case 'venue':
        return [
          meeting.venue ? `Venue: ${meeting.venue}` : 'No venue recorded yet',
          ...(answers.askedCommunityVenue ? ['The family asked for a community venue'] : []),
          ...(answers.askedAnotherTime ? ['The family asked for another time'] : []),
        ]
    }
  }
  const visible = items.filter((entry) => maySee[relation].includes(entry.item))
  const seenAnswers = new Set([...maySee[relation].flatMap((item) => answersOfItem[item]), ...afterwardsAnswers])
  return {
    relation,
    items: visible.map((entry) => ({
      item: entry.item,
      label: readinessLabels[entry.item],
      state: entry.state,
      stateWords: stateInWords(entry.state),
      waitsOn: entry.waitsOn,
      waitsOnName: waitsOnName(entry.waitsOn),
      details: details(entry.item),
    })),
    ready: isReady(visible),
    answers: Object.fromEntries(Object.entries(answers).filter(([key]) => seenAnswers.has(key as keyof ReadinessAnswers))),
    mayRecord: mayRecord[relation],
    mayRecordAfterwards: mayRecordAfterwards(relation) && meeting.date <= facts.today,
    meetingHeld: meeting.date <= facts.today,
    version: row?.version ?? 0,
    rules: facts.rules,
  }
}

/** Reads what is recorded; `db` is the caller's transaction. */
export async function readinessRow(db: Queryable, authorityId: string, meetingId: string): Promise<ReadinessRow | undefined> {
  return meetings.findReadiness(db, authorityId, meetingId)
}

/** What a listed meeting's row says of its readiness (the worktray's and the notifications' lists read the same columns). */
export function readinessOfRow(
  row: meetings.ReadinessRow,
  rules: Parameters<typeof readinessOf>[2],
  today: string,
  bankHolidays: Parameters<typeof readinessOf>[4],
) {
  return readinessOf(
    {
      isConference: row.meeting_type === 'initial_conference' || row.meeting_type === 'review_conference',
      isFamilyGroupConference: row.meeting_type === 'family_group_conference',
      meetingDate: row.meeting_date,
      previousConferenceOn: row.previous_conference_on,
      interpreterNeeded: row.interpreter_needed === true,
      adjustmentsNeeded: row.has_disability === true && (row.adjustments?.length ?? 0) > 0,
      hasVenue: row.venue !== null,
    },
    {
      reportSharedOn: row.report_shared_on,
      chairMetOn: row.chair_met_on,
      fgcStatus: row.fgc_status,
      interpreterBooked: row.interpreter_booked ?? false,
      adjustmentsInPlace: row.adjustments_in_place ?? false,
      advocateMetOn: row.advocate_met_on,
      venueConfirmed: row.venue_confirmed ?? false,
    },
    rules,
    today,
    bankHolidays,
  )
}
