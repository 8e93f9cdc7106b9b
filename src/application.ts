import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDependencies } from './app.ts'
import { compose, type Services } from './composition.ts'
import type { Config } from './config.ts'
import { checkDatabase, type Database } from './platform/db/database.ts'
import { scheduleJobs } from './jobs.ts'
import type { Scheduler } from './platform/jobs/scheduler.ts'
import { createMailer, type Mailer } from './platform/mail/mailer.ts'
import { createNotifyClient } from './platform/mail/notify.ts'
import type { Clock } from './platform/time/clock.ts'

/**
 * The whole service on an open database: its services, the app that serves them, the mail they
 * send (close it last), and the scheduler of its jobs (not yet ticking: `start` it, or `tick` it in a test).
 */
export async function createApplication(options: {
  database: Database
  clock: Clock
  config: Config
  root: string
  logger: AppDependencies['logger']
  onRoute?: AppDependencies['onRoute']
}): Promise<{ app: FastifyInstance; services: Services; mailer: Mailer; scheduler: Scheduler }> {
  const { database, clock, config } = options
  // A message that could not be sent is logged by its error code alone (never its address or content).
  const reportMail = (problem: unknown) => app.log.error({ mail: problem }, 'could not send mail')
  const mailer = createMailer(config.mail, reportMail, config.notify ? createNotifyClient(config.notify) : undefined)
  const { sessions, savedForms, services } = await compose(database.db, clock, config, mailer)
  const app: FastifyInstance = await buildApp({
    config,
    root: options.root,
    sessions,
    savedForms,
    services,
    clock,
    checkDatabase: () => checkDatabase(database.db),
    logger: options.logger,
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  })
  const scheduler = scheduleJobs(
    { database, clock, config, services, mailer },
    // A job that failed is logged by its name and the error's name alone: its message may quote a record.
    { mail: reportMail, failure: (job, error) => app.log.error({ job, error: error instanceof Error ? error.name : 'unknown' }, 'a scheduled job failed') },
  )
  return { app, services, mailer, scheduler }
}
