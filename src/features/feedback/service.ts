import type { BoundService } from '../../platform/service-context.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type * as feedbackService from './feedback-service.ts'
import type * as themeService from './theme-service.ts'

/** What the feedback pages call: the service functions with their context given (composition root). */
export type FeedbackService = BoundService<
  Pick<
    typeof feedbackService,
    'feedbackFor' | 'recordChoice' | 'enterAnswers' | 'openKiosk' | 'closeKiosks' | 'kioskFor' | 'answerOnKiosk' | 'feedbackSummary'
  > &
    Pick<typeof themeService, 'themesFor' | 'addTheme' | 'themeFor' | 'changeTheme' | 'answerForCoding' | 'codeAnswer'>,
  ServiceContext
>
