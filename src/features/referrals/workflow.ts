import type { Role } from '../../platform/auth/roles.ts'
import { addDays, addWorkingDays, type BankHolidays } from '../../platform/time/calendar.ts'
import { referralStates, type ReferralState } from '../../vocabulary/referrals.ts'

/**
 * @pure
 *
 * The Advocacy Workflow, as one table: its states, the events that move a referral between them,
 * who may fire each, and the guards that must hold. The screens, the worktrays, the audit trail
 * and the timeline all read this table; nothing else decides what may happen next.
 *
 *   draft ──send_request──► awaiting_admin ──pass_to_manager──► awaiting_decision
 *                                                                 │  ├─ decide_no_further_action ──► no_further_action (end)
 *                         returned ◄──return_for_information──────┤  └─ decide_review ──► in_review
 *                            └────────────resubmit────────────────┘                         │ record_advocate, record_outcome
 *                                                                                           ▼
 *                                   completed (end) ◄──complete── awaiting_sign_off ◄──request_sign_off
 *                                                                  └──return_outcome──► in_review
 *   Any state before an end: withdraw ──► withdrawn (end); reschedule (stays put, re-checks timeliness).
 *   A draft nobody changes for 30 days: lapse_draft (the service) ──► withdrawn (end), warned about from 21 days.
 */

export const states = referralStates

export type State = ReferralState

/**
 * A draft left alone lapses: the referrer is warned from `warnAfterDays` without a change, and the
 * service closes it (`lapse_draft`) after `lapseAfterDays`, so abandoned drafts do not sit overdue
 * in "My work" for ever. Nothing is deleted: it ends as withdrawn, and says why.
 */
export const DRAFT_LAPSE = { warnAfterDays: 21, lapseAfterDays: 30 } as const

export interface DraftLapse {
  /** The UK date the service will close the draft, unless it is changed before then. */
  readonly closesOn: string
  /** Close enough to say so. */
  readonly warn: boolean
}

/** When a draft last changed on `lastChangedOn` will close, and whether to warn about it `today`. */
export function draftLapse(lastChangedOn: string, today: string): DraftLapse {
  const closesOn = addDays(lastChangedOn, DRAFT_LAPSE.lapseAfterDays)
  return { closesOn, warn: today >= addDays(lastChangedOn, DRAFT_LAPSE.warnAfterDays) }
}

/** Who a referral in this state is waiting on. */
export type WaitsOn = 'referrer' | 'fgc_advocacy_admin' | 'assigned_manager' | 'offered_advocate'

export type TagColour = 'grey' | 'blue' | 'yellow' | 'orange' | 'purple' | 'green' | 'red' | 'turquoise'

interface StateDefinition {
  /** The status as shown on a tag. */
  readonly label: string
  /** The step waiting to be done, as named in a worktray. */
  readonly step: string | null
  readonly waitsOn: WaitsOn | null
  readonly colour: TagColour
}

export const stateDefinitions: Readonly<Record<State, StateDefinition>> = {
  draft: { label: 'Draft', step: 'Complete Section 1', waitsOn: 'referrer', colour: 'grey' },
  awaiting_admin: { label: 'Sent to FGC Advocacy Admin', step: 'Pass to FGC Service Manager', waitsOn: 'fgc_advocacy_admin', colour: 'blue' },
  awaiting_decision: { label: "Awaiting manager's decision", step: "Advocacy Manager's Decision", waitsOn: 'assigned_manager', colour: 'yellow' },
  returned: { label: 'Returned for more information', step: 'Add more information', waitsOn: 'referrer', colour: 'orange' },
  in_review: { label: 'Child Protection Advocacy Review', step: 'Child Protection Advocacy Review', waitsOn: 'fgc_advocacy_admin', colour: 'purple' },
  awaiting_advocate: { label: 'Offered to an advocate', step: 'Answer the offer', waitsOn: 'offered_advocate', colour: 'turquoise' },
  awaiting_sign_off: { label: 'Awaiting sign-off', step: 'Sign off: Advocacy Completed', waitsOn: 'assigned_manager', colour: 'yellow' },
  no_further_action: { label: 'No Further Action', step: null, waitsOn: null, colour: 'red' },
  completed: { label: 'Advocacy Completed', step: null, waitsOn: null, colour: 'green' },
  withdrawn: { label: 'Withdrawn', step: null, waitsOn: null, colour: 'grey' },
}

export function isEnded(state: State): boolean {
  return stateDefinitions[state].waitsOn === null
}

export const openStates: readonly State[] = states.filter((state) => !isEnded(state))

/** What the workflow needs to know about a referral to decide what may happen to it. */
export interface ReferralFacts {
  readonly state: State
  readonly referrerId: string
  readonly hasPerson: boolean
  readonly hasMeeting: boolean
  /** Every required Section 1 answer is given. */
  readonly sectionOneComplete: boolean
  /** The person referred has consented (Section 1). */
  readonly consentGiven: boolean
  readonly late: boolean
  readonly lateReasonGiven: boolean
  /** An advocate (or a local service) is working with the person: an accepted offer, or a triage. */
  readonly advocateRecorded: boolean
  readonly outcomeRecorded: boolean
  /** The sign-in of the advocate an offer is waiting on, if they have one. */
  readonly offeredAdvocateUserId: string | null
}

/** The service itself acts as `system`: for a step nobody takes, such as an offer left unanswered. */
export type ActorRole = Role | 'system'

export interface Actor {
  readonly id: string
  readonly roles: readonly ActorRole[]
}

/**
 * Who may fire an event: a role; for the referrer, only the one who made the referral; for an
 * advocate, only the one the offer was made to.
 */
type Permit = { readonly role: ActorRole; readonly ownReferralOnly?: true; readonly offeredAdvocateOnly?: true }

/**
 * What must hold before a step can be taken. Most guards say what is still needed (the referral
 * page lists it, and the step's page explains it); a guard that `hides` says instead that the step
 * does not apply to the referral as it is now (no offer while an advocate is allocated, no change of
 * advocate before there is one), so nobody is offered the step at all. Either way the step is
 * refused with the guard's reason.
 */
interface Guard {
  readonly check: (facts: ReferralFacts) => string | null
  readonly hides?: true
}

function needs(check: Guard['check']): Guard {
  return { check }
}

function onlyWhile(check: Guard['check']): Guard {
  return { check, hides: true }
}

interface EventDefinition {
  readonly from: readonly State[]
  /** The state it leads to; `null` for events that leave the state as it is. */
  readonly to: State | null
  readonly permits: readonly Permit[]
  readonly guards: readonly Guard[]
  /** How the event reads on the timeline. `null`: not shown there (an edit, audited only). */
  readonly timeline: string | null
}

const referrer: Permit = { role: 'referrer', ownReferralOnly: true }
const admin: Permit = { role: 'advocacy_admin' }
const manager: Permit = { role: 'service_manager' }
const offeredAdvocate: Permit = { role: 'advocate', offeredAdvocateOnly: true }
const system: Permit = { role: 'system' }

const needsPerson = needs((facts) => (facts.hasPerson ? null : 'Add the parent or carer being referred'))
const needsMeeting = needs((facts) => (facts.hasMeeting ? null : 'Add the meeting the advocate is needed for'))
const needsSectionOne = needs((facts) => (facts.sectionOneComplete ? null : 'Answer every question in Section 1'))
const needsLateReason = needs((facts) => (!facts.late || facts.lateReasonGiven ? null : 'This referral is late: say why it could not be made sooner'))
const needsConsent = needs((facts) =>
  facts.consentGiven ? null : 'An advocate cannot be offered or allocated until the person has consented to advocacy (Section 1)',
)
const needsAdvocate = needs((facts) => (facts.advocateRecorded ? null : 'Allocate an advocate first'))
const needsOutcome = needs((facts) => (facts.outcomeRecorded ? null : 'Complete the Advocacy Outcome form first'))
/** Finding an advocate (an offer, a triage) is for a referral without one. */
const onlyWithoutAdvocate = onlyWhile((facts) => (facts.advocateRecorded ? 'An advocate is already allocated: change the advocate first' : null))
/** Changing the advocate is for a referral with one. */
const onlyWithAdvocate = onlyWhile((facts) => (facts.advocateRecorded ? null : 'No advocate is allocated yet, so there is none to change'))

export const events = {
  save_referral: {
    from: ['draft', 'returned'],
    to: null,
    permits: [referrer],
    guards: [],
    timeline: null,
  },
  send_request: {
    from: ['draft'],
    to: 'awaiting_admin',
    permits: [referrer],
    guards: [needsPerson, needsMeeting, needsSectionOne, needsLateReason],
    timeline: "Section 1 completed and 'Pass to FGC Service Manager' request sent to FGC Advocacy Admin",
  },
  pass_to_manager: {
    from: ['awaiting_admin'],
    to: 'awaiting_decision',
    permits: [admin],
    guards: [],
    timeline: 'Passed to FGC Service Manager',
  },
  return_for_information: {
    from: ['awaiting_decision'],
    to: 'returned',
    permits: [manager],
    guards: [],
    timeline: 'Returned to the referrer for more information',
  },
  resubmit: {
    from: ['returned'],
    to: 'awaiting_decision',
    permits: [referrer],
    guards: [needsPerson, needsMeeting, needsSectionOne, needsLateReason],
    timeline: 'More information added and sent back to the service manager',
  },
  decide_no_further_action: {
    from: ['awaiting_decision'],
    to: 'no_further_action',
    permits: [manager],
    guards: [],
    timeline: "Advocacy Manager's Decision: No Further Action",
  },
  decide_review: {
    from: ['awaiting_decision'],
    to: 'in_review',
    permits: [manager],
    guards: [],
    timeline: "Advocacy Manager's Decision: Child Protection Advocacy Review, assigned to FGC Advocacy Admin",
  },
  record_consent: {
    from: ['in_review'],
    to: null,
    permits: [admin],
    guards: [],
    timeline: "The person's consent recorded",
  },
  offer: {
    from: ['in_review'],
    to: 'awaiting_advocate',
    permits: [admin],
    guards: [onlyWithoutAdvocate, needsConsent],
    timeline: 'Offered to an advocate',
  },
  accept_offer: {
    from: ['awaiting_advocate'],
    to: 'in_review',
    permits: [offeredAdvocate, admin],
    guards: [],
    timeline: 'Offer accepted: advocate allocated',
  },
  decline_offer: {
    from: ['awaiting_advocate'],
    to: 'in_review',
    permits: [offeredAdvocate, admin],
    guards: [],
    timeline: 'Offer declined',
  },
  offer_lapsed: {
    from: ['awaiting_advocate'],
    to: 'in_review',
    permits: [system],
    guards: [],
    timeline: 'Offer not answered in time: back to FGC Advocacy Admin',
  },
  triage: {
    from: ['in_review'],
    to: null,
    permits: [admin],
    guards: [onlyWithoutAdvocate, needsConsent],
    timeline: 'Triaged to a local service',
  },
  end_allocation: {
    from: ['in_review'],
    to: null,
    permits: [admin],
    guards: [onlyWithAdvocate],
    timeline: 'Advocate changed: the allocation ended',
  },
  record_outcome: {
    from: ['in_review'],
    to: null,
    permits: [admin],
    guards: [needsAdvocate],
    timeline: 'Advocacy Outcome recorded',
  },
  request_sign_off: {
    from: ['in_review'],
    to: 'awaiting_sign_off',
    permits: [admin],
    guards: [needsAdvocate, needsOutcome],
    timeline: 'Advocacy Outcome sent to FGC Service Manager for sign-off',
  },
  return_outcome: {
    from: ['awaiting_sign_off'],
    to: 'in_review',
    permits: [manager],
    guards: [],
    timeline: 'Outcome returned to FGC Advocacy Admin',
  },
  complete: {
    from: ['awaiting_sign_off'],
    to: 'completed',
    permits: [manager],
    guards: [needsAdvocate, needsOutcome],
    timeline: 'Advocacy Completed',
  },
  lapse_draft: {
    from: ['draft'],
    to: 'withdrawn',
    permits: [system],
    guards: [],
    timeline: `Draft closed by the service: not changed for ${DRAFT_LAPSE.lapseAfterDays} days`,
  },
  withdraw: {
    from: openStates,
    to: 'withdrawn',
    permits: [referrer, admin, manager],
    guards: [],
    timeline: 'Referral withdrawn',
  },
  reschedule: {
    from: openStates.filter((state) => state !== 'draft'),
    to: null,
    permits: [referrer, admin, manager],
    guards: [needsMeeting],
    timeline: 'Meeting rescheduled',
  },
} as const satisfies Record<string, EventDefinition>

export type WorkflowEvent = keyof typeof events

export const eventNames = Object.keys(events) as WorkflowEvent[]

export type Decision =
  { readonly allowed: true; readonly to: State } | { readonly allowed: false; readonly reason: string; readonly kind: 'state' | 'role' | 'guard' }

function permits(event: WorkflowEvent, actor: Actor, facts: ReferralFacts): boolean {
  return (events[event].permits as readonly Permit[]).some(
    (permit) =>
      actor.roles.includes(permit.role) &&
      (!permit.ownReferralOnly || facts.referrerId === actor.id) &&
      (!permit.offeredAdvocateOnly || (facts.offeredAdvocateUserId !== null && facts.offeredAdvocateUserId === actor.id)),
  )
}

/** May this person fire this event on this referral now? If not, why not, in plain words. */
export function decide(event: WorkflowEvent, actor: Actor, facts: ReferralFacts): Decision {
  const definition: EventDefinition = events[event]
  if (!definition.from.includes(facts.state)) {
    return { allowed: false, kind: 'state', reason: `This cannot be done while the referral is "${stateDefinitions[facts.state].label}"` }
  }
  if (!permits(event, actor, facts)) {
    return { allowed: false, kind: 'role', reason: 'Your role does not allow this step' }
  }
  for (const guard of definition.guards) {
    const reason = guard.check(facts)
    if (reason) return { allowed: false, kind: 'guard', reason }
  }
  return { allowed: true, to: definition.to ?? facts.state }
}

/**
 * The steps this person could take now, or once what is still needed is done: what the referral
 * page offers them. A step that does not apply to the referral as it is (a guard that `hides`) is
 * not among them.
 */
export function offeredEvents(actor: Actor, facts: ReferralFacts): WorkflowEvent[] {
  return eventNames.filter((event) => {
    const decision = decide(event, actor, facts)
    if (decision.allowed) return true
    return decision.kind === 'guard' && !(events[event].guards as readonly Guard[]).some((guard) => guard.hides && guard.check(facts) !== null)
  })
}

/** The steps this person could take in this state that do not apply to the referral as it is now, each with why. */
export function inapplicableEvents(actor: Actor, facts: ReferralFacts): Partial<Record<WorkflowEvent, string>> {
  const found: Partial<Record<WorkflowEvent, string>> = {}
  for (const event of eventNames) {
    const decision = decide(event, actor, facts)
    if (decision.allowed || decision.kind !== 'guard') continue
    const hiding = (events[event].guards as readonly Guard[]).find((guard) => guard.hides && guard.check(facts) !== null)
    if (hiding) found[event] = hiding.check(facts) ?? decision.reason
  }
  return found
}

/** What is still needed before an event can go ahead (empty when it may). */
export function unmetGuards(event: WorkflowEvent, facts: ReferralFacts): string[] {
  return (events[event].guards as readonly Guard[]).map((guard) => guard.check(facts)).filter((reason) => reason !== null)
}

export interface StepDueFacts {
  readonly state: State
  /** The UK date the referral entered its state. */
  readonly enteredOn: string
  readonly meetingDate: string | null
  /** The last day the referral was due (7 or 14 days before a conference), if there is one. */
  readonly referralDueBy: string | null
  readonly advocateRecorded: boolean
  /** The UK date an offer must be answered by, while one waits. */
  readonly offerRespondBy: string | null
  /** The bank holidays working days skip: the authority's region's. */
  readonly bankHolidays: BankHolidays
}

/** Working days each waiting step has, from the day it began. */
export const STEP_WORKING_DAYS = {
  awaiting_admin: 1,
  awaiting_decision: 2,
  returned: 2,
  outcome_after_meeting: 5,
  answer_offer: 2,
  awaiting_sign_off: 5,
} as const

/**
 * When the step a referral waits on is due. Drafts are due when the referral is; a review must have
 * an advocate in place by the meeting, then its outcome within five working days of it.
 */
export function stepDueOn(facts: StepDueFacts): string | null {
  const workingDaysAfter = (date: string, count: number) => addWorkingDays(date, count, facts.bankHolidays)
  switch (facts.state) {
    case 'draft':
      return facts.referralDueBy ?? facts.meetingDate
    case 'awaiting_admin':
      return workingDaysAfter(facts.enteredOn, STEP_WORKING_DAYS.awaiting_admin)
    case 'awaiting_decision':
      return workingDaysAfter(facts.enteredOn, STEP_WORKING_DAYS.awaiting_decision)
    case 'returned':
      return workingDaysAfter(facts.enteredOn, STEP_WORKING_DAYS.returned)
    case 'in_review':
      if (!facts.meetingDate) return workingDaysAfter(facts.enteredOn, STEP_WORKING_DAYS.outcome_after_meeting)
      return facts.advocateRecorded ? workingDaysAfter(facts.meetingDate, STEP_WORKING_DAYS.outcome_after_meeting) : facts.meetingDate
    case 'awaiting_advocate':
      return facts.offerRespondBy ?? workingDaysAfter(facts.enteredOn, STEP_WORKING_DAYS.answer_offer)
    case 'awaiting_sign_off':
      return workingDaysAfter(facts.enteredOn, STEP_WORKING_DAYS.awaiting_sign_off)
    default:
      return null
  }
}
