import { labelled, type ValueOf } from './labelled.ts'

/** What a concern is about (the `concern.about` check constraint, migration 0020), in staff words. */
export const concernAbouts = labelled({ me: 'Their own safety', child: 'A child’s safety', both: 'Their own safety and a child’s' })
export type ConcernAbout = ValueOf<typeof concernAbouts>

/** Where a concern stands. */
export const concernStates = labelled({ open: 'Waiting to be acknowledged', acknowledged: 'Acknowledged', closed: 'Closed' })
export type ConcernState = ValueOf<typeof concernStates>

/** Who raised it: the person from their own pages, or their advocate. */
export const concernRaisers = labelled({ family: 'The person, from their own pages', advocate: 'Their advocate' })
export type ConcernRaiser = ValueOf<typeof concernRaisers>

/** Each step of a concern, as its history shows it (the `concern_step.step` check constraint). */
export const concernSteps = labelled({
  raised: 'Raised',
  sent: 'Sent to',
  told: 'Deputy told',
  escalated: 'Not acknowledged in time: passed to',
  every_manager: 'Not acknowledged by anyone on the list: sent to every service manager',
  acknowledged: 'Acknowledged',
  closed: 'Closed',
  more_words: 'More words from the person',
})
export type ConcernStep = ValueOf<typeof concernSteps>
