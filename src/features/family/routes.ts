import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Translations } from '../../platform/i18n/translations.ts'
import type { Clock } from '../../platform/time/clock.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { answerInTheirLanguage, readerRefusalOf } from '../../platform/http/reader-errors.ts'
import { familyConcernRoutes } from '../concerns/routes.ts'
import { familyConsultationRoutes } from '../consultation/routes.ts'
import type { FamilyConsultationService } from '../consultation/service.ts'
import type { FamilyConcernsService } from '../concerns/service.ts'
import type { InformationService } from '../information/service.ts'
import type { SettingsService } from '../settings/service.ts'
import type { FamilyFeedback } from '../feedback/service.ts'
import type { FamilyAccessService } from './access-service.ts'
import { advocateRoutes } from './advocate/routes.ts'
import { FAMILY_PREFIX, familyCookieName, familyLanguageHook } from './family-request.ts'
import { familyFeedbackRoutes } from './feedback/routes.ts'
import { meetingRoutes } from './meeting/routes.ts'
import type { FamilyPagesService } from './pages-service.ts'
import { rightsRoutes } from './rights/routes.ts'
import { familySignInRoutes } from './sign-in/routes.ts'
import { statusRoutes } from './status/routes.ts'
import type { WayInService } from './way-in-service.ts'
import { wayInRoutes } from './way-in/routes.ts'
import { viewsRoutes } from './views/routes.ts'
import { referralSaysRoutes } from './what-the-referral-says/routes.ts'

export interface FamilyDependencies {
  readonly access: FamilyAccessService
  readonly wayIn: WayInService
  readonly pages: FamilyPagesService
  readonly settings: SettingsService
  readonly information: InformationService
  /** "Tell someone now": a concern raised from their own pages (the concerns feature, ADR 25). */
  readonly concerns: FamilyConcernsService
  /** Feedback the person chose to give later (the feedback feature's service). */
  readonly feedback: FamilyFeedback
  /** A child's consultation before their review conference (the consultation feature's service, ADR 31). */
  readonly consultation: FamilyConsultationService
  readonly secureCookie: boolean
  readonly baseUrl: string
  readonly idleMinutes: number
  readonly codeDaysAfterEnd: number
  readonly clock: Clock
  readonly translations: Translations
}

const familyRefusals = { template: 'features/family/error.njk', shownAs: { forbidden: 'notFound' } } as const

/** A refusal on a family page, in the family's words and layout: a page not theirs is "not found" (ADR 17). */
async function familyError(
  { translations, secureCookie }: { translations: Translations; secureCookie: boolean },
  speak: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const refusal = readerRefusalOf(error)
  if (refusal) {
    request.log.info({ status: refusal === 'tooMany' ? 429 : 404, type: error.name }, 'request refused')
    return answerInTheirLanguage({ translations, secureCookie, ...familyRefusals, speak }, refusal, request, reply)
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
  if (status >= 500) request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'request failed')
  else request.log.info({ status, type: error.name }, 'request refused')
  await speak(request, reply)
  return reply.code(status).header('cache-control', 'no-store').view('features/family/error.njk', { kind: 'problem' })
}

/**
 * The family side (ADR 17). Staff give a person their way in from the referral (`way-in/`); the
 * person's own pages live under /your-advocacy in a context of their own: every route in it is a
 * family page (the staff sign-in check does not apply, and a staff session opens none of them),
 * and every page but signing in needs a family session, read from the family cookie alone.
 */
export function familyRoutes(app: FastifyInstance, deps: FamilyDependencies): void {
  wayInRoutes(app, { wayIn: deps.wayIn, baseUrl: deps.baseUrl, codeDaysAfterEnd: deps.codeDaysAfterEnd, translations: deps.translations })

  app.register(
    async (family) => {
      family.decorateRequest('familyMember', null)
      family.addHook('onRoute', (route) => {
        route.config = { ...route.config, family: true }
      })
      const speak = familyLanguageHook(deps.translations, deps.secureCookie)
      const speakHere = async (request: FastifyRequest, reply: FastifyReply) => speak.call(family, request, reply)
      family.setErrorHandler((error: FastifyError, request, reply) => familyError(deps, speakHere, error, request, reply))

      family.addHook('preHandler', async (request, reply) => {
        const presented = request.cookies[familyCookieName(deps.secureCookie)]
        const resolved = presented ? await deps.access.resolveFamilySession(presented) : { status: 'none' as const }
        if (resolved.status === 'active') request.familyMember = resolved.member
        const brand = await deps.settings.brandFor(request.familyMember?.authorityId ?? null)
        reply.locals = { ...reply.locals, authority: brand ?? undefined, familyMember: request.familyMember !== null }
        await speak.call(family, request, reply)
        if (request.routeOptions.config.public || request.familyMember) return
        const timedOut = resolved.status === 'timed-out' ? '?timedOut=yes' : ''
        return reply.redirect(`${FAMILY_PREFIX}/sign-in${timedOut}`, 303)
      })

      familySignInRoutes(family, deps)
      statusRoutes(family, deps)
      advocateRoutes(family, deps)
      meetingRoutes(family, deps)
      rightsRoutes(family, deps)
      referralSaysRoutes(family, deps)
      viewsRoutes(family, deps)
      familyConcernRoutes(family, { concerns: deps.concerns })
      familyFeedbackRoutes(family, deps)
      familyConsultationRoutes(family, { consultation: deps.consultation })
      // Any other address here is not found, in their words and layout (after the family session check).
      family.get('/*', async () => {
        throw new NotFoundError('No such family page')
      })
    },
    { prefix: FAMILY_PREFIX },
  )
}
