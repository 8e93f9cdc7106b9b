import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defaultMeetingRules, meetingRulesFrom, storedMeetingRules } from './meeting-rules.ts'

test('nothing stored: reports 3 working days before, and the chair meets the family first', () => {
  assert.deepEqual(meetingRulesFrom(new Map()), { reportWorkingDaysBefore: 3, chairMeetsFamilyFirst: true })
})

test('stored rules are read back; anything out of range is the default', () => {
  const rules = { reportWorkingDaysBefore: 5, chairMeetsFamilyFirst: false }
  assert.deepEqual(meetingRulesFrom(storedMeetingRules(rules)), rules)
  for (const days of ['0', '11', '2.5', 'three', ''])
    assert.equal(meetingRulesFrom(new Map([['reportWorkingDaysBefore', days]])).reportWorkingDaysBefore, 3, days)
  assert.equal(meetingRulesFrom(new Map([['reportWorkingDaysBefore', '10']])).reportWorkingDaysBefore, 10)
  assert.equal(meetingRulesFrom(new Map([['chairMeetsFamilyFirst', 'maybe']])).chairMeetsFamilyFirst, defaultMeetingRules.chairMeetsFamilyFirst)
})
