import { inWords } from '../../platform/time/calendar.ts'
import { childCommunications, childNeeds, type ChildAnswerer, type ChildCommunication, type ChildNeed } from '../../vocabulary/children.ts'
import { meetingTypes, type MeetingType } from '../../vocabulary/referrals.ts'
import type { SectionOneAnswers } from './section-1/questions.ts'

/**
 * @pure
 *
 * A child's own referral, started from their accepted offer of an advocate (issue 11, ADR 30): what
 * its Section 1 records, read from the offer, so the manager's decision, matching and the advocate
 * see the child's needs as they see a parent's. The child's consent is their acceptance of the
 * offer (or, for a child who cannot yet say, the acceptance of someone who speaks for them).
 */

export interface AcceptedOffer {
  readonly whoAnswered: ChildAnswerer | null
  readonly speakerName: string | null
  readonly speakerRelationship: string | null
  readonly communicates: readonly ChildCommunication[]
  readonly needs: readonly ChildNeed[]
  readonly needsDetail: string | null
  /** The UK date the answer was recorded. */
  readonly answeredOn: string | null
  readonly nonInstructed: boolean
}

/** "Initial child protection conference on 15 December 2026", as the child's referral names where it came from. */
export function conferenceWords(meeting: { readonly type: MeetingType; readonly date: string }): string {
  return `${meetingTypes.labels[meeting.type].toLowerCase()} on ${inWords(meeting.date)}`
}

/** The Section 1 answers of the child's referral. */
export function childSectionOne(offer: AcceptedOffer, meeting: { readonly type: MeetingType; readonly date: string }): Partial<SectionOneAnswers> {
  const spokenFor = offer.whoAnswered === 'someone_for_them'
  const disabled = offer.needs.includes('disability')
  const how = offer.communicates.map((way) => childCommunications.labels[way])
  const placed = offer.needs.filter((need) => need !== 'disability').map((need) => `${childNeeds.labels[need]}.`)
  const otherNeeds = [
    ...(how.length ? [`Communicates: ${how.join('; ')}.`] : []),
    ...placed,
    ...(offer.nonInstructed ? ['Non-instructed advocacy: the child cannot instruct an advocate.'] : []),
    // The offer's own words about the needs go with the disability when there is one, here otherwise.
    ...(offer.needsDetail && !disabled ? [offer.needsDetail] : []),
  ]
  return {
    consentGiven: true,
    consentMethod: 'other',
    consentDate: offer.answeredOn,
    consentDetails: spokenFor
      ? `Accepted the offer of an advocate for the child: ${offer.speakerName ?? ''} (${offer.speakerRelationship ?? ''}) speaks for them.`
      : 'The child accepted the offer of an advocate of their own.',
    reason: `Child offered an advocate at the ${conferenceWords(meeting)}; accepted`,
    hasPreference: false,
    hasDisability: disabled,
    disabilityDetails: disabled ? (offer.needsDetail ?? childNeeds.labels.disability) : null,
    hasOtherNeeds: otherNeeds.length > 0,
    otherNeedsDetails: otherNeeds.length > 0 ? otherNeeds.join(' ') : null,
    adjustments: offer.communicates.includes('pictures') ? ['visual_aids'] : [],
    domesticAbuseBetweenParents: false,
  }
}
