import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { lockedUntil } from './throttle.ts'

const policy = { maxFailures: 5, lockMinutes: 15 }
const now = new Date('2026-11-24T10:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)

describe('sign-in throttle', () => {
  test('four failures do not lock; the fifth does, until 15 minutes after the last', () => {
    assert.equal(lockedUntil([1, 2, 3, 4].map(minutesAgo), now, policy), undefined)
    assert.deepEqual(lockedUntil([1, 2, 3, 4, 5].map(minutesAgo), now, policy), new Date(minutesAgo(1).getTime() + 15 * 60_000))
  })

  test('failures older than the lock period no longer count', () => {
    assert.equal(lockedUntil([1, 2, 3, 4, 16].map(minutesAgo), now, policy), undefined)
  })

  test('the lock ends exactly 15 minutes after the latest failure', () => {
    const failures = [15, 16, 17, 18, 19].map(minutesAgo)
    assert.equal(lockedUntil(failures, now, policy), undefined)
    assert.deepEqual(lockedUntil(failures, minutesAgo(5), policy), now)
  })

  test('a larger limit applies to a network address', () => {
    const failures = Array.from({ length: 19 }, (_, index) => minutesAgo(index % 10))
    assert.equal(lockedUntil(failures, now, policy, 20), undefined)
    assert.ok(lockedUntil([...failures, minutesAgo(0)], now, policy, 20))
  })
})
