/**
 * When repeated failed sign-ins lock an account (or a network address) for a while. Pure: the
 * caller supplies the recent failures (for an account, those since its last successful sign-in)
 * and the time. While locked, attempts are refused without checking the password.
 *
 * @pure
 */

export interface ThrottlePolicy {
  readonly maxFailures: number
  readonly lockMinutes: number
}

/** How many times more failures, across all accounts, lock one network address. */
export const ADDRESS_FAILURE_FACTOR = 4

/**
 * Locked when `limit` or more failures fall within the last `lockMinutes`; the lock ends
 * `lockMinutes` after the latest of them. Returns when it ends, or undefined when not locked.
 */
export function lockedUntil(failures: readonly Date[], now: Date, policy: ThrottlePolicy, limit = policy.maxFailures): Date | undefined {
  const windowMs = policy.lockMinutes * 60_000
  const recent = failures.map((failure) => failure.getTime()).filter((time) => time <= now.getTime() && now.getTime() - time < windowMs)
  if (recent.length < limit) return undefined
  return new Date(Math.max(...recent) + windowMs)
}
