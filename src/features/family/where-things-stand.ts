/**
 * @pure
 *
 * Where a referral stands, as its person reads it: each step of the Advocacy Workflow that matters
 * to them as a plain sentence, and what happens next and when. Driven by the workflow table: every
 * event and every state must have its entry here (the types say so), so a new step cannot reach a
 * family's page as a staff label. The words are message keys (`src/locales/<lang>/family.json`).
 */

import type { State, WorkflowEvent } from '../referrals/workflow.ts'

/** A sentence: its message key and what fills it. Dates are `YYYY-MM-DD`, for the page to write in the person's language. */
export interface Sentence {
  readonly key: string
  readonly dates?: Readonly<Record<string, string>>
  readonly values?: Readonly<Record<string, string>>
}

/**
 * The sentence each step reads as, or `null` for a step that is the service's own business (an
 * edit, an internal hand-over) and says nothing new to the person.
 */
export const eventSentences: Readonly<Record<WorkflowEvent | 'start', string | null>> = {
  start: null,
  save_referral: null,
  send_request: 'timeline.asked',
  pass_to_manager: 'timeline.passedToManager',
  return_for_information: 'timeline.returned',
  resubmit: 'timeline.resubmitted',
  decide_no_further_action: 'timeline.decidedNo',
  decide_review: 'timeline.decidedYes',
  record_consent: 'timeline.consentRecorded',
  offer: 'timeline.offered',
  accept_offer: 'timeline.accepted',
  decline_offer: 'timeline.declined',
  offer_lapsed: 'timeline.declined',
  triage: 'timeline.triaged',
  end_allocation: 'timeline.advocateChanged',
  record_outcome: null,
  request_sign_off: null,
  return_outcome: null,
  complete: 'timeline.completed',
  lapse_draft: null,
  withdraw: 'timeline.withdrawn',
  reschedule: 'timeline.rescheduled',
}

function isKnownEvent(event: string): event is WorkflowEvent | 'start' {
  return Object.hasOwn(eventSentences, event)
}

/** The referral's steps as sentences, oldest first; steps with nothing to tell the person are left out. */
export function timelineSentences(events: readonly { readonly event: string; readonly on: string }[]): Sentence[] {
  return events.flatMap(({ event, on }) => {
    const key = isKnownEvent(event) ? eventSentences[event] : null
    return key ? [{ key, dates: { date: on } }] : []
  })
}

export interface NextFacts {
  readonly state: State
  /** When the step the referral waits on is due (`YYYY-MM-DD`), if it has a date. */
  readonly stepDueOn: string | null
  readonly meetingDate: string | null
  /** Today, in the UK. */
  readonly today: string
  /** Who is working with the person now. */
  readonly working: 'advocate' | 'local-service' | 'none'
  /** The last day these pages open, once the referral has ended. */
  readonly lastDay: string | null
}

/** What happens next and when, in a sentence or two. */
export function whatHappensNext(facts: NextFacts): Sentence[] {
  const due = facts.stepDueOn && facts.stepDueOn >= facts.today ? facts.stepDueOn : null
  const meetingAhead = facts.meetingDate !== null && facts.meetingDate >= facts.today
  const ended = (key: string): Sentence[] => [{ key }, ...(facts.lastDay ? [{ key: 'next.pagesOpenUntil', dates: { date: facts.lastDay } }] : [])]
  switch (facts.state) {
    case 'draft':
    case 'awaiting_admin':
      return [due ? { key: 'next.serviceWillLook', dates: { date: due } } : { key: 'next.serviceWillLookSoon' }]
    case 'awaiting_decision':
      return [due ? { key: 'next.serviceWillDecide', dates: { date: due } } : { key: 'next.serviceWillDecideSoon' }]
    case 'returned':
      return [{ key: 'next.socialWorkerAddingInformation' }]
    case 'awaiting_advocate':
      return [due ? { key: 'next.advocateAsked', dates: { date: due } } : { key: 'next.advocateAskedSoon' }]
    case 'in_review':
      if (facts.working === 'advocate')
        return [
          meetingAhead && facts.meetingDate ? { key: 'next.advocateBeforeMeeting', dates: { date: facts.meetingDate } } : { key: 'next.advocateAfterMeeting' },
        ]
      if (facts.working === 'local-service') return [{ key: 'next.localService' }]
      return [meetingAhead && facts.meetingDate ? { key: 'next.findingAdvocateBefore', dates: { date: facts.meetingDate } } : { key: 'next.findingAdvocate' }]
    case 'awaiting_sign_off':
      return [{ key: 'next.checkingFinished' }]
    case 'no_further_action':
      return ended('next.noAdvocate')
    case 'completed':
      return ended('next.finished')
    case 'withdrawn':
      return ended('next.stopped')
  }
}

/** A short status for the top of the page: by state, and while in review, by who is working with them. */
export function headline(state: State, working: NextFacts['working']): string {
  switch (state) {
    case 'draft':
    case 'awaiting_admin':
      return 'status.asked'
    case 'awaiting_decision':
    case 'returned':
      return 'status.deciding'
    case 'in_review':
      return working === 'advocate' ? 'status.haveAdvocate' : working === 'local-service' ? 'status.localService' : 'status.findingAdvocate'
    case 'awaiting_advocate':
      return 'status.findingAdvocate'
    case 'awaiting_sign_off':
      return 'status.finishing'
    case 'no_further_action':
      return 'status.noAdvocate'
    case 'completed':
      return 'status.finished'
    case 'withdrawn':
      return 'status.stopped'
  }
}
