import type { BoundService } from '../../platform/service-context.ts'
import type * as feedbackService from './feedback-service.ts'
import type * as laterService from './later-service.ts'
import type { FeedbackContext } from './later-service.ts'
import type * as themeService from './theme-service.ts'

/** What the feedback pages call: the service functions with their context given (composition root). */
export type FeedbackService = BoundService<
  Pick<
    typeof feedbackService & typeof laterService,
    | 'feedbackFor'
    | 'recordChoice'
    | 'enterAnswers'
    | 'openKiosk'
    | 'closeKiosks'
    | 'kioskFor'
    | 'answerOnKiosk'
    | 'feedbackSummary'
    | 'familyFeedbackWaiting'
    | 'familyFeedbackCount'
    | 'familyQuestionnaire'
    | 'answerFromOwnPages'
    | 'declineFromOwnPages'
    | 'issueCard'
    | 'revokeCards'
    | 'openCard'
    | 'answerWithCard'
    | 'feedbackWaiting'
    | 'remindLaterFeedback'
    | 'forgetOldCardGuesses'
  > &
    Pick<typeof themeService, 'themesFor' | 'addTheme' | 'themeFor' | 'changeTheme' | 'answerForCoding' | 'codeAnswer'>,
  FeedbackContext
>

/** What the family's own pages call of feedback: what waits for them, and answering it. */
export type FamilyFeedback = Pick<
  FeedbackService,
  'familyFeedbackWaiting' | 'familyFeedbackCount' | 'familyQuestionnaire' | 'answerFromOwnPages' | 'declineFromOwnPages'
>
