import type { Services } from './composition.ts'
import type { Config } from './config.ts'
import { purgeExpired } from './platform/auth/housekeeping.ts'
import type { Database } from './platform/db/database.ts'
import { createScheduler, type Scheduler } from './platform/jobs/scheduler.ts'
import type { Mailer } from './platform/mail/mailer.ts'
import type { MailProblem } from './platform/mail/message.ts'
import { forgetSentMessages, sendQueuedMessages } from './platform/mail/outbox.ts'
import type { Clock } from './platform/time/clock.ts'

/**
 * Every job the service runs on a timer (ADR 20), one line each: a service function that does one
 * batch and says how much it did, run once per period across every process that shares the
 * database. To add one, add a line: `scheduler.daily(name, run)` (a daily job runs at the first
 * tick of each UK day; `every(name, seconds, run)` for anything more often).
 */
export function scheduleJobs(
  { database, clock, config, services, mailer }: { database: Database; clock: Clock; config: Config; services: Services; mailer: Mailer },
  report: { mail: (problem: MailProblem) => void; failure: (job: string, error: unknown) => void },
): Scheduler {
  const { db } = database
  const scheduler = createScheduler(db, clock, { onFailure: report.failure })
  const sum = async (counts: Promise<Record<string, number>>) => Object.values(await counts).reduce((total, count) => total + count, 0)

  // Mail and texts waiting in the outbox.
  scheduler.every('send-mail', 15, async () => {
    const sent = await sendQueuedMessages(db, clock, mailer, report.mail)
    return sent.sent
  })
  scheduler.daily('forget-sent-mail', () => forgetSentMessages(db, clock))

  // Staff: what needs them (a decision, an offer, a DBS check or supervision coming due), and what no longer does.
  scheduler.every('raise-notifications', 300, () => services.notifications.raiseDueNotifications())

  // Safeguarding concerns not acknowledged in time go to the next person on the list, then to every service manager (ADR 25).
  scheduler.every('escalate-concerns', 60, () => services.concerns.staff.escalateOverdueConcerns())

  // Families who asked for them: a reminder of their meeting, from two days before it.
  scheduler.every('remind-families', 900, () => services.family.reminders.remindFamiliesOfMeetings())
  // Families who chose to say later how their meeting went, and asked for reminders: one, a few days after it, in the day.
  scheduler.every('remind-later-feedback', 3600, () => services.feedback.remindLaterFeedback())

  // Offers nobody answers in time go back to FGC Advocacy Admin.
  scheduler.every('lapse-unanswered-offers', 60, () => services.allocations.lapseUnansweredOffers())
  // Drafts nobody has changed for 30 days are closed.
  scheduler.every('lapse-abandoned-drafts', 3600, () => services.referrals.lapseAbandonedDrafts())

  // The reports' facts of referrals changed since, drawn again between reports (ADR 34).
  scheduler.every('bring-report-facts-up-to-date', 600, () => services.reports.bringReportFactsUpToDate())

  // Sessions and kept answers nobody can use any more, and sign-in counts untouched for 30 days, are let go of.
  scheduler.every('purge-expired-sessions', 3600, () => sum(purgeExpired(db, clock, config.session)))
  scheduler.every('forget-old-sign-in-counts', 3600, () => services.signIn.forgetOldCounts())
  scheduler.every('forget-old-family-sign-ins', 3600, () => services.family.access.forgetOldFamilySignIns())
  scheduler.every('forget-old-card-guesses', 3600, () => services.feedback.forgetOldCardGuesses())

  // Enquiries from the public pages, closed longer ago than the council keeps them, are deleted.
  scheduler.daily('clean-up-closed-enquiries', () =>
    services.publicPages.cleanUpClosedEnquiries(clock.now(), { retentionMonths: config.publicEnquiryRetentionMonths }),
  )
  return scheduler
}
