/**
 * The words for a meeting's readiness (issue 12): what became of a Family Group Conference offered
 * before a child protection conference, and which conference came before this one.
 */

import { labelled, type ValueOf } from './labelled.ts'

/** Where a Family Group Conference before the conference stands, or why there is none. */
export const fgcStatuses = labelled({
  offered: 'Offered, waiting for the family’s answer',
  accepted: 'Accepted by the family',
  held: 'Held',
  declined: 'The family did not want one',
  not_possible: 'Not possible before the conference',
})

/** The conference before a review conference: the first review follows the initial conference, later ones a review. */
export const previousConferences = labelled({
  initial_conference: 'The initial child protection conference',
  review_conference: 'A review child protection conference',
})

export type FgcStatus = ValueOf<typeof fgcStatuses>
export type PreviousConference = ValueOf<typeof previousConferences>
