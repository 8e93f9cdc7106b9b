import assert from 'node:assert/strict'
import { test } from 'node:test'
import { childSectionOne, type AcceptedOffer } from './child-referral.ts'

const conference = { type: 'initial_conference', date: '2026-12-15' } as const

const accepted: AcceptedOffer = {
  whoAnswered: 'child',
  speakerName: null,
  speakerRelationship: null,
  communicates: [],
  needs: [],
  needsDetail: null,
  answeredOn: '2026-11-24',
  nonInstructed: false,
}

test('the child’s referral says where it came from, and the acceptance is their consent', () => {
  const answers = childSectionOne(accepted, conference)
  assert.equal(answers.reason, 'Child offered an advocate at the initial child protection conference on 15 December 2026; accepted')
  assert.equal(answers.consentGiven, true)
  assert.equal(answers.consentDate, '2026-11-24')
  assert.equal(answers.consentDetails, 'The child accepted the offer of an advocate of their own.')
  assert.equal(answers.hasOtherNeeds, false)
  assert.equal(answers.hasDisability, false)
})

test('the needs travel with it: how the child communicates, disability, custody, out of area, non-instructed advocacy', () => {
  const answers = childSectionOne(
    {
      ...accepted,
      whoAnswered: 'someone_for_them',
      speakerName: 'Maria Garcia',
      speakerRelationship: 'Mother',
      communicates: ['signs', 'pictures'],
      needs: ['disability', 'out_of_area'],
      needsDetail: 'Uses Makaton',
      nonInstructed: true,
    },
    { type: 'review_conference', date: '2027-03-01' },
  )
  assert.match(answers.reason ?? '', /at the review child protection conference on 1 March 2027; accepted$/)
  assert.match(answers.consentDetails ?? '', /Maria Garcia \(Mother\) speaks for them/)
  assert.equal(answers.hasDisability, true)
  assert.equal(answers.disabilityDetails, 'Uses Makaton')
  assert.equal(
    answers.otherNeedsDetails,
    'Communicates: Signs (for example, BSL or Makaton); Pictures or symbols. Placed out of the area. Non-instructed advocacy: the child cannot instruct an advocate.',
  )
  assert.deepEqual(answers.adjustments, ['visual_aids'])
})
