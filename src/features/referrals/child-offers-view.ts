import { fullName } from '../../platform/people-names.ts'
import type { ChildAnswerer, ChildCommunication, ChildNeed, ChildOfferAnswer } from '../../vocabulary/children.ts'
import type { MeetingType } from '../../vocabulary/referrals.ts'
import { childAge, nonInstructed, offerInWords, offersChildrenAnAdvocate, type ChildAge } from './children-offered.ts'
import type * as offers from './child-offer-repository.ts'

/**
 * The children of a referral's conference offered an advocate of their own (issue 11, ADR 29), as
 * the referral's page and the answer page show them: each child's age at the conference and what it
 * means, and where their offer stands in plain words. A child with nothing recorded is shown as
 * offered (opt-out), never as "no".
 */

export type OfferRow = Awaited<ReturnType<typeof offers.offersForMeeting>>[number]

export interface ChildRow {
  readonly id: string
  readonly given_name: string
  readonly family_name: string
  readonly date_of_birth: string | null
}

/** What is recorded of one child's offer, as the form names it. */
export interface ChildOfferAnswers {
  readonly answer: ChildOfferAnswer
  readonly whoAnswered: ChildAnswerer | null
  readonly speakerName: string | null
  readonly speakerRelationship: string | null
  readonly reason: string | null
  readonly communicates: readonly ChildCommunication[]
  readonly needs: readonly ChildNeed[]
  readonly needsDetail: string | null
}

export interface ChildOfferView {
  readonly childId: string
  readonly name: string
  readonly dateOfBirth: string | null
  readonly age: ChildAge
  /** "7 at the conference", "Not born by the conference" or "Date of birth not known". */
  readonly ageWords: string
  readonly answers: ChildOfferAnswers
  readonly words: string
  readonly nonInstructed: boolean
  /** The offer's version (0 until anything is recorded), for the form that changes it. */
  readonly version: number
  /** The child's own referral, once started from the accepted offer (ADR 30). */
  readonly childReferral: { readonly id: string; readonly reference: string } | null
}

export interface ChildOffersView {
  readonly meetingType: MeetingType
  readonly meetingDate: string
  readonly children: readonly ChildOfferView[]
}

/** The child is too young to be asked directly, so the answer must come from someone who speaks for them. */
export class NotAskedDirectly extends Error {
  override name = 'NotAskedDirectly'
}

export const noAnswerYet: ChildOfferAnswers = {
  answer: 'waiting',
  whoAnswered: null,
  speakerName: null,
  speakerRelationship: null,
  reason: null,
  communicates: [],
  needs: [],
  needsDetail: null,
}

export function answersOf(row: OfferRow | undefined): ChildOfferAnswers {
  if (!row) return noAnswerYet
  return {
    answer: row.answer,
    whoAnswered: row.who_answered,
    speakerName: row.speaker_name,
    speakerRelationship: row.speaker_relationship,
    reason: row.reason,
    communicates: row.communicates,
    needs: row.needs,
    needsDetail: row.needs_detail,
  }
}

/** One child's offer for the conference on `meetingDate`. */
export function childOfferView(child: ChildRow, meetingDate: string, row: OfferRow | undefined): ChildOfferView {
  const age = childAge(child.date_of_birth, meetingDate)
  const answers = answersOf(row)
  return {
    childId: child.id,
    name: fullName(child),
    dateOfBirth: child.date_of_birth,
    age,
    ageWords: age.age !== null ? `${age.age} at the conference` : age.band === 'not_born' ? 'Not born by the conference' : 'Date of birth not known',
    answers,
    words: row?.child_referral_id ? `Referred — ${row.child_referral_reference ?? ''}` : offerInWords(answers.answer, answers.whoAnswered),
    nonInstructed: nonInstructed(age, answers.communicates),
    version: row?.version ?? 0,
    childReferral: row?.child_referral_id ? { id: row.child_referral_id, reference: row.child_referral_reference ?? '' } : null,
  }
}

/** Every child's offer for the meeting, or null when the meeting offers its children no advocate (not a child protection conference). */
export function childOffersView(
  meeting: { readonly type: MeetingType; readonly meeting_date: string } | undefined,
  children: readonly ChildRow[],
  rows: readonly OfferRow[],
): ChildOffersView | null {
  if (!meeting || !offersChildrenAnAdvocate(meeting.type)) return null
  const byChild = new Map(rows.map((row) => [row.person_id, row]))
  return {
    meetingType: meeting.type,
    meetingDate: meeting.meeting_date,
    children: children.map((child) => childOfferView(child, meeting.meeting_date, byChild.get(child.id))),
  }
}
