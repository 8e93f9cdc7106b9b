import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDependencies } from './app.ts'
import { compose, type Services } from './composition.ts'
import type { Config } from './config.ts'
import { checkDatabase, type Database } from './platform/db/database.ts'
import { createMailer, type Mailer } from './platform/mail/mailer.ts'
import type { Clock } from './platform/time/clock.ts'

/** The whole service on an open database: its services, the app that serves them, and the mail they send (close it last). */
export async function createApplication(options: {
  database: Database
  clock: Clock
  config: Config
  root: string
  logger: AppDependencies['logger']
  onRoute?: AppDependencies['onRoute']
}): Promise<{ app: FastifyInstance; services: Services; mailer: Mailer }> {
  const { database, clock, config } = options
  // A message that could not be sent is logged by its error code alone (never its address or content).
  const mailer = createMailer(config.mail, (problem) => app.log.error({ mail: problem }, 'could not send mail'))
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
  return { app, services, mailer }
}
