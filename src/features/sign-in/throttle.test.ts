import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { delayAfter, reserveGuess, type AccountCount, type GuessCount, type Reservation } from './throttle.ts'

const policy = { freeFailures: 5, maxDelayMinutes: 15, accountCeiling: 50 }
const start = new Date('2026-11-24T10:00:00Z')
const after = (minutes: number) => new Date(start.getTime() + minutes * 60_000)

/** Guesses one after another at `at`, keeping what each reservation says, as the service does. */
function guessAt(at: Date, state: { guess?: GuessCount; account?: AccountCount }): Reservation {
  const reservation = reserveGuess(state.guess, state.account, at, policy)
  if (reservation.allowed) {
    state.guess = reservation.guess
    state.account = reservation.account
  }
  return reservation
}

describe('sign-in throttle', () => {
  test('five wrong passwords from one address cost nothing; then each guess waits 1, 2, 4, 8, then at most 15 minutes', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((failures) => delayAfter(failures, policy) / 60_000),
      [0, 0, 0, 0, 0, 1, 2, 4, 8, 15, 15],
    )
    const state = {}
    for (let guess = 0; guess < 5; guess += 1) assert.equal(guessAt(start, state).allowed, true, `guess ${guess + 1}`)
    assert.deepEqual(guessAt(start, state), { allowed: false, reason: 'wait', until: after(1) }, 'the sixth waits a minute')
    assert.equal(guessAt(after(1), state).allowed, true)
    assert.deepEqual(guessAt(after(2), state), { allowed: false, reason: 'wait', until: after(3) }, 'then two')
  })

  test('a guess is counted before it is checked: a burst of fifty at one instant gets five checks', () => {
    const state = {}
    const allowed = Array.from({ length: 50 }, () => guessAt(start, state)).filter((reservation) => reservation.allowed)
    assert.equal(allowed.length, 5)
  })

  test("another address's guesses never make the owner wait", () => {
    const attacker = {}
    for (let guess = 0; guess < 8; guess += 1) guessAt(after(guess * 20), attacker)
    const owner: { guess?: GuessCount; account?: AccountCount } = {}
    const attackers = (attacker as { account?: AccountCount }).account
    if (attackers) owner.account = attackers
    assert.equal(guessAt(after(200), owner).allowed, true, 'the owner, from their own address, is checked at once')
  })

  test('at the ceiling, from every address together, only a link signs in; waiting does not lift it', () => {
    let account: AccountCount | undefined
    for (let address = 0; address < 10; address += 1) {
      const state: { guess?: GuessCount; account?: AccountCount } = account ? { account } : {}
      for (let guess = 0; guess < 5; guess += 1) assert.equal(guessAt(after(address), state).allowed, true)
      account = state.account
    }
    assert.equal(account?.failures, 50)
    assert.deepEqual(reserveGuess(undefined, account, after(11), policy), { allowed: false, reason: 'link-only' })
    assert.deepEqual(reserveGuess(undefined, account, after(60 * 24 * 7), policy), { allowed: false, reason: 'link-only' })
  })

  test("a day after its last wrong password, an address's count starts afresh", () => {
    const state = {}
    for (let guess = 0; guess < 9; guess += 1) guessAt(after(guess * 30), state)
    assert.equal(guessAt(after(8 * 30 + 1), state).allowed, false, 'the ninth made the next wait 15 minutes')
    const nextDay = guessAt(after(8 * 30 + 24 * 60), state)
    assert.ok(nextDay.allowed && nextDay.guess.failures === 1 && nextDay.guess.waitUntil.getTime() === after(8 * 30 + 24 * 60).getTime())
  })
})
