import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assessTimeliness } from './timeliness.ts'

describe('referral timeliness', () => {
  describe('initial child protection conference: at least 7 days before', () => {
    test('8 days before is on time', () => {
      const result = assessTimeliness('initial_conference', '2026-12-10', '2026-12-02')
      assert.deepEqual(result, { dueBy: '2026-12-03', late: false, daysNotice: 8, requiredDays: 7 })
    })
    test('exactly 7 days before (the boundary) is on time', () => {
      assert.equal(assessTimeliness('initial_conference', '2026-12-10', '2026-12-03').late, false)
    })
    test('6 days before is late', () => {
      const result = assessTimeliness('initial_conference', '2026-12-10', '2026-12-04')
      assert.equal(result.late, true)
      assert.equal(result.daysNotice, 6)
    })
    test('on the day, or after the meeting, is late', () => {
      assert.equal(assessTimeliness('initial_conference', '2026-12-10', '2026-12-10').late, true)
      assert.equal(assessTimeliness('initial_conference', '2026-12-10', '2026-12-11').daysNotice, -1)
    })
  })

  describe('review child protection conference: at least 14 days before', () => {
    test('exactly 14 days before (the boundary) is on time', () => {
      const result = assessTimeliness('review_conference', '2027-01-15', '2027-01-01')
      assert.deepEqual(result, { dueBy: '2027-01-01', late: false, daysNotice: 14, requiredDays: 14 })
    })
    test('13 days before is late, though it would be on time for an initial conference', () => {
      assert.equal(assessTimeliness('review_conference', '2027-01-15', '2027-01-02').late, true)
      assert.equal(assessTimeliness('initial_conference', '2027-01-15', '2027-01-02').late, false)
    })
    test('the deadline counts calendar days across a month and the year end', () => {
      assert.equal(assessTimeliness('review_conference', '2027-01-05', '2026-12-22').dueBy, '2026-12-22')
    })
  })

  describe('rescheduling re-checks the same referral date against the new meeting date', () => {
    const referredOn = '2026-12-01'
    test('a conference moved later makes a late referral on time', () => {
      assert.equal(assessTimeliness('initial_conference', '2026-12-05', referredOn).late, true)
      assert.equal(assessTimeliness('initial_conference', '2026-12-08', referredOn).late, false)
    })
    test('a conference brought forward makes an on-time referral late', () => {
      assert.equal(assessTimeliness('review_conference', '2026-12-20', referredOn).late, false)
      assert.equal(assessTimeliness('review_conference', '2026-12-14', referredOn).late, true)
    })
  })

  test('other meetings have no deadline and are never late', () => {
    for (const type of ['core_group', 'child_in_need_review', 'early_help_meeting', 'family_group_conference', 'other']) {
      const result = assessTimeliness(type, '2026-12-01', '2026-11-30')
      assert.equal(result.late, false, type)
      assert.equal(result.dueBy, null, type)
    }
  })
})
