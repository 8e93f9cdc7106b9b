import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { familyThrottlePolicy, noCodeCounter, reserveFamilyGuess, wordCounters, type GuessCount } from './throttle.ts'

const policy = familyThrottlePolicy({ freeFailures: 5, maxDelayMinutes: 15 }, { maxDelayMinutes: 60 })
const now = new Date('2026-11-24T10:00:00Z')
const minutes = (count: number) => count * 60_000

function after(failures: number, waitUntil = now, lastFailureAt = now): GuessCount {
  return { failures, waitUntil, lastFailureAt }
}

describe('family sign-in throttle', () => {
  test('the first guesses are free; each is counted on every counter before it is checked', () => {
    const reserved = reserveFamilyGuess(wordCounters(policy, undefined, undefined), now)
    assert.ok(reserved.allowed)
    assert.deepEqual(
      reserved.counts.map((count) => count.failures),
      [1, 1],
    )
    assert.deepEqual(
      reserved.counts.map((count) => count.waitUntil.getTime()),
      [now.getTime(), now.getTime()],
    )
  })

  test('from one address, after five a guess waits a minute, doubling to the address limit', () => {
    const fifth = reserveFamilyGuess(wordCounters(policy, after(4), after(4)), now)
    assert.ok(fifth.allowed)
    assert.equal(fifth.counts[1]?.waitUntil.getTime(), now.getTime() + minutes(1))
    const many = reserveFamilyGuess(wordCounters(policy, after(0), after(30)), now)
    assert.ok(many.allowed)
    assert.equal(many.counts[1]?.waitUntil.getTime(), now.getTime() + minutes(15), 'never more than the address limit')
  })

  test('from every address, ten are free, then waits double to an hour, never a lock', () => {
    const tenth = reserveFamilyGuess(wordCounters(policy, after(9), undefined), now)
    assert.ok(tenth.allowed)
    assert.equal(tenth.counts[0]?.waitUntil.getTime(), now.getTime() + minutes(1))
    const hundredth = reserveFamilyGuess(wordCounters(policy, after(1000), undefined), now)
    assert.ok(hundredth.allowed, 'however many wrong words, a guess is allowed once the wait is over')
    assert.equal(hundredth.counts[0]?.waitUntil.getTime(), now.getTime() + minutes(60))
  })

  test('while any counter waits, the guess is not checked, and says until when', () => {
    const until = new Date(now.getTime() + minutes(8))
    const refused = reserveFamilyGuess(wordCounters(policy, after(12, until), after(1)), now)
    assert.deepEqual(refused, { allowed: false, until })
  })

  test('a count a day old starts afresh', () => {
    const dayAgo = new Date(now.getTime() - minutes(24 * 60 + 1))
    const reserved = reserveFamilyGuess([noCodeCounter(policy, after(40, new Date(now.getTime() + minutes(5)), dayAgo))], now)
    assert.ok(reserved.allowed)
    assert.equal(reserved.counts[0]?.failures, 1)
  })
})
