/**
 * @pure
 * What needs whom today, from what exists (issue 12): a referral waiting on its manager's decision,
 * an offer waiting for an advocate's answer, an advocate's DBS check running out within 30 days, and
 * a parent peer advocate's one-to-one supervision falling due within 14 days. Each with a key that
 * names the thing and its moment, so it is raised once, and again only when it comes round again.
 * And the email that tells of a notification: its kind, and where to sign in; never a name.
 */

import type { NotificationKind } from '../../vocabulary/notifications.ts'
import { addDays } from '../../platform/time/calendar.ts'
import type { EligibilitySettings } from '../advocates/eligibility.ts'

export const DBS_WARNING_DAYS = 30
export const SUPERVISION_WARNING_DAYS = 14

export interface DueFacts {
  readonly decisions: readonly {
    readonly id: string
    readonly authority_id: string
    readonly reference: string
    readonly assigned_manager_id: string | null
    readonly step_due_on: string | null
    readonly step_entered_at: Date
  }[]
  readonly offers: readonly { readonly id: string; readonly authority_id: string; readonly respond_by: Date | null; readonly user_id: string | null }[]
  readonly advocates: readonly {
    readonly id: string
    readonly authority_id: string
    readonly user_id: string | null
    readonly kind: string
    readonly dbs_checked_on: string | null
    readonly last_one_to_one: string | null
  }[]
  /** Readiness items of coming meetings that are late, each waiting on one person (the meetings work). */
  readonly lateReadiness?: readonly {
    readonly authorityId: string
    readonly userId: string
    readonly referralId: string
    readonly reference: string
    readonly item: string
    readonly what: string
    readonly dueBy: string
  }[]
}

/** Something a user needs to know or do: the one shape of a notification, raised by `notify` or by the job. */
export interface Notice {
  readonly authorityId: string
  readonly userId: string
  readonly kind: NotificationKind
  /** Raising the same key for the same user again does nothing (until and after it is done). */
  readonly key: string
  /** What it is about, as the list shows it to its user. */
  readonly about: string
  /** A path in the service: `/referrals/…`. */
  readonly link: string
  readonly dueOn: string | null
}

function addMonths(isoDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })

export function dueNotifications(facts: DueFacts, today: string, settings: EligibilitySettings): Notice[] {
  const notices: Notice[] = []
  for (const referral of facts.decisions) {
    if (!referral.assigned_manager_id) continue
    notices.push({
      authorityId: referral.authority_id,
      userId: referral.assigned_manager_id,
      kind: 'decision_waiting',
      key: `decision:${referral.id}:${referral.step_entered_at.toISOString()}`,
      about: `Referral ${referral.reference} is waiting for your decision`,
      link: `/referrals/${referral.id}/decision`,
      dueOn: referral.step_due_on,
    })
  }
  for (const offer of facts.offers) {
    if (!offer.user_id) continue
    notices.push({
      authorityId: offer.authority_id,
      userId: offer.user_id,
      kind: 'offer_waiting',
      key: `offer:${offer.id}`,
      about: 'A referral has been offered to you: say whether you can take it',
      link: `/my-people/offers/${offer.id}`,
      dueOn: offer.respond_by ? londonDay.format(offer.respond_by) : null,
    })
  }
  for (const advocate of facts.advocates) {
    if (!advocate.user_id) continue
    if (advocate.kind === 'professional_advocate' && advocate.dbs_checked_on) {
      const expires = addMonths(advocate.dbs_checked_on, settings.dbsValidMonths)
      if (addDays(today, DBS_WARNING_DAYS) >= expires)
        notices.push({
          authorityId: advocate.authority_id,
          userId: advocate.user_id,
          kind: 'dbs_due',
          key: `dbs:${advocate.id}:${advocate.dbs_checked_on}`,
          about: 'Your DBS check needs renewing',
          link: '/my-people',
          dueOn: expires,
        })
    }
    if (advocate.kind === 'parent_peer_advocate' && advocate.last_one_to_one) {
      const due = addDays(advocate.last_one_to_one, settings.oneToOneWithinWeeks * 7)
      if (addDays(today, SUPERVISION_WARNING_DAYS) >= due)
        notices.push({
          authorityId: advocate.authority_id,
          userId: advocate.user_id,
          kind: 'supervision_due',
          key: `supervision:${advocate.id}:${advocate.last_one_to_one}`,
          about: 'Your one-to-one supervision is due',
          link: '/my-people',
          dueOn: due,
        })
    }
  }
  for (const late of facts.lateReadiness ?? []) {
    // The social worker's report reaching the family has a kind of its own: it is the family's right to read it first.
    const report = late.item === 'report'
    notices.push({
      authorityId: late.authorityId,
      userId: late.userId,
      kind: report ? 'report_due' : 'readiness_overdue',
      key: `readiness:${late.referralId}:${late.item}:${late.dueBy}`,
      about: report
        ? `Referral ${late.reference}: the family should have had the report by now`
        : `Referral ${late.reference}: ${late.what.charAt(0).toLowerCase()}${late.what.slice(1)} is late`,
      link: `/referrals/${late.referralId}/readiness`,
      dueOn: late.dueBy,
    })
  }
  return notices
}

const kindWords: Record<NotificationKind, string> = {
  decision_waiting: 'a referral is waiting for your decision',
  offer_waiting: 'a referral has been offered to you',
  supervision_due: 'your supervision is due',
  dbs_due: 'your DBS check needs renewing',
  report_due: 'a report is due to a family',
  readiness_overdue: 'something for a meeting is overdue',
  concern_raised: 'a safeguarding concern needs acknowledging',
}

/** The email: what kind of task, and a link to sign in. No family, no person, no reference. */
export function notificationEmail(kind: NotificationKind, baseUrl: string): { readonly subject: string; readonly text: string } {
  return {
    subject: 'Something in Alongside needs you',
    text: `Something in Alongside needs you: ${kindWords[kind]}.\n\nSign in to see it:\n${baseUrl}/notifications\n`,
  }
}
