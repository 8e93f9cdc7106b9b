/**
 * What the journeys type: made-up people with names unique to each test run, meeting dates worked
 * out from today (in the UK, as the service counts days), and Section 1 answered as in the practice
 * guidance's Appendix B, "Child Protection Advocacy Referral - Best Practice Examples".
 */

export interface DateParts {
  readonly day: string
  readonly month: string
  readonly year: string
}

/** Today's date in the UK, YYYY-MM-DD: the service decides "late" by the London calendar. */
export function ukToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The three boxes of a GOV.UK date input, as someone would type them (no leading zeros). */
export function dateParts(isoDate: string): DateParts {
  const [year = '', month = '', day = ''] = isoDate.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

/** "15 December 2026", as the service shows dates. */
export function longDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${isoDate}T12:00:00Z`))
}

let counter = 0

/** A family name nobody else in this run (or an earlier one on the same database) has: letters only. */
export function uniqueFamilyName(base: string): string {
  counter += 1
  let n = Date.now() * 100 + counter
  let letters = ''
  while (n > 0) {
    letters = String.fromCharCode(97 + (n % 26)) + letters
    n = Math.floor(n / 26)
  }
  return `${base}-${letters.charAt(0).toUpperCase()}${letters.slice(1)}`
}

export interface PersonDetails {
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string
}

export interface MeetingDetails {
  readonly type: 'Initial child protection conference' | 'Review child protection conference'
  readonly date: string
  readonly time: string
  readonly venue: string
  readonly stage: 'Early Help' | 'Child in Need' | 'Child Protection'
}

export interface ReferralDetails {
  readonly parent: PersonDetails
  readonly child: PersonDetails
  readonly meeting: MeetingDetails
  readonly sectionOne: SectionOneAnswers
  readonly note: string
  /** Only for a late referral: why it could not be made sooner. */
  readonly lateReason?: string
}

export interface SectionOneAnswers {
  readonly consentMethod: 'Verbally' | 'In writing' | 'Another way'
  readonly consentDate: string
  readonly consentDetails: string
  readonly reason: string
  readonly preferenceDetails: string
  readonly preferredGender: 'A woman' | 'A man' | 'A non-binary advocate' | 'No preference'
  readonly preferredLanguages: string
  readonly disabilityDetails: string
  readonly adjustments: readonly string[]
  readonly otherNeedsDetails: string
}

/** Appendix B, word for word where the guidance gives the words. */
export function appendixBAnswers(): SectionOneAnswers {
  return {
    consentMethod: 'Verbally',
    consentDate: addDays(ukToday(), -2),
    consentDetails: 'The parent has given verbal consent to a referral for advocacy in the upcoming CP conference.',
    reason:
      'The Social Worker believes that an advocate will be beneficial in this case because the parent is experiencing barriers that impact their ability to effectively participate in the decision-making process.\n\n' +
      "The parent has expressed frustration with not being able to fully participate in discussions about their child's welfare, which has impacted their engagement with social workers and the progress of the child's plan.\n\n" +
      'An advocate would be helpful to support the parent to understand the CP process so that they can have their views heard in the conference.',
    preferenceDetails:
      'The parent would prefer a Spanish-speaking advocate because this is their most confident language, and would feel more comfortable if the advocate is also a woman.',
    preferredGender: 'A woman',
    preferredLanguages: 'Spanish',
    disabilityDetails:
      'The parent has dyslexia, which primarily affects their ability to read and decode words. It is helpful for them to have additional time and visual aids to process information.',
    adjustments: ['Extra time to take things in', 'Visual aids'],
    otherNeedsDetails:
      'The parent can take a while to build relationships with new people so continuity of professionals is helpful. The parent would appreciate meeting the advocate in person before the CP conference, as this would help them feel more comfortable.',
  }
}

/**
 * A referral for a parent with a unique name. By default the meeting is an initial child protection
 * conference three weeks ahead: on time, as 1 week's notice is needed.
 */
export function newReferral(options: { familyName?: string; meeting?: Partial<MeetingDetails>; lateReason?: string } = {}): ReferralDetails {
  const familyName = uniqueFamilyName(options.familyName ?? 'Garcia')
  return {
    parent: { givenName: 'Maria', familyName, dateOfBirth: '1990-04-03' },
    child: { givenName: 'Leo', familyName, dateOfBirth: '2019-06-01' },
    meeting: {
      type: 'Initial child protection conference',
      date: addDays(ukToday(), 21),
      time: '10:30am',
      venue: 'Town Hall, Committee Room 2',
      stage: 'Child Protection',
      ...options.meeting,
    },
    sectionOne: appendixBAnswers(),
    note: 'The parent is expecting a call from the advocacy service.',
    ...(options.lateReason ? { lateReason: options.lateReason } : {}),
  }
}

export function fullName(person: PersonDetails): string {
  return `${person.givenName} ${person.familyName}`
}
