import { access } from 'node:fs/promises'
import { join } from 'node:path'
import view from '@fastify/view'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import nunjucks from 'nunjucks'
import { roleNames } from '../auth/roles.ts'
import type { Translations } from '../i18n/translations.ts'
import type { PageAssetName } from './page-assets.ts'
import * as filters from './view-filters.ts'

declare module 'fastify' {
  interface FastifyReply {
    cspNonce: { script: string; style: string }
    /** What every template sees besides its own data (set by @fastify/view's `locals`). */
    locals: Record<string, unknown>
  }
}

export interface ViewOptions {
  /** The project's root folder: `src/` and `node_modules/` are found beneath it. */
  readonly root: string
  /** Compile templates once and keep them. */
  readonly cache: boolean
  /** The council's logo, a file in `src/assets/logos/` (checked to be there at start), or none. */
  readonly logo?: string | null
  /** The message catalogues: every page has English's `t`; family pages switch it (language.ts). */
  readonly translations: Translations
  /** Where the files every page links to are (fingerprinted: page-assets.ts). */
  readonly assets: Readonly<Record<PageAssetName, string>>
}

export const SERVICE_NAME = 'Alongside'

/**
 * Nunjucks with GOV.UK Frontend and MOJ Frontend on its search path. Templates escape everything
 * unless told otherwise; every page gets the nonce for its inline script, the form token and who is
 * signed in.
 */
export const views = fp(
  async (app: FastifyInstance, { root, cache, logo = null, translations, assets }: ViewOptions) => {
    const english = translations.translator('en')
    if (logo)
      await access(join(root, 'src/assets/logos', logo)).catch(() => {
        throw new Error(`LOGO names src/assets/logos/${logo}, which is not there`)
      })
    await app.register(view, {
      engine: { nunjucks },
      templates: [join(root, 'src'), join(root, 'node_modules/govuk-frontend/dist'), join(root, 'node_modules/@ministryofjustice/frontend')],
      production: cache,
      options: {
        autoescape: true,
        throwOnUndefined: false,
        trimBlocks: true,
        lstripBlocks: true,
        noCache: !cache,
        onConfigure(env: nunjucks.Environment) {
          env.addFilter('trim', filters.trim)
          env.addFilter('formatDate', filters.formatDate)
          env.addFilter('formatShortDate', filters.formatShortDate)
          env.addFilter('formatDayAndDate', filters.formatDayAndDate)
          env.addFilter('formatDateTime', filters.formatDateTime)
          env.addFilter('formatTime', filters.formatTime)
          env.addFilter('formatClockTime', filters.formatClockTime)
          env.addFilter('mojDate', filters.mojDate)
          env.addFilter('fieldError', filters.fieldError)
          env.addFilter('errorSummaryList', filters.errorSummaryList)
          env.addFilter('plural', filters.plural)
          env.addFilter('labelledCells', filters.labelledCells)
          env.addGlobal('serviceName', SERVICE_NAME)
          env.addGlobal('assets', assets)
          env.addGlobal('roleNames', roleNames)
          env.addGlobal('logo', logo ? `/assets/logos/${logo}` : null)
        },
      },
    })

    app.addHook('onRequest', async (request, reply) => {
      reply.locals = {
        ...reply.locals,
        cspNonce: reply.cspNonce?.script,
        csrfToken: request.csrfToken(),
        user: request.user,
        currentPath: request.url.split('?')[0],
        t: english.t,
        htmlLang: 'en',
        dir: 'ltr',
      }
    })

    app.addHook('preHandler', async (request, reply) => {
      const { banner, form } = request.pageFlash
      if (banner) reply.locals = { ...reply.locals, banner }
      if (form?.notice === 'timed-out') {
        reply.locals = {
          ...reply.locals,
          banner: {
            type: 'important',
            heading: 'We kept your answers',
            text: 'You were signed out before they were saved. Check them, then save again.',
          },
        }
      }
    })
  },
  { name: 'views', dependencies: ['csrf'] },
)
