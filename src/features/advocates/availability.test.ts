import assert from 'node:assert/strict'
import { test } from 'node:test'
import { availability } from './eligibility.ts'

/** Eligibility is about the advocate; capacity about their work. Being offered work needs both. */
test('can be offered work: eligible and a place free; full when eligible with every place taken; otherwise no, with every reason', () => {
  const eligible = { eligible: true, reasons: [], dbsExpiresOn: '2029-01-01' }
  const not = { eligible: false, reasons: ['is resting'], dbsExpiresOn: null }
  assert.deepEqual(availability(eligible, 2, 3), { status: 'yes', reasons: [] })
  assert.deepEqual(availability(eligible, 3, 3), { status: 'full', reasons: ['all 3 places are taken'] })
  assert.deepEqual(availability(eligible, 1, 1), { status: 'full', reasons: ['their only place is taken'] })
  assert.deepEqual(availability(not, 0, 3), { status: 'no', reasons: ['is resting'] })
  assert.deepEqual(availability(not, 3, 3), { status: 'no', reasons: ['is resting', 'all 3 places are taken'] })
})
