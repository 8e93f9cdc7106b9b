import type { FastifyInstance } from 'fastify'
import type { Services } from '../composition.ts'
import type { Config } from '../config.ts'
import type { SavedForms } from '../platform/auth/saved-forms.ts'
import type { Sessions } from '../platform/auth/sessions.ts'
import type { Clock } from '../platform/time/clock.ts'
import type { Translations } from '../platform/i18n/translations.ts'
import { aboutRoutes } from './about/routes.ts'
import { informationRoutes } from './information/routes.ts'
import { myPeopleRoutes } from './my-people/routes.ts'
import { advocateRoutes } from './advocates/routes.ts'
import { adminRoutes } from './admin/routes.ts'
import { remindersRoutes } from './family/reminders/routes.ts'
import { notificationRoutes } from './notifications/routes.ts'
import { familyRoutes } from './family/routes.ts'
import { feedbackRoutes } from './feedback/routes.ts'
import { concernsRoutes } from './concerns/routes.ts'
import { consultationRoutes } from './consultation/routes.ts'
import { localServiceRoutes } from './local-services/routes.ts'
import { peopleRoutes } from './people/routes.ts'
import { programmeRoutes } from './programme/routes.ts'
import { publicRoutes } from './public/routes.ts'
import { referralRoutes } from './referrals/routes.ts'
import { reportsRoutes } from './reports/routes.ts'
import { settingsRoutes } from './settings/routes.ts'
import { profileRoutes } from './profile/routes.ts'
import { signInRoutes } from './sign-in/routes.ts'
import { worktrayRoutes } from './worktray/routes.ts'

export interface FeatureDependencies {
  readonly config: Config
  readonly services: Services
  readonly sessions: Sessions
  readonly savedForms: SavedForms
  readonly clock: Clock
  /** The words of family pages, in each family language (platform/i18n). */
  readonly translations: Translations
}

/** Every feature's pages. Each feature gets only the services it uses. */
export function featureRoutes(app: FastifyInstance, { config, services, sessions, savedForms, clock, translations }: FeatureDependencies): void {
  const secureCookie = config.session.secureCookie
  // Every page says whose service this is: the authority's name in the header (views/layout.njk),
  // read with the session for someone signed in.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET') return
    const authority =
      request.userAuthorityName !== null ? { name: request.userAuthorityName } : await services.settings.brandFor(request.user?.authorityId ?? null)
    if (authority) reply.locals = { ...reply.locals, authority }
  })
  notificationRoutes(app, { notifications: services.notifications })
  signInRoutes(app, { signIn: services.signIn, savedForms, secureCookie, idleMinutes: config.session.idleMinutes, clock })
  adminRoutes(app, { admin: services.admin, sessions, secureCookie, baseUrl: config.baseUrl })
  settingsRoutes(app, { settings: services.settings })
  profileRoutes(app, { profile: services.profile })
  aboutRoutes(app, { settings: services.settings })
  informationRoutes(app, { information: services.information, settings: services.settings, translations, secureCookie })
  worktrayRoutes(app, {
    worktray: services.worktray,
    roleChanges: services.admin,
    enquiries: services.publicPages,
    concerns: services.concerns.staff,
  })
  concernsRoutes(app, { concerns: services.concerns.staff })
  consultationRoutes(app, { consultation: services.consultation })
  peopleRoutes(app, { people: services.people })
  referralRoutes(app, {
    referrals: services.referrals,
    allocations: services.allocations,
    advocacyRecord: services.advocacyRecord,
    people: services.people,
    clock,
  })
  programmeRoutes(app, { programme: services.programme })
  reportsRoutes(app, { reports: services.reports })
  advocateRoutes(app, { advocates: services.advocates, people: services.people, clock, baseUrl: config.baseUrl })
  localServiceRoutes(app, { localServices: services.localServices })
  myPeopleRoutes(app, { advocacyRecord: services.advocacyRecord, allocations: services.allocations, clock })
  familyRoutes(app, {
    access: services.family.access,
    wayIn: services.family.wayIn,
    pages: services.family.pages,
    settings: services.settings,
    information: services.information,
    concerns: services.concerns.family,
    feedback: services.feedback,
    consultation: services.familyConsultation,
    secureCookie,
    baseUrl: config.baseUrl,
    idleMinutes: config.family.idleMinutes,
    codeDaysAfterEnd: config.family.codeDaysAfterEnd,
    clock,
    translations,
  })
  remindersRoutes(app, { reminders: services.family.reminders })
  publicRoutes(app, { publicPages: services.publicPages, settings: services.settings, translations, secureCookie })
  feedbackRoutes(app, {
    feedback: services.feedback,
    signIn: services.signIn,
    settings: services.settings,
    translations,
    secureCookie,
    baseUrl: config.baseUrl,
  })
}
