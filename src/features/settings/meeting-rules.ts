/**
 * @pure
 *
 * Each authority's local rules for child protection conferences (issue 12): how many working days
 * before a conference the reports must reach the family (commonly 2 to 5), and whether the chair
 * must meet the family before it (the participation protocol: "as service standard").
 */

export interface MeetingRules {
  readonly reportWorkingDaysBefore: number
  readonly chairMeetsFamilyFirst: boolean
}

export const REPORT_DAYS = { min: 1, max: 10, default: 3 } as const

export const defaultMeetingRules: MeetingRules = { reportWorkingDaysBefore: REPORT_DAYS.default, chairMeetsFamilyFirst: true }

/** The rules from what is stored: anything missing or out of range is its default. */
export function meetingRulesFrom(stored: ReadonlyMap<string, string>): MeetingRules {
  const days = Number(stored.get('reportWorkingDaysBefore'))
  return {
    reportWorkingDaysBefore: Number.isInteger(days) && days >= REPORT_DAYS.min && days <= REPORT_DAYS.max ? days : REPORT_DAYS.default,
    chairMeetsFamilyFirst: stored.get('chairMeetsFamilyFirst') !== 'no',
  }
}

/** As stored, one text value per rule. */
export function storedMeetingRules(rules: MeetingRules): ReadonlyMap<string, string> {
  return new Map([
    ['reportWorkingDaysBefore', String(rules.reportWorkingDaysBefore)],
    ['chairMeetsFamilyFirst', rules.chairMeetsFamilyFirst ? 'yes' : 'no'],
  ])
}
