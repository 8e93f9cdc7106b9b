/**
 * The words for children offered an advocate of their own (issue 11): the answer to the offer, who
 * gave it, and what changes how advocacy is done for the child. Each value is spelled once here;
 * the check constraints of migration 0023 name the same lists.
 */

import { labelled, type ValueOf } from './labelled.ts'

/** Where a child's offer stands. Opt-out: a child who has not answered still has an advocate unless they decline. */
export const childOfferAnswers = labelled({
  waiting: 'Not answered yet',
  accepted: 'Accepted',
  declined: 'Declined',
})

/** Who gave the answer: the child, or (for a child who cannot yet say) someone who speaks for them. */
export const childAnswerers = labelled({
  child: 'The child',
  someone_for_them: 'Someone who speaks for them',
})

/** How the child communicates. With no speech, signs or pictures the child cannot instruct: the advocacy is non-instructed. */
export const childCommunications = labelled({
  speaks: 'Speaks',
  signs: 'Signs (for example, BSL or Makaton)',
  pictures: 'Pictures or symbols',
  no_speech: 'No speech, signs or pictures (non-instructed advocacy)',
})

/** What else changes how the advocacy is done. */
export const childNeeds = labelled({
  disability: 'Disabled, or has a learning need',
  in_custody: 'In custody',
  out_of_area: 'Placed out of the area',
})

export type ChildOfferAnswer = ValueOf<typeof childOfferAnswers>
export type ChildAnswerer = ValueOf<typeof childAnswerers>
export type ChildCommunication = ValueOf<typeof childCommunications>
export type ChildNeed = ValueOf<typeof childNeeds>

/**
 * A child's consultation before a review conference (issue 11, ADR 31): whether it was done or the
 * child did not take part, the form for their age, how it was done, why they did not take part, and
 * who beyond the advocacy service the child agreed may read their answers. Migration 0025's checks
 * name the same lists.
 */
export const consultationStatuses = labelled({
  completed: 'Done',
  declined: 'Did not take part',
})

export const consultationBands = labelled({
  '4_to_7': '4 to 7',
  '8_to_11': '8 to 11',
  '12_and_over': '12 and over',
})

export const consultationWays = labelled({
  own_pages: 'By the child, on their own pages',
  with_advocate: 'Completed with the child',
  on_paper: 'Entered from a paper form',
})

export const consultationDeclines = labelled({
  child_did_not_want: 'The child did not want to',
  carer_says_cannot: 'A carer says they cannot',
})

export const consultationReaders = labelled({
  chair: 'The conference chair',
  social_worker: 'Their social worker',
})

export type ConsultationStatus = ValueOf<typeof consultationStatuses>
export type ConsultationBand = ValueOf<typeof consultationBands>
export type ConsultationWay = ValueOf<typeof consultationWays>
export type ConsultationDecline = ValueOf<typeof consultationDeclines>
export type ConsultationReader = ValueOf<typeof consultationReaders>
