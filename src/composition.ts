import type { Kysely } from 'kysely'
import type { Config } from './config.ts'
import { createAdminService } from './features/admin/service.ts'
import { createAdvocateService } from './features/advocates/service.ts'
import { createLocalServices } from './features/local-services/service.ts'
import * as people from './features/people/service.ts'
import { createProgrammeService } from './features/programme/service.ts'
import { advocacyRecordService, allocationService, referralService } from './features/referrals/service.ts'
import { createSettingsService } from './features/settings/service.ts'
import { createSignInService } from './features/sign-in/service.ts'
import * as worktray from './features/worktray/service.ts'
import { createSavedForms } from './platform/auth/saved-forms.ts'
import { storedSessionSecret } from './platform/auth/session-secret.ts'
import { createSessions } from './platform/auth/sessions.ts'
import type { Schema } from './platform/db/schema.ts'
import { bindService, type ServiceContext } from './platform/service-context.ts'
import type { Clock } from './platform/time/clock.ts'

/**
 * The composition root: one place that makes every service from the database, the clock and the
 * configuration. No container, no magic: read it top to bottom.
 */
export async function compose(db: Kysely<Schema>, clock: Clock, config: Config) {
  const secret = config.sessionSecret ?? (await storedSessionSecret(db))
  const context: ServiceContext = { db, clock }
  const sessions = createSessions(db, clock, config.session, secret)
  const savedForms = createSavedForms(db, clock)
  const settings = createSettingsService(db, clock)
  const advocates = createAdvocateService(db, clock, settings)
  const localServices = createLocalServices(db, clock)
  const services = {
    settings,
    advocates,
    localServices,
    allocations: allocationService({ ...context, advocates, localServices, settings }),
    advocacyRecord: advocacyRecordService(context),
    signIn: createSignInService(db, clock, sessions, config.signIn),
    admin: createAdminService(db, clock, sessions),
    people: bindService(context, people),
    referrals: referralService(context),
    worktray: bindService(context, worktray),
    programme: createProgrammeService(db, clock, settings),
  }
  return { sessions, savedForms, services }
}

export type Services = Awaited<ReturnType<typeof compose>>['services']
