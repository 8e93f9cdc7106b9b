/**
 * Whether a password guess may be checked now (ADR 13). Pure: the caller hands over the counters
 * as they are, locked, and keeps what this returns before it checks the password, so a guess is
 * counted before it is made and concurrent guesses cannot go past the limit.
 *
 * - For one email from one address, the first `freeFailures` wrong passwords cost nothing; after
 *   that each guess waits: 1 minute, then 2, 4, 8, up to `maxDelayMinutes`. Nobody is locked out by
 *   someone else's guesses: a council office behind one address, or an attacker elsewhere, guesses
 *   against its own counter, not the owner's.
 * - For one email from every address, at `accountCeiling` wrong passwords since the last sign-in,
 *   passwords are no longer checked at all: only a one-time link emailed to the owner signs in,
 *   and it clears the counts. NIST SP 800-63B 5.2.2 asks for at most 100.
 * - A guess from an address whose last wrong password was a day ago starts afresh; the account's
 *   count is cleared only by signing in (and by the purge of counts untouched for 30 days).
 *
 * @pure
 */

export interface ThrottlePolicy {
  /** Wrong passwords for one email from one address before guesses must wait. */
  readonly freeFailures: number
  /** The longest wait between guesses. */
  readonly maxDelayMinutes: number
  /** Wrong passwords for one email from every address after which only an emailed link signs in. */
  readonly accountCeiling: number
}

/** Wrong passwords for one email from one address. */
export interface GuessCount {
  readonly failures: number
  readonly waitUntil: Date
  readonly lastFailureAt: Date
}

/** Wrong passwords for one email from every address, since it last signed in. */
export interface AccountCount {
  readonly failures: number
  readonly lastFailureAt: Date
}

export type Reservation =
  /** Check the password; keep these counts first (they count this guess as wrong until it is not). */
  | { readonly allowed: true; readonly guess: GuessCount; readonly account: AccountCount }
  | { readonly allowed: false; readonly reason: 'wait'; readonly until: Date }
  | { readonly allowed: false; readonly reason: 'link-only' }

/** A pair's count starts afresh this long after its last wrong password. */
export const GUESS_COUNT_FORGOTTEN_AFTER_MS = 24 * 3_600_000

/** Counts nobody has added to for this long are purged (an account's too: a slow attacker gets `accountCeiling` a month). */
export const COUNTS_KEPT_FOR_MS = 30 * 24 * 3_600_000

const MINUTE = 60_000

/** An email as the throttle counts it: whatever case it was typed in, with or without an account. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase()
}

/** How long the next guess waits after this many wrong passwords from one address. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0
  const doublings = Math.min(failures - policy.freeFailures, 20)
  return Math.min(policy.maxDelayMinutes * MINUTE, MINUTE * 2 ** doublings)
}

export function reserveGuess(guess: GuessCount | undefined, account: AccountCount | undefined, now: Date, policy: ThrottlePolicy): Reservation {
  const accountFailures = account?.failures ?? 0
  if (accountFailures >= policy.accountCeiling) return { allowed: false, reason: 'link-only' }
  const current = guess && now.getTime() - guess.lastFailureAt.getTime() < GUESS_COUNT_FORGOTTEN_AFTER_MS ? guess : undefined
  if (current && now < current.waitUntil) return { allowed: false, reason: 'wait', until: current.waitUntil }
  const failures = (current?.failures ?? 0) + 1
  return {
    allowed: true,
    guess: { failures, waitUntil: new Date(now.getTime() + delayAfter(failures, policy)), lastFailureAt: now },
    account: { failures: accountFailures + 1, lastFailureAt: now },
  }
}
