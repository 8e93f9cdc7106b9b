import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { AppDependencies } from '../../src/app.ts'
import { createApplication } from '../../src/application.ts'
import type { Services } from '../../src/composition.ts'
import { loadConfig, type Config } from '../../src/config.ts'
import type { Database } from '../../src/platform/db/database.ts'
import type { Scheduler } from '../../src/platform/jobs/scheduler.ts'
import type { Mailer } from '../../src/platform/mail/mailer.ts'
import { TestClock } from './clock.ts'
import { openTestDatabase } from './database.ts'
import { createWorld, type World } from './world.ts'

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..')

export interface TestApp {
  readonly app: FastifyInstance
  /** On PostgreSQL, with its address (`url`) for a child process to open the same database. */
  readonly database: Database & { readonly url?: string }
  readonly clock: TestClock
  readonly config: Config
  readonly services: Services
  /** What the service sends mail through (SMTP_URL, or the outbox): `settled()` waits for what is on its way. */
  readonly mailer: Mailer
  /** The app's jobs, not ticking by themselves: a test calls `scheduler.tick()` (ADR 20). */
  readonly scheduler: Scheduler
  readonly world: World
  /** Every route the app has, as it was registered: for tests that walk them all. */
  readonly routes: readonly RegisteredRoute[]
  close(): Promise<void>
}

export interface RegisteredRoute {
  readonly method: string
  readonly url: string
  readonly config: { readonly public?: boolean; readonly family?: boolean }
}

/** The real application on a fresh database, with a world of authorities and staff to act in it. */
export async function startTestApp(environment: Record<string, string> = {}, options: { logger?: AppDependencies['logger'] } = {}): Promise<TestApp> {
  const database = await openTestDatabase()
  const clock = new TestClock()
  const config = loadConfig({ SESSION_SECRET: 'a test secret that is long enough to be accepted', VIEW_CACHE: 'true', ...environment })
  const routes: RegisteredRoute[] = []
  const { app, services, mailer, scheduler } = await createApplication({
    database,
    clock,
    config,
    root,
    logger: options.logger ?? false,
    onRoute: (route) => {
      // The route's config is read when asked: hooks of the route's own context may still add to it.
      for (const method of [route.method].flat())
        routes.push({
          method,
          url: route.url,
          get config() {
            return (route.config ?? {}) as RegisteredRoute['config']
          },
        })
    },
  })
  await app.ready()
  const world = await createWorld(database.db)
  return {
    app,
    database,
    clock,
    config,
    services,
    mailer,
    scheduler,
    world,
    routes,
    async close() {
      await scheduler.stop()
      await app.close()
      await mailer.close()
      await database.close()
    },
  }
}
