/**
 * The words of an enquiry: a request for an advocate that a parent (or someone for them, with
 * their agreement) sends from the public pages, and how the FGC Advocacy Admin team closes it.
 */

import { labelled, type ValueOf } from './labelled.ts'
import { meetingTypes } from './referrals.ts'

/** Who is asking: the parent, or someone for them (who must have their agreement). */
export const askers = labelled({
  myself: 'The parent or carer',
  someone_else: 'Someone for them, with their agreement',
})

export type Asker = ValueOf<typeof askers>

/** How the person would like to be contacted. */
export const contactWays = labelled({
  phone: 'Phone',
  email: 'Email',
})

export type ContactWay = ValueOf<typeof contactWays>

/** The meeting coming up, as the person knows it: the service's meeting types, or not sure. */
export const enquiryMeetingTypes = labelled({
  ...meetingTypes.labels,
  not_sure: 'Not sure',
})

export type EnquiryMeetingType = ValueOf<typeof enquiryMeetingTypes>

export const enquiryStates = labelled({
  open: 'Waiting',
  closed: 'Closed',
})

export type EnquiryState = ValueOf<typeof enquiryStates>

/** How an admin closed an enquiry. */
export const enquiryOutcomes = labelled({
  linked_to_referral: 'Linked to a referral',
  referral_requested: 'Asked the social worker to refer',
  answered: 'Answered and closed',
})

export type EnquiryOutcome = ValueOf<typeof enquiryOutcomes>

/** The forms anyone can send from the public pages, counted per address to keep floods out. */
export const publicForms = labelled({
  enquiry: 'Ask for an advocate',
  application: 'Become a parent advocate',
})

export type PublicForm = ValueOf<typeof publicForms>
