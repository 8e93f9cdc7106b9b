import { daysBetween, inWords, subtractWorkingDays, type BankHolidays } from '../../platform/time/calendar.ts'
import type { FgcStatus } from '../../vocabulary/meetings.ts'

/**
 * @pure
 *
 * Whether a meeting is ready for the family (issue 12): each thing the family-led enquiry and the
 * participation protocol ask to be in place before a child protection conference, when it is due,
 * who it waits on, and whether it is done, due, late or not needed. Who may see and record each
 * item is decided here too, so the page, the worktray and the tests read one rule.
 */

export const readinessItems = ['report', 'chair', 'fgc', 'interpreter', 'adjustments', 'advocate', 'venue'] as const
export type ReadinessItem = (typeof readinessItems)[number]

/** Who an item waits on: the referral's social worker, the advocacy admin team, or the allocated advocate. */
export type WaitsOn = 'referrer' | 'advocacy_admin' | 'advocate'

export type ItemState =
  | { readonly kind: 'done'; readonly on: string | null }
  /** Done, but after its due date (a report shared too late for the family to read it). */
  | { readonly kind: 'done_late'; readonly on: string; readonly dueBy: string }
  | { readonly kind: 'due'; readonly dueBy: string }
  | { readonly kind: 'late'; readonly dueBy: string; readonly daysLate: number }
  | { readonly kind: 'not_needed' }

export interface ItemReadiness {
  readonly item: ReadinessItem
  readonly waitsOn: WaitsOn
  readonly state: ItemState
}

/** The authority's local rules (settings). */
export interface LocalRules {
  /** How many working days before a conference the reports must reach the family. */
  readonly reportWorkingDaysBefore: number
  /** Whether the chair must meet the family before the conference. */
  readonly chairMeetsFamilyFirst: boolean
}

/** What is recorded of the meeting's readiness so far. */
export interface RecordedReadiness {
  readonly reportSharedOn: string | null
  readonly chairMetOn: string | null
  readonly fgcStatus: FgcStatus | null
  readonly interpreterBooked: boolean
  readonly adjustmentsInPlace: boolean
  readonly advocateMetOn: string | null
  readonly venueConfirmed: boolean
}

export const nothingRecorded: RecordedReadiness = {
  reportSharedOn: null,
  chairMetOn: null,
  fgcStatus: null,
  interpreterBooked: false,
  adjustmentsInPlace: false,
  advocateMetOn: null,
  venueConfirmed: false,
}

export interface MeetingFacts {
  /** A child protection conference (initial or review): the local rules and the FGC apply to these. */
  readonly isConference: boolean
  /** The meeting is itself a Family Group Conference. */
  readonly isFamilyGroupConference: boolean
  readonly meetingDate: string
  /** For a review: the conference before it (the chair meets the family between reviews). */
  readonly previousConferenceOn: string | null
  /** From Section 1. */
  readonly interpreterNeeded: boolean
  readonly adjustmentsNeeded: boolean
  readonly hasVenue: boolean
}

/** The working day before the meeting: most things must be in place by then. */
function dayBefore(meetingDate: string, bankHolidays: BankHolidays): string {
  return subtractWorkingDays(meetingDate, 1, bankHolidays)
}

function pending(dueBy: string, today: string): ItemState {
  const daysLate = daysBetween(dueBy, today)
  return daysLate > 0 ? { kind: 'late', dueBy, daysLate } : { kind: 'due', dueBy }
}

function doneOn(on: string, dueBy: string): ItemState {
  return on > dueBy ? { kind: 'done_late', on, dueBy } : { kind: 'done', on }
}

/** The date the reports must reach the family by: the local rule's working days before the conference. */
export function reportDueBy(meetingDate: string, rules: LocalRules, bankHolidays: BankHolidays): string {
  return subtractWorkingDays(meetingDate, rules.reportWorkingDaysBefore, bankHolidays)
}

/**
 * The earliest an item waiting on any of `waitsOn` can be due by, for a meeting on `meetingDate`:
 * read from a meeting needing everything with nothing done, so it follows the rules above. It never
 * falls as the meeting date rises, so a list read in meeting date order knows when no later meeting
 * can have an item due sooner than those it holds. Null when none of the items waits on them.
 */
export function earliestDueBy(meetingDate: string, rules: LocalRules, bankHolidays: BankHolidays, waitsOn: readonly WaitsOn[]): string | null {
  const everythingNeeded: MeetingFacts = {
    isConference: true,
    isFamilyGroupConference: false,
    meetingDate,
    previousConferenceOn: null,
    interpreterNeeded: true,
    adjustmentsNeeded: true,
    hasVenue: false,
  }
  let earliest: string | null = null
  for (const entry of readinessOf(everythingNeeded, nothingRecorded, rules, meetingDate, bankHolidays)) {
    if (!waitsOn.includes(entry.waitsOn) || (entry.state.kind !== 'due' && entry.state.kind !== 'late')) continue
    if (earliest === null || entry.state.dueBy < earliest) earliest = entry.state.dueBy
  }
  return earliest
}

/** Each item's state for one meeting, in the order the panel shows them. */
export function readinessOf(
  facts: MeetingFacts,
  recorded: RecordedReadiness,
  rules: LocalRules,
  today: string,
  bankHolidays: BankHolidays,
): readonly ItemReadiness[] {
  const before = dayBefore(facts.meetingDate, bankHolidays)
  const report = (): ItemState => {
    if (!facts.isConference) return { kind: 'not_needed' }
    const dueBy = reportDueBy(facts.meetingDate, rules, bankHolidays)
    return recorded.reportSharedOn ? doneOn(recorded.reportSharedOn, dueBy) : pending(dueBy, today)
  }
  const chair = (): ItemState => {
    if (!facts.isConference || !rules.chairMeetsFamilyFirst) return { kind: 'not_needed' }
    // Between reviews: a meeting before the last conference was for that one, not this.
    const counts = recorded.chairMetOn !== null && (facts.previousConferenceOn === null || recorded.chairMetOn > facts.previousConferenceOn)
    return counts && recorded.chairMetOn ? doneOn(recorded.chairMetOn, facts.meetingDate) : pending(before, today)
  }
  const fgc = (): ItemState => {
    if (!facts.isConference || facts.isFamilyGroupConference) return { kind: 'not_needed' }
    return recorded.fgcStatus ? { kind: 'done', on: null } : pending(before, today)
  }
  const flag = (needed: boolean, done: boolean): ItemState => (!needed ? { kind: 'not_needed' } : done ? { kind: 'done', on: null } : pending(before, today))
  const advocate = (): ItemState => (recorded.advocateMetOn ? doneOn(recorded.advocateMetOn, facts.meetingDate) : pending(before, today))
  return [
    { item: 'report', waitsOn: 'referrer', state: report() },
    { item: 'chair', waitsOn: 'advocacy_admin', state: chair() },
    { item: 'fgc', waitsOn: 'advocacy_admin', state: fgc() },
    { item: 'interpreter', waitsOn: 'referrer', state: flag(facts.interpreterNeeded, recorded.interpreterBooked) },
    { item: 'adjustments', waitsOn: 'referrer', state: flag(facts.adjustmentsNeeded, recorded.adjustmentsInPlace) },
    { item: 'advocate', waitsOn: 'advocate', state: advocate() },
    { item: 'venue', waitsOn: 'referrer', state: flag(true, facts.hasVenue && recorded.venueConfirmed) },
  ]
}

/** Ready: nothing is still to do (a report shared late is done, though the panel says it was late). */
export function isReady(items: readonly ItemReadiness[]): boolean {
  return items.every((entry) => entry.state.kind === 'done' || entry.state.kind === 'done_late' || entry.state.kind === 'not_needed')
}

/** What is still to do, overdue first, then soonest due. */
export function outstanding(items: readonly ItemReadiness[]): readonly ItemReadiness[] {
  const dueOf = (entry: ItemReadiness) => (entry.state.kind === 'due' || entry.state.kind === 'late' ? entry.state.dueBy : '')
  return items
    .filter((entry) => entry.state.kind === 'due' || entry.state.kind === 'late')
    .sort((a, b) => Number(b.state.kind === 'late') - Number(a.state.kind === 'late') || dueOf(a).localeCompare(dueOf(b)))
}

/** How someone stands to the referral the meeting is for. */
export type Relation = 'service' | 'referrer' | 'advocate'

/**
 * What each may see and record. The advocacy service (admins and managers) sees and records all of
 * it. The referrer records what the authority arranges (the report, the interpreter, adjustments,
 * the venue) and sees all but the advocate's meeting with the person, which is the advocacy record's
 * (ADR 7). The allocated advocate sees all, and records their own meeting with the person.
 */
export const mayRecord: Readonly<Record<Relation, readonly ReadinessItem[]>> = {
  service: readinessItems,
  referrer: ['report', 'interpreter', 'adjustments', 'venue'],
  advocate: ['advocate'],
}

export const maySee: Readonly<Record<Relation, readonly ReadinessItem[]>> = {
  service: readinessItems,
  referrer: ['report', 'chair', 'fgc', 'interpreter', 'adjustments', 'venue'],
  advocate: readinessItems,
}

/** Who may record what happened at the meeting, once it has been held. */
export function mayRecordAfterwards(relation: Relation): boolean {
  return relation === 'service' || relation === 'advocate'
}

/** The state in words for staff: "Done on 3 March 2026", "Due by 5 March 2026", "Late: was due by …". */
export function stateInWords(state: ItemState): string {
  switch (state.kind) {
    case 'done':
      return state.on ? `Done on ${inWords(state.on)}` : 'Done'
    case 'done_late':
      return `Done late on ${inWords(state.on)}: it was due by ${inWords(state.dueBy)}`
    case 'due':
      return `Due by ${inWords(state.dueBy)}`
    case 'late':
      return `Late: it was due by ${inWords(state.dueBy)}`
    case 'not_needed':
      return 'Not needed'
  }
}
