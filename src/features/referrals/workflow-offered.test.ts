import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { decide, inapplicableEvents, offeredEvents, unmetGuards, type ReferralFacts } from './workflow.ts'

/**
 * What the referral page may offer (issue 8, item 17): a step held back by something still needed is
 * offered with what is needed; a step that does not apply to the referral as it is (an offer once an
 * advocate is allocated, a change of advocate before there is one) is not offered at all. Both are
 * still refused if posted.
 */
const admin = { id: 'admin', roles: ['advocacy_admin' as const] }

const inReview: ReferralFacts = {
  state: 'in_review',
  referrerId: 'referrer',
  hasPerson: true,
  hasMeeting: true,
  sectionOneComplete: true,
  consentGiven: true,
  late: false,
  lateReasonGiven: false,
  advocateRecorded: false,
  outcomeRecorded: false,
  offeredAdvocateUserId: null,
}

describe('the steps offered to FGC Advocacy Admin in a Child Protection Advocacy Review', () => {
  test('before an advocate: find one; the outcome and sign-off wait on one; changing one does not apply', () => {
    const offered = offeredEvents(admin, inReview)
    assert.ok(offered.includes('offer') && offered.includes('triage'))
    assert.ok(offered.includes('record_outcome') && offered.includes('request_sign_off'))
    assert.ok(!offered.includes('end_allocation'))
    assert.deepEqual(unmetGuards('request_sign_off', inReview), ['Allocate an advocate first', 'Complete the Advocacy Outcome form first'])
    assert.deepEqual(inapplicableEvents(admin, inReview), { end_allocation: 'No advocate is allocated yet, so there is none to change' })
    assert.equal(decide('end_allocation', admin, inReview).allowed, false, 'and it is refused if posted')
  })

  test('with an advocate: no offer or triage; the advocate can be changed', () => {
    const allocated = { ...inReview, advocateRecorded: true }
    const offered = offeredEvents(admin, allocated)
    assert.ok(!offered.includes('offer') && !offered.includes('triage'))
    assert.ok(offered.includes('end_allocation'))
    assert.deepEqual(Object.keys(inapplicableEvents(admin, allocated)).sort(), ['offer', 'triage'])
    assert.match(JSON.stringify(decide('offer', admin, allocated)), /already allocated/)
  })

  test('without consent, finding an advocate waits on it: offered, with what is needed', () => {
    const noConsent = { ...inReview, consentGiven: false }
    assert.ok(offeredEvents(admin, noConsent).includes('offer'))
    assert.match(unmetGuards('offer', noConsent).join(), /consented/)
  })

  test('steps that are not this person’s, or not for this state, are neither offered nor said to be inapplicable', () => {
    const referrer = { id: 'referrer', roles: ['referrer' as const] }
    assert.deepEqual(inapplicableEvents(referrer, inReview), {})
    assert.deepEqual(inapplicableEvents(admin, { ...inReview, state: 'awaiting_sign_off' }), {})
  })
})
