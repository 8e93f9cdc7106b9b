import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { bandFor, bandQuestions, childConsulted, consultationTiming, consultsChildrenBefore, hasWorryingWords, saysAnything } from './consultation.ts'

describe('children consulted before a review conference', () => {
  test('only review conferences, where the child’s plan is reviewed', () => {
    assert.equal(consultsChildrenBefore('review_conference'), true)
    assert.equal(consultsChildrenBefore('initial_conference'), false)
    assert.equal(consultsChildrenBefore('core_group'), false)
  })

  test('a child of 4 or more on the day of the meeting, or whose date of birth is not known', () => {
    assert.equal(childConsulted('2022-12-16', '2026-12-15'), null, '3 the day before their birthday')
    assert.deepEqual(childConsulted('2022-12-15', '2026-12-15'), { age: 4, band: '4_to_7', bandAssumed: false }, '4 on the day')
    assert.equal(childConsulted('2027-01-01', '2026-12-15'), null, 'not born by then')
    assert.deepEqual(childConsulted(null, '2026-12-15'), { age: null, band: '8_to_11', bandAssumed: true })
  })

  test('the form for their age: 4 to 7, 8 to 11, 12 and over', () => {
    assert.deepEqual([4, 7, 8, 11, 12, 17].map(bandFor), ['4_to_7', '4_to_7', '8_to_11', '8_to_11', '12_and_over', '12_and_over'])
    assert.equal(childConsulted('2017-06-01', '2026-12-15')?.band, '8_to_11', '9 on the day')
  })

  test('due by three days before the meeting, overdue until the meeting, then missed', () => {
    const meeting = '2026-12-15'
    assert.deepEqual(consultationTiming(meeting, '2026-11-24'), { state: 'due', dueBy: '2026-12-12' })
    assert.deepEqual(consultationTiming(meeting, '2026-12-12'), { state: 'due', dueBy: '2026-12-12' })
    assert.deepEqual(consultationTiming(meeting, '2026-12-13'), { state: 'overdue', dueBy: '2026-12-12' })
    assert.deepEqual(consultationTiming(meeting, '2026-12-15'), { state: 'overdue', dueBy: '2026-12-12' }, 'on the day, before the meeting')
    assert.deepEqual(consultationTiming(meeting, '2026-12-16'), { state: 'missed', dueBy: '2026-12-12' })
    assert.equal(consultationTiming('2027-01-02', '2026-12-29').dueBy, '2026-12-30', 'across a year')
  })

  test('each band asks faces and words; the youngest fewest', () => {
    assert.ok(bandQuestions['4_to_7'].length < bandQuestions['12_and_over'].length)
    for (const questions of Object.values(bandQuestions)) {
      assert.ok(questions.some((question) => question.kind === 'faces'))
      assert.ok(questions.every((question) => question.kind === 'faces' || (question.max ?? 0) > 0))
    }
  })

  test('an empty consultation says nothing; worrying words in the child’s words are flagged', () => {
    assert.equal(saysAnything({ home: '', happy: '  ' }), false)
    assert.equal(saysAnything({ home: 'sad' }), true)
    assert.equal(hasWorryingWords('8_to_11', { worried: 'I am scared at night' }), true)
    assert.equal(hasWorryingWords('8_to_11', { worried: 'My bike is broken' }), false)
    assert.equal(hasWorryingWords('8_to_11', { home: 'scared' }), false, 'only words answers are read')
  })
})
