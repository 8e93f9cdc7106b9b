import type { FastifyError, FastifyInstance } from 'fastify'
import { answerTooManyPosts, TooManyPostsError } from '../public/public-page.ts'
import type { SettingsService } from '../settings/service.ts'
import type { SignInService } from '../sign-in/service.ts'
import type { Translations } from '../../platform/i18n/translations.ts'
import { cardRoutes } from './card/routes.ts'
import { kioskRoutes } from './kiosk/routes.ts'
import { feedbackReferralRoutes } from './referral/routes.ts'
import type { FeedbackService } from './service.ts'
import { feedbackSummaryRoutes } from './summary/routes.ts'
import { themesRoutes } from './themes/routes.ts'
import { wordsRoutes } from './words/routes.ts'

/** Feedback after meetings: from a referral (staff), on a kiosk or with a card's code (families), and the service's figures. */
export function feedbackRoutes(
  app: FastifyInstance,
  deps: { feedback: FeedbackService; signIn: SignInService; settings: SettingsService; translations: Translations; secureCookie: boolean; baseUrl: string },
): void {
  feedbackReferralRoutes(app, deps)
  void app.register(async (kiosk) => {
    // A post refused by the kiosk's flood limit is refused before the page's own steps: in the reader's language here.
    kiosk.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error instanceof TooManyPostsError) return answerTooManyPosts(deps, request, reply)
      throw error
    })
    kioskRoutes(kiosk, deps)
    cardRoutes(kiosk, deps)
  })
  feedbackSummaryRoutes(app, deps)
  themesRoutes(app, deps)
  wordsRoutes(app, deps)
}
