import { addDays, daysBetween } from '../../platform/time/calendar.ts'

/**
 * The referral deadline from the practice guidance: "Referrals must be made by social workers at
 * least 1 week in advance of an initial child protection conference, and 2 weeks before a review
 * conference." A late referral is still accepted; it is flagged, and the referrer says why.
 *
 * Pure: dates in, answer out. A referral made on the due date itself is on time.
 */

export const NOTICE_DAYS: Readonly<Record<string, number>> = {
  initial_conference: 7,
  review_conference: 14,
}

export interface Timeliness {
  /** The last day the referral could be made on time, or null when the meeting type has no deadline. */
  readonly dueBy: string | null
  readonly late: boolean
  /** Whole days between the referral and the meeting (negative when the meeting has passed). */
  readonly daysNotice: number
  /** The notice the guidance asks for, when it asks for any. */
  readonly requiredDays: number | null
}

/**
 * @param meetingType one of the meeting types (only conferences have a deadline)
 * @param meetingDate the meeting's date, YYYY-MM-DD
 * @param referredOn the UK date the referral was sent (or today, for one not yet sent)
 */
export function assessTimeliness(meetingType: string, meetingDate: string, referredOn: string): Timeliness {
  const requiredDays = NOTICE_DAYS[meetingType] ?? null
  const dueBy = requiredDays === null ? null : addDays(meetingDate, -requiredDays)
  return {
    dueBy,
    late: dueBy !== null && referredOn > dueBy,
    daysNotice: daysBetween(referredOn, meetingDate),
    requiredDays,
  }
}

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
