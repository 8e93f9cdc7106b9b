import type { ServiceContext } from '../../platform/service-context.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { FamilyThrottlePolicy } from './throttle.ts'

/**
 * What the family feature's services run with and act for. A family member is not a member of
 * staff: they have no account and no roles, only the code they signed in with, which names one
 * referral and its person. Every family page reads from that code, never from an id in the address.
 */

export interface FamilyPolicy {
  /** Days after the referral ends that its code keeps working. */
  readonly codeDaysAfterEnd: number
  readonly idleMinutes: number
  readonly absoluteHours: number
  readonly throttle: FamilyThrottlePolicy
}

export interface FamilyContext extends ServiceContext {
  /** The key codes are hashed under (`codes.ts`). */
  readonly codeKey: Buffer
  readonly policy: FamilyPolicy
}

/** Who a family session belongs to: the code it began with, and the one referral and person it opens. */
export interface FamilyMember {
  readonly codeId: string
  readonly authorityId: string
  readonly referralId: string
  readonly personId: string
  /** The languages their referral records for them (Section 1), as typed: what their pages open in. */
  readonly languages: readonly string[]
}

/** A family member and where they are: what every family page's service call is made for. */
export interface FamilyCaller {
  readonly member: FamilyMember
  readonly ip: string | null
}

/** The audit trail's actor for a family member: no staff account, their authority, their address. */
export function familyActor(caller: FamilyCaller) {
  return { userId: null, authorityId: caller.member.authorityId, ip: caller.ip }
}

/** The last UK day a code works: a set number of days after its referral ended; none while it is open. */
export function codeLastDay(closedAt: Date | null, policy: Pick<FamilyPolicy, 'codeDaysAfterEnd'>): string | null {
  return closedAt ? addDays(londonDate(closedAt), policy.codeDaysAfterEnd) : null
}

/** Whether a code still opens its pages now: not ended by staff, and not past its last day. */
export function codeWorks(code: { ended_at: Date | null; closed_at: Date | null }, now: Date, policy: Pick<FamilyPolicy, 'codeDaysAfterEnd'>): boolean {
  if (code.ended_at) return false
  const lastDay = codeLastDay(code.closed_at, policy)
  return lastDay === null || londonDate(now) <= lastDay
}
