/**
 * Whether a family sign-in may be checked now (ADR 17): the staff sign-in's rule of growing delays
 * (ADR 13, `delayAfter`), counted on the family's own counters. Pure: the caller hands over the
 * counters as they are, locked, and keeps what this returns before it checks the word, so a guess
 * is counted before it is made and concurrent guesses cannot go past the limit.
 *
 * - Wrong words for one code from one address: the first `perAddressFree` cost nothing, then each
 *   guess waits 1 minute, then 2, 4, 8, up to `perAddressMaxMinutes`.
 * - Wrong words for one code from every address together: the first `perCodeFree` cost nothing,
 *   then the same doubling, up to `perCodeMaxMinutes` (an hour by default), so guessing a four-digit
 *   PIN from many addresses takes months, not minutes. Never a lock: the person behind the code
 *   still gets in after a wait, and staff see the wrong words and can give a new code.
 * - Codes that open nothing, from one address: `noCodeFree` free, then the same doubling. The codes
 *   cannot be guessed (ADR 17); this only stops a flood.
 * - A count starts afresh a day after its last wrong guess.
 *
 * @pure
 */

import { delayAfter, GUESS_COUNT_FORGOTTEN_AFTER_MS, type GuessCount } from '../sign-in/throttle.ts'

export type { GuessCount } from '../sign-in/throttle.ts'

export interface FamilyThrottlePolicy {
  readonly perAddressFree: number
  readonly perAddressMaxMinutes: number
  readonly perCodeFree: number
  readonly perCodeMaxMinutes: number
  readonly noCodeFree: number
}

/** One counter and the rule it is counted under. */
export interface Counter {
  readonly count: GuessCount | undefined
  readonly free: number
  readonly maxDelayMinutes: number
}

export type FamilyReservation =
  /** Check the word; keep these counts first, in the order given (they count this guess as wrong until it is not). */
  { readonly allowed: true; readonly counts: readonly GuessCount[] } | { readonly allowed: false; readonly until: Date }

/** Wrong words for one code, from every address together, before guesses must wait. */
export const PER_CODE_FREE = 10
/** Codes that open nothing, from one address, before that address must wait. */
export const NO_CODE_FREE = 10

/**
 * The policy from the settings: one address is held to the staff sign-in's delays
 * (`SIGN_IN_FREE_FAILURES`, `SIGN_IN_MAX_DELAY_MINUTES`); one code from everywhere waits up to
 * `FAMILY_SIGN_IN_MAX_DELAY_MINUTES`.
 */
export function familyThrottlePolicy(
  signIn: { readonly freeFailures: number; readonly maxDelayMinutes: number },
  family: { readonly maxDelayMinutes: number },
): FamilyThrottlePolicy {
  return {
    perAddressFree: signIn.freeFailures,
    perAddressMaxMinutes: signIn.maxDelayMinutes,
    perCodeFree: Math.max(PER_CODE_FREE, signIn.freeFailures),
    perCodeMaxMinutes: family.maxDelayMinutes,
    noCodeFree: NO_CODE_FREE,
  }
}

/** The counter that counts every address's wrong words for one code. */
export const EVERY_ADDRESS = '*'
/** The subject that counts codes that open nothing. */
export const NO_CODE = 'no-code'

function current(count: GuessCount | undefined, now: Date): GuessCount | undefined {
  return count && now.getTime() - count.lastFailureAt.getTime() < GUESS_COUNT_FORGOTTEN_AFTER_MS ? count : undefined
}

/** May this guess be checked now, given every counter it is counted on? If so, what they become. */
export function reserveFamilyGuess(counters: readonly Counter[], now: Date): FamilyReservation {
  const waits = counters.map((counter) => current(counter.count, now)).filter((count) => count !== undefined && now < count.waitUntil)
  if (waits.length > 0) return { allowed: false, until: new Date(Math.max(...waits.map((count) => count?.waitUntil.getTime() ?? 0))) }
  return {
    allowed: true,
    counts: counters.map((counter) => {
      const failures = (current(counter.count, now)?.failures ?? 0) + 1
      const delay = delayAfter(failures, { freeFailures: counter.free, maxDelayMinutes: counter.maxDelayMinutes, accountCeiling: Number.POSITIVE_INFINITY })
      return { failures, waitUntil: new Date(now.getTime() + delay), lastFailureAt: now }
    }),
  }
}

/** The counters a word for a known code is counted on: every address's, then this address's. */
export function wordCounters(policy: FamilyThrottlePolicy, everyAddress: GuessCount | undefined, thisAddress: GuessCount | undefined): Counter[] {
  return [
    { count: everyAddress, free: policy.perCodeFree, maxDelayMinutes: policy.perCodeMaxMinutes },
    { count: thisAddress, free: policy.perAddressFree, maxDelayMinutes: policy.perAddressMaxMinutes },
  ]
}

/** The counter a code that opens nothing is counted on. */
export function noCodeCounter(policy: FamilyThrottlePolicy, thisAddress: GuessCount | undefined): Counter {
  return { count: thisAddress, free: policy.noCodeFree, maxDelayMinutes: policy.perAddressMaxMinutes }
}
