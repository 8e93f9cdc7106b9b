import { createInterface } from 'node:readline'
import { createApplication } from '../../src/application.ts'
import { loadConfig } from '../../src/config.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { queueMessage, sendQueuedMessages } from '../../src/platform/mail/outbox.ts'
import { root } from './app.ts'
import { TestClock } from './clock.ts'

/**
 * One app process for the tests of scheduled work across processes (ADR 20), started with
 * `node test/support/job-process.ts <mode>` and the service's own settings in its environment
 * (DATABASE_URL or DATA_DIR, SMTP_URL), at the instant in `CLOCK`:
 *
 * - `remind`: says `ready`, waits for `go` on its input (so two processes start together), then
 *   ticks its scheduler, runs the reminder job and the mail job in full itself, and says what it did.
 * - `queue-and-hang`: queues one message, says `queued`, and waits to be killed.
 * - `tick`: ticks its scheduler once (a restarted process), lets its mail go, and says what it did.
 */
const mode = process.argv[2]
const clock = new TestClock(process.env['CLOCK'] ?? '2026-11-27T09:00:00Z')
const config = loadConfig()
const database = await openDatabase(config.database)

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

if (mode === 'queue-and-hang') {
  await database.db.transaction().execute(async (trx) => {
    await queueMessage(trx, clock, { channel: 'email', to: 'after.restart@example.com', subject: 'Queued before a crash', text: 'Still sent.' })
  })
  say('queued')
  setInterval(() => undefined, 60_000)
} else {
  const { app, services, mailer, scheduler } = await createApplication({ database, clock, config, root, logger: false })
  let result: Record<string, unknown>
  if (mode === 'remind') {
    say('ready')
    const input = createInterface({ input: process.stdin })
    await new Promise<void>((resolve) => input.once('line', () => resolve()))
    input.close()
    const ticked = await scheduler.tick()
    const queued = await services.family.reminders.remindFamiliesOfMeetings()
    const sent = await sendQueuedMessages(database.db, clock, mailer, () => undefined)
    // Reminders queued by the scheduler's own run (if this process claimed its slot), then by running the job in full itself.
    const byTick = ticked.find((report) => report.job === 'remind-families')?.done ?? 0
    const sentByTick = ticked.find((report) => report.job === 'send-mail')?.done ?? 0
    result = { queued: byTick + queued, sent: sentByTick + sent.sent }
  } else {
    result = { ticked: (await scheduler.tick()).map((report) => ({ job: report.job, done: report.done })) }
  }
  await app.close()
  await mailer.close()
  await database.close()
  say(JSON.stringify(result))
}
