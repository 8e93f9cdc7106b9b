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
