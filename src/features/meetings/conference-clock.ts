import { addWorkingDays, daysBetween, inWords, isIsoDate, type BankHolidays } from '../../platform/time/calendar.ts'

/**
 * @pure
 *
 * The conference clock: when a child protection case's next conference is due, by the national
 * guidance (Working Together to Safeguard Children). The initial child protection conference within
 * 15 working days of the strategy discussion; the first review within 3 months of the initial
 * conference; each later review within 6 months of the one before. Working days skip weekends and the
 * authority's bank holidays. A conference set after its due date is accepted, but flagged late with a
 * reason, as a late referral is.
 */

export const INITIAL_CONFERENCE_WORKING_DAYS = 15
export const FIRST_REVIEW_MONTHS = 3
export const LATER_REVIEW_MONTHS = 6

/** What has happened so far in a case: dates as YYYY-MM-DD, conferences that have been held. */
export interface ConferenceHistory {
  readonly strategyDiscussionOn: string | null
  readonly initialConferenceOn: string | null
  /** Review conferences held, in any order. */
  readonly reviewConferencesOn: readonly string[]
}

export type ConferenceKind = 'initial_conference' | 'review_conference'

export interface ConferenceDue {
  readonly kind: ConferenceKind
  /** The last day it may be held on. */
  readonly dueBy: string
  /** Why, in words: "15 working days after the strategy discussion on 2 March 2026". */
  readonly because: string
}

/**
 * The same day `months` calendar months later; where that month is shorter, its last day (3 months
 * after 30 November is 28 February, or 29 in a leap year).
 */
export function addMonths(isoDate: string, months: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`Not an ISO date: ${isoDate}`)
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 + months, 1, 12))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

/** The next conference the case needs and when it is due; null before a strategy discussion. */
export function nextConference(history: ConferenceHistory, bankHolidays: BankHolidays): ConferenceDue | null {
  const reviews = [...history.reviewConferencesOn].sort()
  const lastReview = reviews.at(-1)
  if (lastReview)
    return {
      kind: 'review_conference',
      dueBy: addMonths(lastReview, LATER_REVIEW_MONTHS),
      because: `${LATER_REVIEW_MONTHS} months after the review conference on ${inWords(lastReview)}`,
    }
  if (history.initialConferenceOn)
    return {
      kind: 'review_conference',
      dueBy: addMonths(history.initialConferenceOn, FIRST_REVIEW_MONTHS),
      because: `${FIRST_REVIEW_MONTHS} months after the initial conference on ${inWords(history.initialConferenceOn)}`,
    }
  if (history.strategyDiscussionOn)
    return {
      kind: 'initial_conference',
      dueBy: addWorkingDays(history.strategyDiscussionOn, INITIAL_CONFERENCE_WORKING_DAYS, bankHolidays),
      because: `${INITIAL_CONFERENCE_WORKING_DAYS} working days after the strategy discussion on ${inWords(history.strategyDiscussionOn)}`,
    }
  return null
}

export type ConferenceTiming = { readonly onTime: true } | { readonly onTime: false; readonly daysLate: number; readonly message: string }

/** Whether a conference set for `heldOn` keeps to its timescale; if not, by how much, in words. */
export function timingOf(heldOn: string, due: ConferenceDue): ConferenceTiming {
  const daysLate = daysBetween(due.dueBy, heldOn)
  if (daysLate <= 0) return { onTime: true }
  const kind = due.kind === 'initial_conference' ? 'initial conference' : 'review conference'
  return {
    onTime: false,
    daysLate,
    message: `This ${kind} is ${daysLate} ${daysLate === 1 ? 'day' : 'days'} after it was due on ${inWords(due.dueBy)} (${due.because}). Say why it is late.`,
  }
}

/** What a meeting records of its conference's history: the strategy discussion, or the conference before it. */
export interface ConferenceDates {
  readonly type: string
  readonly strategyDiscussionOn: string | null
  readonly previousConferenceOn: string | null
  readonly previousConference: 'initial_conference' | 'review_conference' | null
}

/**
 * When this meeting, if it is a child protection conference, is due: an initial conference from its
 * strategy discussion, a review from the conference before it. Null for any other meeting, or when
 * the dates its clock runs from are not known.
 */
export function conferenceDueOf(meeting: ConferenceDates, bankHolidays: BankHolidays): ConferenceDue | null {
  if (meeting.type === 'initial_conference') {
    if (!meeting.strategyDiscussionOn) return null
    return nextConference({ strategyDiscussionOn: meeting.strategyDiscussionOn, initialConferenceOn: null, reviewConferencesOn: [] }, bankHolidays)
  }
  if (meeting.type === 'review_conference') {
    if (!meeting.previousConferenceOn || !meeting.previousConference) return null
    return nextConference(
      meeting.previousConference === 'initial_conference'
        ? { strategyDiscussionOn: null, initialConferenceOn: meeting.previousConferenceOn, reviewConferencesOn: [] }
        : { strategyDiscussionOn: null, initialConferenceOn: null, reviewConferencesOn: [meeting.previousConferenceOn] },
      bankHolidays,
    )
  }
  return null
}

/** A meeting's conference clock as its pages show it. */
export interface ConferenceClockView {
  readonly dueBy: string
  /** "15 working days after the strategy discussion on 2 March 2026". */
  readonly because: string
  readonly late: boolean
  readonly daysLate: number
  readonly lateReason: string | null
}

/** The meeting's conference clock, when it is a conference whose dates are known. */
export function conferenceClockOf(
  meeting: ConferenceDates & { readonly date: string; readonly lateReason: string | null },
  bankHolidays: BankHolidays,
): ConferenceClockView | null {
  const due = conferenceDueOf(meeting, bankHolidays)
  if (!due) return null
  const timing = timingOf(meeting.date, due)
  return { dueBy: due.dueBy, because: due.because, late: !timing.onTime, daysLate: timing.onTime ? 0 : timing.daysLate, lateReason: meeting.lateReason }
}

/** A conference set after its due date, saved without a reason: the form asks for one. */
export class ConferenceLateReasonNeededError extends Error {
  override name = 'ConferenceLateReasonNeededError'
}
