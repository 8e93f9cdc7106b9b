import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions, type RouteOptions } from 'fastify'
import type { Config } from './config.ts'
import type { Services } from './composition.ts'
import type { Clock } from './platform/time/clock.ts'
import type { SavedForms } from './platform/auth/saved-forms.ts'
import type { Sessions } from './platform/auth/sessions.ts'
import { authentication } from './platform/http/authentication.ts'
import { compression } from './platform/http/compression.ts'
import { csrf } from './platform/http/csrf.ts'
import { registerErrorPages } from './platform/http/errors.ts'
import { forms } from './platform/http/forms.ts'
import { rateLimits } from './platform/http/rate-limits.ts'
import { securityHeaders } from './platform/http/security-headers.ts'
import { session } from './platform/http/session.ts'
import { ASSETS_PREFIX, staticAssets } from './platform/http/static-assets.ts'
import { councilStyles } from './platform/http/council-styles.ts'
import { buildPageAssets } from './platform/http/page-assets.ts'
import { views } from './platform/http/views.ts'
import { featureRoutes } from './features/routes.ts'
import { createTranslations } from './platform/i18n/translations.ts'
import { healthRoutes } from './features/health/routes.ts'

export interface AppDependencies {
  readonly config: Config
  /** The project's root folder (templates and front-end packages are found from it). */
  readonly root: string
  readonly sessions: Sessions
  readonly savedForms: SavedForms
  readonly services: Services
  readonly clock: Clock
  readonly checkDatabase: () => Promise<void>
  readonly logger: NonNullable<FastifyServerOptions['logger']>
  /** Told of every route as it is added (tests that walk every route, such as a family session's refusals). */
  readonly onRoute?: (route: RouteOptions) => void
}

const FORM_BODY_LIMIT = 1024 * 1024

/**
 * A request the router cannot even read (a broken %-escape, an absurdly long id) never reaches the
 * plugins, so it gets a small page of its own: the same words, strict headers, nothing echoed back.
 */
function answerUnroutableRequest(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const notFound = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
  const heading = notFound ? 'Page not found' : 'Sorry, we could not read that web address'
  void reply
    .code(notFound ? 404 : 400)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(
      `<!DOCTYPE html><html lang="en" class="govuk-template"><head><meta charset="utf-8"><title>${heading} – Alongside</title>` +
        '<link rel="stylesheet" href="/assets/styles/govuk-frontend.min.css"></head><body class="govuk-template__body">' +
        `<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content"><h1 class="govuk-heading-l">${heading}</h1>` +
        '<p class="govuk-body">Check the web address, or <a class="govuk-link" href="/">go to your work</a>.</p></main></div></body></html>',
    )
}

/**
 * The application, plugins in the order they run: health, security headers, static files (no
 * session), then for pages: compression, session, form parsing, CSRF, views, sign-in check, the
 * not-found and error pages, and the features.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config } = deps
  // The message catalogues, read once: a broken catalogue stops the start, not a family's page.
  const translations = createTranslations()
  // The files every page links to: fingerprinted, compressed and cached for a year (page-assets.ts).
  const pageAssets = await buildPageAssets(deps.root)
  const app = Fastify({
    logger: deps.logger,
    // Only the configured proxies' X-Forwarded-For is believed: anyone else could write any address there.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    bodyLimit: FORM_BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: answerUnroutableRequest,
  })

  if (deps.onRoute) app.addHook('onRoute', deps.onRoute)
  await app.register(async (health) => healthRoutes(health, { checkDatabase: deps.checkDatabase }))
  await app.register(securityHeaders, { production: config.production })
  await app.register(async (assets) => staticAssets(assets, { root: deps.root, production: config.production, pageAssets }), { prefix: ASSETS_PREFIX })
  await app.register(async (styles) => councilStyles(styles, { pageAssets, production: config.production }))

  await app.register(async (pages) => {
    pages.addHook('onSend', async (_request, reply) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    })
    await pages.register(compression)
    await pages.register(session, { sessions: deps.sessions, secureCookie: config.session.secureCookie })
    await pages.register(rateLimits, { perMinute: config.publicPagesPerMinute })
    await pages.register(forms, { bodyLimit: FORM_BODY_LIMIT })
    await pages.register(csrf, { sessions: deps.sessions })
    await pages.register(views, { root: deps.root, cache: config.viewCache, logo: config.logo, translations, assets: pageAssets.urls })
    await pages.register(authentication, { savedForms: deps.savedForms })
    // Before the features: an encapsulated plugin takes the error handler its parent has when it loads.
    registerErrorPages(pages)
    await pages.register(async (features) => featureRoutes(features, { ...deps, translations }))
  })

  return app
}
