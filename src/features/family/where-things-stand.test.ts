import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { eventNames, states } from '../referrals/workflow.ts'
import { eventSentences, headline, timelineSentences, whatHappensNext, type NextFacts } from './where-things-stand.ts'

const english: unknown = JSON.parse(readFileSync(new URL('../../locales/en/family.json', import.meta.url), 'utf8'))

function hasMessage(key: string): boolean {
  let node: unknown = english
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined
  return typeof node === 'string'
}

const base: NextFacts = { state: 'awaiting_admin', stepDueOn: '2026-11-25', meetingDate: '2026-12-15', today: '2026-11-24', working: 'none', lastDay: null }

describe('where things stand, in the person’s words', () => {
  test('every step of the workflow table has its sentence (or is the service’s own), and every sentence is in the catalogue', () => {
    for (const event of eventNames) assert.ok(event in eventSentences, `${event} has an entry`)
    for (const key of Object.values(eventSentences)) if (key) assert.ok(hasMessage(key), `${key} is in family.json`)
    for (const state of states)
      for (const working of ['none', 'advocate', 'local-service'] as const) assert.ok(hasMessage(headline(state, working)), `${state} has a headline`)
  })

  test('every state says what happens next, in words the catalogue has', () => {
    for (const state of states)
      for (const working of ['none', 'advocate', 'local-service'] as const)
        for (const sentence of whatHappensNext({ ...base, state, working, lastDay: '2027-02-22' }))
          assert.ok(hasMessage(sentence.key), `${state}: ${sentence.key}`)
  })

  test('the steps as sentences, oldest first; edits, hand-overs and unknown steps are left out', () => {
    assert.deepEqual(
      timelineSentences([
        { event: 'start', on: '2026-11-20' },
        { event: 'save_referral', on: '2026-11-21' },
        { event: 'send_request', on: '2026-11-24' },
        { event: 'request_sign_off', on: '2026-11-25' },
        { event: 'something_new', on: '2026-11-26' },
      ]),
      [{ key: 'timeline.asked', dates: { date: '2026-11-24' } }],
    )
  })

  test('a due date in the past is not promised; a meeting passed is not looked forward to', () => {
    assert.deepEqual(whatHappensNext({ ...base, today: '2026-11-30' }), [{ key: 'next.serviceWillLookSoon' }])
    assert.deepEqual(whatHappensNext({ ...base, state: 'in_review', working: 'advocate', today: '2026-12-16' }), [{ key: 'next.advocateAfterMeeting' }])
    assert.deepEqual(whatHappensNext({ ...base, state: 'in_review', working: 'advocate' }), [
      { key: 'next.advocateBeforeMeeting', dates: { date: '2026-12-15' } },
    ])
  })
})
