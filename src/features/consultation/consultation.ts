import { addDays } from '../../platform/time/calendar.ts'
import type { ConsultationBand } from '../../vocabulary/children.ts'
import type { MeetingType } from '../../vocabulary/referrals.ts'
import { childAge } from '../referrals/children-offered.ts'
import { worryingWords } from '../feedback/questionnaire.ts'

/**
 * @pure
 *
 * Children's consultation before a review conference (issue 11, ADR 31). The participation
 * protocol: "all children over the age of 4 should be consulted prior to meetings where their plan
 * will be reviewed", on forms "completed by the child with guidance and support from a trusted
 * adult", by methods "appropriate to the age and understanding of the child". Read, as ADR 29 reads
 * it, as 4 or more on the day of the meeting. Each band has its own questions: faces (a picture
 * scale) and the child's words.
 */

/** The meetings whose children are consulted first: review conferences, where their plan is reviewed. */
export function consultsChildrenBefore(type: MeetingType): boolean {
  return type === 'review_conference'
}

/** Days before the meeting a consultation is due by, so the chair can read it first. */
export const DUE_DAYS_BEFORE = 3

export interface ChildConsulted {
  /** Whole years on the day of the meeting; null when the date of birth is not known. */
  readonly age: number | null
  readonly band: ConsultationBand
  /** The date of birth is not known, so the 8 to 11 form is used until someone finds it out. */
  readonly bandAssumed: boolean
}

/** Whether a child is consulted before the meeting on `meetingDate` (4 or more then, or date of birth not known), and on which form. */
export function childConsulted(dateOfBirth: string | null, meetingDate: string): ChildConsulted | null {
  const age = childAge(dateOfBirth, meetingDate)
  if (!age.consulted) return null
  if (age.age === null) return { age: null, band: '8_to_11', bandAssumed: true }
  return { age: age.age, band: bandFor(age.age), bandAssumed: false }
}

/** The form for a child of this age (4 or more). */
export function bandFor(age: number): ConsultationBand {
  if (age <= 7) return '4_to_7'
  if (age <= 11) return '8_to_11'
  return '12_and_over'
}

/**
 * Where a consultation with nothing recorded stands on `today`: due by three days before the
 * meeting; overdue after that until the meeting (the day itself included); missed once the meeting
 * has happened (no longer in any worktray).
 */
export type Timing = { readonly state: 'due' | 'overdue'; readonly dueBy: string } | { readonly state: 'missed'; readonly dueBy: string }

export function consultationTiming(meetingDate: string, today: string): Timing {
  const dueBy = addDays(meetingDate, -DUE_DAYS_BEFORE)
  if (today <= dueBy) return { state: 'due', dueBy }
  if (today <= meetingDate) return { state: 'overdue', dueBy }
  return { state: 'missed', dueBy }
}

/** The faces a child picks from. */
export const faces = ['happy', 'okay', 'sad'] as const
export type Face = (typeof faces)[number]

export interface Question {
  readonly name: string
  readonly kind: 'faces' | 'words'
  /** The longest answer in words kept. */
  readonly max?: number
}

const face = (name: string): Question => ({ name, kind: 'faces' })
const words = (name: string, max: number): Question => ({ name, kind: 'words', max })

/**
 * Each band's questions, in the order they are asked. 4 to 7: pictures and a few words, done with a
 * trusted adult; 8 to 11: faces and their words; 12 and over: more of their own words, and what
 * they want the meeting to change. The words of each question are in the `consultation` catalogue.
 */
export const bandQuestions: Readonly<Record<ConsultationBand, readonly Question[]>> = {
  '4_to_7': [face('home'), face('school'), words('happy', 300), words('worried', 300), words('wish', 300)],
  '8_to_11': [face('home'), face('school'), face('safe'), words('good', 1000), words('worried', 1000), words('tellTheMeeting', 1000)],
  '12_and_over': [
    face('home'),
    face('school'),
    face('safe'),
    words('good', 2000),
    words('worried', 2000),
    words('change', 2000),
    words('tellTheMeeting', 2000),
  ],
}

/** Every field name any band asks (for reading a form back). */
export const allQuestionNames: readonly string[] = [...new Set(Object.values(bandQuestions).flatMap((questions) => questions.map((question) => question.name)))]

/** Whether the answers say anything: a consultation done with nothing in it is refused. */
export function saysAnything(answers: Readonly<Record<string, string>>): boolean {
  return Object.values(answers).some((value) => value.trim() !== '')
}

/** Whether any of the child's words should be read at once by the advocacy service (never acted on by the machine alone). */
export function hasWorryingWords(band: ConsultationBand, answers: Readonly<Record<string, string>>): boolean {
  return bandQuestions[band].some((question) => question.kind === 'words' && worryingWords(answers[question.name] ?? null).length > 0)
}
