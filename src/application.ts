import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDependencies } from './app.ts'
import { compose, type Services } from './composition.ts'
import type { Config } from './config.ts'
import { checkDatabase, type Database } from './platform/db/database.ts'
import type { Clock } from './platform/time/clock.ts'

/** The whole service on an open database: its services, and the app that serves them. */
export async function createApplication(options: {
  database: Database
  clock: Clock
  config: Config
  root: string
  logger: AppDependencies['logger']
}): Promise<{ app: FastifyInstance; services: Services }> {
  const { database, clock, config } = options
  const { sessions, savedForms, services } = await compose(database.db, clock, config)
  const app = await buildApp({
    config,
    root: options.root,
    sessions,
    savedForms,
    services,
    clock,
    checkDatabase: () => checkDatabase(database.db),
    logger: options.logger,
  })
  return { app, services }
}
