import assert from 'node:assert/strict'
import { test } from 'node:test'
import { summarise, type AnsweredRow } from './summary.ts'

const row = (overrides: Partial<AnsweredRow>): AnsweredRow => ({
  channel: 'kiosk',
  listened: null,
  understood: null,
  advocate_helped: null,
  reports_in_time: null,
  chair_met_first: null,
  days_after: 0,
  has_words: false,
  worrying: false,
  ...overrides,
})

test('the summary counts each answer, each way of answering and each delay, by hand', () => {
  const summary = summarise([
    row({ listened: 'yes', reports_in_time: 'no', has_words: true, worrying: true }),
    row({ listened: 'a_bit', channel: 'paper', days_after: 3 }),
    row({ listened: 'yes', channel: 'own_pages', days_after: 40, has_words: true }),
  ])
  assert.equal(summary.responses, 3)
  assert.deepEqual(summary.questions[0], {
    name: 'listened',
    answers: [
      { answer: 'yes', count: 2 },
      { answer: 'a_bit', count: 1 },
      { answer: 'no', count: 0 },
    ],
    notAnswered: 0,
  })
  assert.deepEqual(summary.questions[3]?.answers, [
    { answer: 'yes', count: 0 },
    { answer: 'no', count: 1 },
    { answer: 'not_sure', count: 0 },
  ])
  assert.equal(summary.questions[3]?.notAnswered, 2)
  assert.deepEqual(
    summary.byChannel.filter((channel) => channel.count > 0),
    [
      { channel: 'kiosk', count: 1 },
      { channel: 'own_pages', count: 1 },
      { channel: 'paper', count: 1 },
    ],
  )
  assert.deepEqual(summary.byDelay, [
    { band: 'same_day', count: 1 },
    { band: 'within_a_week', count: 1 },
    { band: 'within_a_month', count: 0 },
    { band: 'later', count: 1 },
  ])
  assert.equal(summary.withWords, 2)
  assert.equal(summary.worrying, 1)
})
