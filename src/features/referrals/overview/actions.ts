import type { ReferralView } from '../service.ts'
import type { WorkflowEvent } from '../workflow.ts'

export interface ReferralAction {
  readonly event: WorkflowEvent
  readonly text: string
  readonly href: string
  /** The main thing to do next (a primary button); the rest are secondary. */
  readonly primary: boolean
  /** Why it cannot be done yet, if anything is missing. */
  readonly blockers: readonly string[]
  /** What is still needed, as a sentence ("Before you can …: …."); empty when nothing is. */
  readonly stillNeeded: string
}

/** Each step's page and button. `hub`: its page lists what is still needed itself, so it is always a button. */
const pages: Partial<Record<WorkflowEvent, { page: string; text: string; primary?: true; hub?: true }>> = {
  send_request: { page: 'check', text: 'Check answers and send the request', primary: true, hub: true },
  resubmit: { page: 'check', text: 'Check answers and send back to the service manager', primary: true, hub: true },
  pass_to_manager: { page: 'pass-to-manager', text: 'Pass to FGC Service Manager', primary: true },
  decide_review: { page: 'decision', text: "Record the Advocacy Manager's Decision", primary: true },
  return_for_information: { page: 'return', text: 'Return to the referrer for more information' },
  record_consent: { page: 'consent', text: "Record the person's consent", primary: true },
  offer: { page: 'matches', text: 'Find an advocate', primary: true },
  accept_offer: { page: 'offer', text: 'Record the advocate’s answer' },
  end_allocation: { page: 'change-advocate', text: 'Change the advocate' },
  record_outcome: { page: 'outcome', text: 'Complete the Advocacy Outcome form', primary: true },
  request_sign_off: { page: 'sign-off-request', text: 'Send to FGC Service Manager for sign-off', primary: true },
  complete: { page: 'sign-off', text: 'Sign off the advocacy', primary: true },
  reschedule: { page: 'reschedule', text: 'Record that the meeting was rescheduled' },
  withdraw: { page: 'withdraw', text: 'Withdraw this referral' },
}

/** What a referral's page offers its user: the steps they can take now, and those still waiting on something. */
export interface ReferralActions {
  /** Buttons: the steps this user can take now, the main next step first. */
  readonly now: readonly ReferralAction[]
  /** Steps this user will take once something else is done: shown as what is still needed, never as buttons. */
  readonly stillNeeded: readonly ReferralAction[]
}

/**
 * What a referral's page offers this user, from what the workflow allows them (steps that do not
 * apply to the referral as it is are not in `referral.actions` at all). A step is a button only
 * when nothing is missing; otherwise it says what is still needed. Steps that would repeat one
 * already taken are left out (the consent once recorded; the Advocacy Outcome, once recorded, is
 * changed from its own summary card).
 */
export function referralActions(referral: ReferralView): ReferralActions {
  const actions: ReferralAction[] = []
  for (const [event, blockers] of Object.entries(referral.actions) as [WorkflowEvent, readonly string[]][]) {
    const page = pages[event]
    if (!page) continue
    if (event === 'record_consent' && referral.sectionOne.consentGiven === true) continue
    if (event === 'offer' && referral.sectionOne.consentGiven !== true) continue
    if (event === 'record_outcome' && referral.review?.outcome) continue
    const stillNeeded = blockers.length === 0 || page.hub ? '' : `Before you can ${lowerFirst(page.text)}: ${blockers.map(lowerFirst).join('; ')}.`
    actions.push({ event, text: page.text, href: `/referrals/${referral.id}/${page.page}`, primary: page.primary === true, blockers, stillNeeded })
  }
  const ordered = [...actions.filter((action) => action.primary), ...actions.filter((action) => !action.primary)]
  return { now: ordered.filter((action) => !action.stillNeeded), stillNeeded: ordered.filter((action) => action.stillNeeded) }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
