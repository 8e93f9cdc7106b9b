import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify'
import { inTheirLanguage } from '../../platform/http/language.ts'
import { answersOf } from '../../platform/http/form-fields.ts'
import type { FieldError } from '../../platform/http/session.ts'
import type { Translations } from '../../platform/i18n/translations.ts'
import type { SettingsService } from '../settings/service.ts'
import { addressKey, POSTS_PER_HOUR, type Refusal } from './limits.ts'

/** What every public page's routes share: the reader's language, the councils, the flood limits. */

export interface PublicPageDependencies {
  readonly translations: Translations
  readonly secureCookie: boolean
  readonly settings: SettingsService
}

/** Refused by the per-address limit on a public form's posts (limits.ts), before the form is read. */
export class TooManyPostsError extends Error {
  override name = 'TooManyPostsError'
  readonly statusCode = 429
}

/** A page anyone may read, in their own language. */
export function publicPage({ translations, secureCookie }: PublicPageDependencies): RouteShorthandOptions {
  return { config: { public: true }, preHandler: inTheirLanguage(translations, { secureCookie }) }
}

/** Whether a post carries this browser's form token (the platform's CSRF check runs again after this). */
function carriesItsToken(request: FastifyRequest): boolean {
  const body = request.body as Record<string, unknown> | null | undefined
  return request.carriesCsrfToken(body && typeof body === 'object' ? body['_csrf'] : undefined)
}

/**
 * A public form posted without its token (the page was left open until the browser forgot its
 * session, or it came from another site) is refused in the reader's own language, before the
 * platform's check would refuse it with a page for staff. Nothing in it is read or kept.
 */
async function refuseWithoutItsToken(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (carriesItsToken(request)) return undefined
  request.log.warn({ route: request.routeOptions.url }, 'form refused: missing or wrong CSRF token')
  return reply.code(403).view('features/public/partials/form-expired.njk', {})
}

/**
 * A public form's post: in the reader's language from the start (so even a refusal for a missing
 * token is), and at most `POSTS_PER_HOUR` from one address (an IPv6 one by its /64), sent or refused.
 */
export function publicPost(deps: PublicPageDependencies): RouteShorthandOptions {
  return {
    config: {
      public: true,
      rateLimit: {
        max: POSTS_PER_HOUR,
        timeWindow: 60 * 60 * 1000,
        keyGenerator: (request: FastifyRequest) => addressKey(request.ip),
        errorResponseBuilder: () => new TooManyPostsError('Too many posts of a public form from one address'),
      },
    },
    // Before every preHandler, the platform's token check among them.
    preValidation: [inTheirLanguage(deps.translations, { secureCookie: deps.secureCookie }), refuseWithoutItsToken],
  }
}

const TOO_MANY = 'features/public/partials/too-many.njk'

/** The page that says a form was not accepted because of the flood limits, in the reader's language. */
export function tooMany(reply: FastifyReply, why: Refusal | 'fast'): FastifyReply {
  return reply.code(429).view(TOO_MANY, { why })
}

/**
 * For the error handler of the public pages: a post refused by the per-address limit is refused
 * before the page's own steps run, so it is put into the reader's language here.
 */
export async function answerTooManyPosts(deps: PublicPageDependencies, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  await inTheirLanguage(deps.translations, { secureCookie: deps.secureCookie }).call(request.server, request, reply)
  reply.header('cache-control', 'no-store')
  return tooMany(reply, 'fast')
}

export interface Councils {
  /** Every council this installation serves, to choose from when there are several. */
  readonly list: readonly { readonly id: string; readonly name: string }[]
  /** The council, when there is only one. */
  readonly only: { readonly id: string; readonly name: string } | null
}

export async function councilsOf(settings: SettingsService): Promise<Councils> {
  const list = await settings.authoritiesServed()
  return { list, only: list.length === 1 ? (list[0] ?? null) : null }
}

/** The council a form was sent for: the only one, or the one chosen from the list; otherwise an error. */
export function chosenCouncil(councils: Councils, body: unknown): { ok: true; id: string } | { ok: false; error: FieldError } {
  if (councils.only) return { ok: true, id: councils.only.id }
  const chosen = answersOf(body)['authorityId']
  const found = councils.list.find((council) => council.id === chosen)
  return found ? { ok: true, id: found.id } : { ok: false, error: { field: 'authorityId', message: 'public:common.council.error', href: '#authorityId' } }
}
