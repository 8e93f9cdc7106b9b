import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import type { NotificationKind, Queryable } from '../../platform/db/schema.ts'
import { ConflictError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { queueMessage } from '../../platform/mail/outbox.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { defaultEligibilitySettings } from '../advocates/eligibility.ts'
import { lateReadinessEverywhere } from '../referrals/readiness-service.ts'
import { dueNotifications, notificationEmail, type Notice } from './due.ts'
import * as notifications from './notification-repository.ts'

/**
 * Each member of staff's notifications (issue 12): what needs them, by when, with a link to it.
 * `notify` is the one function other features call to tell someone; the `raise-notifications` job
 * (ADR 20) raises what exists today (a referral waiting on a manager's decision, an offer waiting for
 * an advocate's answer, a DBS check or supervision coming due) and marks done what has been dealt
 * with. A user sees and marks only their own; if they chose email as well, an email that names no
 * family goes into the outbox in the same transaction.
 */

export interface NotificationsContext extends ServiceContext {
  /** Where staff sign in: the one link an email holds. */
  readonly baseUrl: string
}

export type { Notice } from './due.ts'

/**
 * Tells a member of staff something needs them. Pass the transaction that made the change, so the
 * notification (and its email) are kept or lost with it. Says whether it was new.
 */
export async function notify(context: NotificationsContext, notice: Notice, db: Queryable = context.db): Promise<boolean> {
  if (!db.isTransaction) return context.db.transaction().execute((trx) => notify(context, notice, trx))
  const added = await notifications.insertNotification(db, { ...notice, now: context.clock.now() })
  if (!added) return false
  const email = await notifications.emailFor(db, notice.userId)
  if (email) await queueMessage(db, context.clock, { channel: 'email', to: email.email, ...notificationEmail(notice.kind, context.baseUrl) })
  return true
}

/** The header's count of the user's open notifications. */
export async function openCount(context: NotificationsContext, userId: string): Promise<number> {
  return notifications.countOpen(context.db, userId)
}

export interface NotificationItem {
  readonly id: string
  readonly kind: NotificationKind
  readonly about: string
  readonly link: string
  readonly dueOn: string | null
  readonly overdue: boolean
  readonly createdAt: Date
}

/** The caller's own open notifications, soonest due first. */
export async function myNotifications(context: NotificationsContext, caller: Caller): Promise<readonly NotificationItem[]> {
  const today = londonDate(context.clock.now())
  const rows = await notifications.openNotifications(context.db, caller.user.authorityId, caller.user.id)
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    about: row.about,
    link: row.link,
    dueOn: row.due_on,
    overdue: row.due_on !== null && row.due_on < today,
    createdAt: row.created_at,
  }))
}

/** Marks one of the caller's own notifications done; anyone else's (or none) is "not found". */
export async function markNotificationDone(context: NotificationsContext, caller: Caller, notificationId: string): Promise<void> {
  if (!isId(notificationId)) throw new NotFoundError('No such notification')
  const done = await notifications.markDone(context.db, caller.user.authorityId, caller.user.id, notificationId, context.clock.now())
  if (!done) throw new NotFoundError('No such notification')
}

export async function notificationPreference(context: NotificationsContext, caller: Caller): Promise<{ readonly email: boolean; readonly version: number }> {
  const row = await notifications.preferenceOf(context.db, caller.user.id)
  return { email: row?.email ?? false, version: row?.version ?? 0 }
}

/** Saves whether the caller wants an email as well, if nobody (another window of theirs) saved since `version`. Audited. */
export async function saveNotificationPreference(context: NotificationsContext, caller: Caller, email: boolean, version: number): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    if (!(await notifications.savePreference(trx, caller.user.id, email, version, context.clock.now())))
      throw new ConflictError('The notification settings changed after you opened this page')
    await recordAudit(trx, auditActorOf(caller), {
      action: 'notifications.preference-changed',
      recordType: 'account',
      recordId: caller.user.id,
      details: { email },
    })
  })
}

/**
 * The `raise-notifications` job: raises a notification for each thing that needs someone today,
 * once (by its key), and marks done those whose cause has gone. Says how many it raised.
 */
export async function raiseDueNotifications(context: NotificationsContext): Promise<number> {
  const now = context.clock.now()
  await notifications.closeResolved(context.db, now)
  const due = dueNotifications(
    {
      decisions: await notifications.decisionsWaiting(context.db),
      offers: await notifications.offersWaiting(context.db),
      advocates: await notifications.activeAdvocates(context.db),
      lateReadiness: await lateReadinessEverywhere(context),
    },
    londonDate(now),
    defaultEligibilitySettings,
  )
  let raised = 0
  for (const notice of due) if (await notify(context, notice)) raised += 1
  return raised
}
