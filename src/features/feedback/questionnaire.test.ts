import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { daysAfterMeeting, delayBand, saysSomething, worryingWords, type Answers } from './questionnaire.ts'

const blank: Answers = { listened: null, understood: null, advocateHelped: null, reportsInTime: null, chairMetFirst: null, better: null, mayQuote: null }

describe('the feedback questionnaire', () => {
  test('worrying words are found as whole words, in any case, in English, Spanish and Arabic, each once', () => {
    assert.deepEqual(worryingWords('He HIT me again and I am scared. Scared!'), ['hit', 'scared'])
    assert.deepEqual(worryingWords('Tengo miedo de él'), ['miedo'])
    assert.deepEqual(worryingWords('أشعر بـ خوف'), ['خوف'])
    assert.deepEqual(worryingWords('I thought about self-harm'), ['self-harm'])
    assert.deepEqual(worryingWords('The chair was kind; white paper; a hitch'), [], 'no word inside another')
    assert.deepEqual(worryingWords(null), [])
  })

  test('days after the meeting count UK dates, across months and a leap day, never below nought', () => {
    assert.equal(daysAfterMeeting('2026-03-03', '2026-03-03'), 0)
    assert.equal(daysAfterMeeting('2028-02-28', '2028-03-01'), 2)
    assert.equal(daysAfterMeeting('2026-12-31', '2027-01-01'), 1)
    assert.equal(daysAfterMeeting('2026-03-10', '2026-03-03'), 0)
  })

  test('delay bands: the same day, within a week, within a month, later', () => {
    assert.deepEqual([0, 1, 7, 8, 31, 32].map(delayBand), ['same_day', 'within_a_week', 'within_a_week', 'within_a_month', 'within_a_month', 'later'])
  })

  test('an answer must say something: one question, or words', () => {
    assert.equal(saysSomething(blank), false)
    assert.equal(saysSomething({ ...blank, listened: 'no' }), true)
    assert.equal(saysSomething({ ...blank, better: 'More time' }), true)
  })
})
