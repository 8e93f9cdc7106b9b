import type { ChildAnswerer, ChildCommunication, ChildOfferAnswer } from '../../vocabulary/children.ts'
import type { MeetingType } from '../../vocabulary/referrals.ts'

/**
 * @pure
 *
 * Children offered an advocate of their own (issue 11, ADR 29). Every child of an initial or review
 * child protection conference is offered one, opt-out: unless they (or, for a child who cannot yet
 * say, someone who speaks for them) decline. The participation protocol sets what the child's age
 * at the conference means: under 4, not consulted (someone speaks for them); 4 and over, consulted
 * before the conference; 11 and over, may attend the review conference; 12 and over, a more active
 * role in decisions. A child who cannot instruct an advocate has non-instructed advocacy.
 */

/** The meetings whose children are offered an advocate: initial and review child protection conferences. */
export function offersChildrenAnAdvocate(type: MeetingType): boolean {
  return type === 'initial_conference' || type === 'review_conference'
}

/** Whole years from a date of birth to a day (both `YYYY-MM-DD`); null when the child is not born by then. */
export function ageOn(dateOfBirth: string, on: string): number | null {
  if (dateOfBirth > on) return null
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

/** What the child's age at the conference means for how they take part. */
export type AgeBand = 'not_known' | 'not_born' | 'under_4' | 'consulted' | 'may_attend' | 'active_role'

export interface ChildAge {
  /** Whole years at the conference; null when the date of birth is not known, or the child is not born by then. */
  readonly age: number | null
  readonly band: AgeBand
  /** Whether the child is asked for their own answer (4 and over), rather than someone speaking for them. */
  readonly consulted: boolean
  /** What the age means, in plain words, for the page that records the answer. */
  readonly hints: readonly string[]
}

const hint = {
  notKnown: 'We do not know their date of birth. Ask the social worker, so the child is asked in the way that suits their age.',
  notBorn: 'Not born by the conference. Someone who speaks for them answers, and an advocate works non-instructed.',
  under4:
    'Under 4: not asked directly. Someone who speaks for them answers, from what they see and what parents, carers and professionals say. An advocate works non-instructed.',
  consulted: '4 and over: asked for their own answer before the conference, with a trusted adult to help, on the form for their age.',
  mayAttend: '11 and over: may attend the review conference, if their social worker and the chair agree it is right for them.',
  activeRole: '12 and over: encouraged to take a more active part in the decisions about them.',
}

/** The child's age at the conference (`on`), and what it means. */
export function childAge(dateOfBirth: string | null, on: string): ChildAge {
  if (dateOfBirth === null) return { age: null, band: 'not_known', consulted: true, hints: [hint.notKnown] }
  const age = ageOn(dateOfBirth, on)
  if (age === null) return { age: null, band: 'not_born', consulted: false, hints: [hint.notBorn] }
  if (age < 4) return { age, band: 'under_4', consulted: false, hints: [hint.under4] }
  if (age < 11) return { age, band: 'consulted', consulted: true, hints: [hint.consulted] }
  if (age < 12) return { age, band: 'may_attend', consulted: true, hints: [hint.consulted, hint.mayAttend] }
  return { age, band: 'active_role', consulted: true, hints: [hint.consulted, hint.mayAttend, hint.activeRole] }
}

/** Whether the advocacy is non-instructed: the child cannot instruct an advocate (too young, or no speech, signs or pictures). */
export function nonInstructed(age: ChildAge, communicates: readonly ChildCommunication[]): boolean {
  return !age.consulted || communicates.includes('no_speech')
}

/** Where a child's offer stands, in plain words. No answer is not "no": the child has an advocate unless they decline. */
export function offerInWords(answer: ChildOfferAnswer, whoAnswered: ChildAnswerer | null): string {
  if (answer === 'accepted') return 'Accepted — ready to refer for a child’s advocate'
  if (answer === 'declined') return whoAnswered === 'someone_for_them' ? 'Declined by someone who speaks for them' : 'Declined by the child'
  return 'Offered — they will have an advocate unless they decline'
}
