import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { roles, type Role } from '../../platform/auth/roles.ts'
import { bankHolidaysIn } from '../../platform/time/bank-holidays.ts'
import { decide, eventNames, offeredEvents, states, stepDueOn, type ActorRole, type ReferralFacts, type State, type WorkflowEvent } from './workflow.ts'

/**
 * The workflow as the issue and the practice guidance describe it, written out by hand: for each
 * event, the states it may be fired from, where it leads, and who may fire it. Every combination of
 * event × state × role (and, for referrers, their own referral or someone else's) is checked
 * against the state machine: each allowed one is allowed, and every other one is refused.
 */
const open: State[] = ['draft', 'awaiting_admin', 'awaiting_decision', 'returned', 'in_review', 'awaiting_advocate', 'awaiting_sign_off']

type Who = 'own referrer' | 'offered advocate' | ActorRole
const expected: Record<WorkflowEvent, { from: State[]; to: State | 'same'; who: Who[] }> = {
  save_referral: { from: ['draft', 'returned'], to: 'same', who: ['own referrer'] },
  send_request: { from: ['draft'], to: 'awaiting_admin', who: ['own referrer'] },
  pass_to_manager: { from: ['awaiting_admin'], to: 'awaiting_decision', who: ['advocacy_admin'] },
  return_for_information: { from: ['awaiting_decision'], to: 'returned', who: ['service_manager'] },
  resubmit: { from: ['returned'], to: 'awaiting_decision', who: ['own referrer'] },
  decide_no_further_action: { from: ['awaiting_decision'], to: 'no_further_action', who: ['service_manager'] },
  decide_review: { from: ['awaiting_decision'], to: 'in_review', who: ['service_manager'] },
  record_consent: { from: ['in_review'], to: 'same', who: ['advocacy_admin'] },
  offer: { from: ['in_review'], to: 'awaiting_advocate', who: ['advocacy_admin'] },
  accept_offer: { from: ['awaiting_advocate'], to: 'in_review', who: ['offered advocate', 'advocacy_admin'] },
  decline_offer: { from: ['awaiting_advocate'], to: 'in_review', who: ['offered advocate', 'advocacy_admin'] },
  offer_lapsed: { from: ['awaiting_advocate'], to: 'in_review', who: ['system'] },
  triage: { from: ['in_review'], to: 'same', who: ['advocacy_admin'] },
  end_allocation: { from: ['in_review'], to: 'same', who: ['advocacy_admin'] },
  record_outcome: { from: ['in_review'], to: 'same', who: ['advocacy_admin'] },
  request_sign_off: { from: ['in_review'], to: 'awaiting_sign_off', who: ['advocacy_admin'] },
  return_outcome: { from: ['awaiting_sign_off'], to: 'in_review', who: ['service_manager'] },
  complete: { from: ['awaiting_sign_off'], to: 'completed', who: ['service_manager'] },
  lapse_draft: { from: ['draft'], to: 'withdrawn', who: ['system'] },
  withdraw: { from: open, to: 'withdrawn', who: ['own referrer', 'advocacy_admin', 'service_manager'] },
  reschedule: { from: open.filter((state) => state !== 'draft'), to: 'same', who: ['own referrer', 'advocacy_admin', 'service_manager'] },
}

const REFERRER_ID = 'the-referrer'
const OFFERED_ADVOCATE_ID = 'the-offered-advocate'

/** A referral with every guard of `event` met, so only state and role decide. */
function readyFacts(state: State, event?: WorkflowEvent): ReferralFacts {
  return {
    state,
    referrerId: REFERRER_ID,
    hasPerson: true,
    hasMeeting: true,
    sectionOneComplete: true,
    consentGiven: true,
    late: false,
    lateReasonGiven: false,
    advocateRecorded: event !== 'offer' && event !== 'triage',
    outcomeRecorded: true,
    offeredAdvocateUserId: OFFERED_ADVOCATE_ID,
  }
}

const actors: { who: Who | 'another referrer' | 'another advocate'; actor: { id: string; roles: ActorRole[] } }[] = [
  { who: 'own referrer', actor: { id: REFERRER_ID, roles: ['referrer'] } },
  { who: 'another referrer', actor: { id: 'someone-else', roles: ['referrer'] } },
  { who: 'offered advocate', actor: { id: OFFERED_ADVOCATE_ID, roles: ['advocate'] } },
  { who: 'another advocate', actor: { id: 'another-advocate', roles: ['advocate'] } },
  { who: 'system', actor: { id: 'the-service', roles: ['system'] } },
  ...roles.filter((role) => role !== 'referrer' && role !== 'advocate').map((role) => ({ who: role, actor: { id: `a-${role}`, roles: [role] } })),
]

describe('the Advocacy Workflow state machine', () => {
  test('the hand-written table covers every event in the machine', () => {
    assert.deepEqual(Object.keys(expected).sort(), [...eventNames].sort())
  })

  for (const event of eventNames) {
    describe(event, () => {
      const rule = expected[event]
      for (const state of states) {
        for (const { who, actor } of actors) {
          const allowed = rule.from.includes(state) && (rule.who as string[]).includes(who)
          test(`${allowed ? 'allows' : 'refuses'} ${who} from ${state}`, () => {
            const decision = decide(event, actor, readyFacts(state, event))
            if (allowed) {
              assert.deepEqual(decision, { allowed: true, to: rule.to === 'same' ? state : rule.to })
            } else {
              assert.equal(decision.allowed, false)
              if (!decision.allowed) assert.equal(decision.kind, rule.from.includes(state) ? 'role' : 'state')
            }
          })
        }
      }
    })
  }

  test('ended referrals allow nothing to anyone', () => {
    for (const state of ['no_further_action', 'completed', 'withdrawn'] as const) {
      for (const { actor } of actors) assert.deepEqual(offeredEvents(actor, readyFacts(state)), [], `${state}`)
    }
  })

  test('a person with two roles may do what either allows', () => {
    const both = { id: 'both', roles: ['advocacy_admin', 'service_manager'] as Role[] }
    assert.equal(decide('pass_to_manager', both, readyFacts('awaiting_admin')).allowed, true)
    assert.equal(decide('decide_review', both, readyFacts('awaiting_decision')).allowed, true)
  })
})

describe('the workflow guards', () => {
  const referrer = { id: REFERRER_ID, roles: ['referrer'] as Role[] }
  const admin = { id: 'admin', roles: ['advocacy_admin'] as Role[] }
  const manager = { id: 'manager', roles: ['service_manager'] as Role[] }

  test('Section 1 cannot be finished without the person, the meeting and every answer', () => {
    const draft = readyFacts('draft')
    assert.deepEqual(decide('send_request', referrer, { ...draft, hasPerson: false }), {
      allowed: false,
      kind: 'guard',
      reason: 'Add the parent or carer being referred',
    })
    assert.equal(decide('send_request', referrer, { ...draft, hasMeeting: false }).allowed, false)
    assert.equal(decide('send_request', referrer, { ...draft, sectionOneComplete: false }).allowed, false)
    assert.equal(decide('resubmit', referrer, { ...readyFacts('returned'), sectionOneComplete: false }).allowed, false)
  })

  test('a late referral is accepted only with a reason', () => {
    const late = { ...readyFacts('draft'), late: true }
    const refused = decide('send_request', referrer, late)
    assert.equal(refused.allowed, false)
    assert.match(refused.allowed ? '' : refused.reason, /late/)
    assert.equal(decide('send_request', referrer, { ...late, lateReasonGiven: true }).allowed, true)
  })

  test('no advocate is recorded without recorded consent', () => {
    for (const event of ['offer', 'triage'] as const) {
      const decision = decide(event, admin, { ...readyFacts('in_review', event), consentGiven: false })
      assert.equal(decision.allowed, false, event)
      assert.match(decision.allowed ? '' : decision.reason, /consented/)
    }
  })

  test('one advocate at a time: no offer or triage while one is allocated; changing needs one', () => {
    assert.match(JSON.stringify(decide('offer', admin, readyFacts('in_review', 'end_allocation'))), /already allocated/)
    assert.match(JSON.stringify(decide('triage', admin, readyFacts('in_review', 'end_allocation'))), /already allocated/)
    assert.equal(decide('end_allocation', admin, { ...readyFacts('in_review'), advocateRecorded: false }).allowed, false)
  })

  test('only the advocate the offer was made to may answer it; an advocate without a sign-in cannot', () => {
    const advocate = { id: OFFERED_ADVOCATE_ID, roles: ['advocate'] as ActorRole[] }
    assert.equal(decide('accept_offer', advocate, readyFacts('awaiting_advocate')).allowed, true)
    assert.equal(decide('accept_offer', advocate, { ...readyFacts('awaiting_advocate'), offeredAdvocateUserId: null }).allowed, false)
    assert.equal(decide('accept_offer', admin, { ...readyFacts('awaiting_advocate'), offeredAdvocateUserId: null }).allowed, true, 'the admin answers for them')
  })

  test('the outcome needs an advocate; sign-off and completion need both', () => {
    const review = readyFacts('in_review')
    assert.equal(decide('record_outcome', admin, { ...review, advocateRecorded: false }).allowed, false)
    assert.equal(decide('request_sign_off', admin, { ...review, outcomeRecorded: false }).allowed, false)
    assert.equal(decide('complete', manager, { ...readyFacts('awaiting_sign_off'), outcomeRecorded: false }).allowed, false)
  })

  test('a step held back by a guard is still offered, so the page can say what is missing', () => {
    const offered = offeredEvents(referrer, { ...readyFacts('draft'), sectionOneComplete: false })
    assert.ok(offered.includes('send_request'))
  })
})

describe('when each step is due', () => {
  const base = {
    enteredOn: '2026-11-27',
    meetingDate: '2026-12-10',
    referralDueBy: '2026-12-03',
    advocateRecorded: false,
    offerRespondBy: null,
    bankHolidays: bankHolidaysIn('england_and_wales'),
  }
  test('an offer is due when it must be answered by', () => {
    assert.equal(stepDueOn({ ...base, state: 'awaiting_advocate', offerRespondBy: '2026-11-29' }), '2026-11-29')
    assert.equal(stepDueOn({ ...base, state: 'awaiting_advocate' }), '2026-12-01')
  })

  test('a draft is due when the referral is', () => {
    assert.equal(stepDueOn({ ...base, state: 'draft' }), '2026-12-03')
    assert.equal(stepDueOn({ ...base, state: 'draft', referralDueBy: null }), '2026-12-10')
  })
  test('requests and decisions count working days from a Friday', () => {
    assert.equal(stepDueOn({ ...base, state: 'awaiting_admin' }), '2026-11-30')
    assert.equal(stepDueOn({ ...base, state: 'awaiting_decision' }), '2026-12-01')
    assert.equal(stepDueOn({ ...base, state: 'awaiting_sign_off' }), '2026-12-04')
  })
  test('a review needs an advocate by the meeting, then an outcome within five working days of it', () => {
    assert.equal(stepDueOn({ ...base, state: 'in_review' }), '2026-12-10')
    assert.equal(stepDueOn({ ...base, state: 'in_review', advocateRecorded: true }), '2026-12-17')
  })
  test('working days skip the bank holidays they are given: St Andrew’s Day in Scotland, a one-off anywhere', () => {
    assert.equal(stepDueOn({ ...base, state: 'awaiting_admin', bankHolidays: bankHolidaysIn('scotland') }), '2026-12-01', 'Monday 30 November is a holiday')
    assert.equal(stepDueOn({ ...base, state: 'awaiting_admin', bankHolidays: new Set(['2026-11-30']) }), '2026-12-01')
    assert.equal(stepDueOn({ ...base, state: 'awaiting_decision', enteredOn: '2026-12-24' }), '2026-12-30', 'over Christmas and the Boxing Day substitute')
  })
  test('ended referrals are due nothing', () => {
    assert.equal(stepDueOn({ ...base, state: 'completed' }), null)
  })
})
