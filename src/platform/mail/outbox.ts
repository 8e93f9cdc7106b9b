import type { OutboxChannel, Queryable } from '../db/schema.ts'
import type { Clock } from '../time/clock.ts'
import type { Mailer } from './mailer.ts'
import { isPermanent, MailError, problemOf, type MailProblem } from './message.ts'
import * as outbox from './outbox-repository.ts'

/**
 * Mail that is never lost (ADR 20). A feature queues a message with `queueMessage` inside the
 * transaction that made the change it tells of, so the two are kept or lost together; the
 * scheduler's `send-mail` job hands each queued message to the `Mailer` with `sendQueuedMessages`.
 *
 * A message that could not go is tried again later, each time waiting longer (1, 2, 4, 8 ...
 * minutes, at most an hour), and given up after `MAX_ATTEMPTS`, or at once when the answer says
 * trying again cannot help (an address that does not exist). What is reported is the error's
 * code, never the address or the text. A sent message keeps neither.
 *
 * A process that dies after the message went but before it wrote so sends it again when its lease
 * lapses: at least once, and exactly once whenever the process lives to write "sent".
 */

export interface QueuedMessage {
  readonly channel: OutboxChannel
  readonly to: string
  readonly subject: string
  readonly text: string
  /** Once only: a second message with the same key is not queued (a reminder for one meeting). */
  readonly dedupeKey?: string
}

export const MAX_ATTEMPTS = 8
export const LEASE_MS = 5 * 60_000
const BATCH = 50

/** Minutes to wait after the `attempt`th attempt failed: 1, 2, 4, 8 ..., at most 60. */
export function retryDelayMinutes(attempt: number): number {
  return Math.min(60, 2 ** Math.max(0, attempt - 1))
}

/** Queues a message, in the caller's transaction. Says whether it was new (false: its key was queued before). */
export async function queueMessage(db: Queryable, clock: Clock, message: QueuedMessage): Promise<boolean> {
  const now = clock.now()
  return outbox.insertMessage(db, {
    channel: message.channel,
    recipient: message.to,
    subject: message.subject,
    body: message.text,
    dedupe_key: message.dedupeKey ?? null,
    queued_at: now,
    next_attempt_at: now,
  })
}

export interface SendReport {
  readonly sent: number
  readonly retrying: number
  readonly givenUp: number
}

/** Sends what is due, a batch at a time, until nothing is left that this run can take. */
export async function sendQueuedMessages(db: Queryable, clock: Clock, mailer: Mailer, report: (problem: MailProblem) => void): Promise<SendReport> {
  let sent = 0
  let retrying = 0
  let givenUp = 0
  for (;;) {
    const now = clock.now()
    // The claim is its own short statement: nothing is held while a message is on its way (ADR 4).
    const batch = await outbox.claimDue(db, now, new Date(now.getTime() + LEASE_MS), BATCH)
    if (batch.length === 0) break
    for (const message of batch) {
      try {
        await mailer.deliver({ channel: message.channel, to: message.recipient, subject: message.subject, text: message.body })
        await outbox.markSent(db, message.id, clock.now())
        sent += 1
      } catch (error) {
        const problem = error instanceof MailError ? { code: error.code, responseCode: error.responseCode } : problemOf(error)
        const code = `${problem.code ?? 'UNKNOWN'}${problem.responseCode === undefined ? '' : ` ${problem.responseCode}`}`
        if (isPermanent(problem) || message.attempts >= MAX_ATTEMPTS) {
          await outbox.markGivenUp(db, message.id, clock.now(), code)
          report(problem)
          givenUp += 1
        } else {
          await outbox.markToRetry(db, message.id, new Date(clock.now().getTime() + retryDelayMinutes(message.attempts) * 60_000), code)
          retrying += 1
        }
      }
    }
    if (batch.length < BATCH) break
  }
  return { sent, retrying, givenUp }
}

/** Rows of messages sent or given up more than a week ago. */
export async function forgetSentMessages(db: Queryable, clock: Clock): Promise<number> {
  return outbox.forgetFinished(db, new Date(clock.now().getTime() - 7 * 24 * 3_600_000))
}
