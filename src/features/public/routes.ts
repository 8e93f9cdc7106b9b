import type { FastifyError, FastifyInstance } from 'fastify'
import { NotFoundError } from '../../platform/errors.ts'
import { answerInTheirLanguage, readerRefusalOf } from '../../platform/http/reader-errors.ts'
import type { Translations } from '../../platform/i18n/translations.ts'
import type { SettingsService } from '../settings/service.ts'
import { advocacyRoutes } from './advocacy/routes.ts'
import { askRoutes } from './ask/routes.ts'
import { becomeAParentAdvocateRoutes } from './become-a-parent-advocate/routes.ts'
import { enquiriesRoutes } from './enquiries/routes.ts'
import { enquiryRoutes } from './enquiry/routes.ts'
import { answerTooManyPosts, publicPage, TooManyPostsError } from './public-page.ts'
import type { PublicService } from './service.ts'

/**
 * The pages anyone can read without signing in, in their own language (`/advocacy…`), and the
 * advocacy service's own pages for the enquiries they send (`/enquiries…`).
 */
export function publicRoutes(
  app: FastifyInstance,
  deps: { publicPages: PublicService; settings: SettingsService; translations: Translations; secureCookie: boolean },
): void {
  void app.register(async (pages) => {
    // A post refused by the per-address limit is refused before the page's own steps: its page is
    // put into the reader's language here; anything else but a refusal goes on to the service's error pages.
    // A page that is not there, not open to them, or asked for too often is refused in their language too.
    pages.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error instanceof TooManyPostsError) return answerTooManyPosts(deps, request, reply)
      const refusal = readerRefusalOf(error)
      if (refusal) return answerInTheirLanguage(deps, refusal, request, reply)
      throw error
    })
    advocacyRoutes(pages, deps)
    askRoutes(pages, deps)
    becomeAParentAdvocateRoutes(pages, deps)
    // Any other address under /advocacy is not found, in the reader's language.
    pages.get('/advocacy/*', publicPage(deps), async () => {
      throw new NotFoundError('No such public page')
    })
  })
  enquiriesRoutes(app, deps)
  enquiryRoutes(app, deps)
}
