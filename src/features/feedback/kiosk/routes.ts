import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { wordsFor } from '../../../platform/http/language.ts'
import { inWords } from '../../public/fields.ts'
import { addressKey } from '../../public/limits.ts'
import { publicPage, publicPost, TooManyPostsError, type PublicPageDependencies } from '../../public/public-page.ts'
import { hashKioskToken } from '../feedback-service.ts'
import { saysSomething } from '../questionnaire.ts'
import { answerFields, answersSchema } from '../schema.ts'
import type { FeedbackService } from '../service.ts'

export const KIOSK_PATH = '/kiosk'
export const KIOSK_COOKIE = 'kiosk'

const VIEW = 'features/feedback/kiosk/kiosk.njk'

/** Answers (with mistakes, or not) one kiosk takes in an hour: a busy meeting room's, and not a flood's. */
const KIOSK_POSTS_PER_HOUR = 60

function kioskToken(request: FastifyRequest): string | undefined {
  return request.cookies[KIOSK_COOKIE]
}

/** A kiosk's pages are never kept by the browser: the back button shows the next person nothing. */
function notKept(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store')
}

/**
 * The kiosk: a shared device in the meeting room, opened by an advocacy admin for one meeting
 * (`/referrals/:id/feedback`). It asks how the meeting went in the reader's language, shows no
 * one's name or details, takes one response at a time and starts empty for the next person.
 */
export function kioskRoutes(app: FastifyInstance, deps: PublicPageDependencies & { feedback: FeedbackService }): void {
  const { feedback } = deps
  const language = (reply: FastifyReply) => (typeof reply.locals['htmlLang'] === 'string' ? reply.locals['htmlLang'] : 'en')

  app.get(KIOSK_PATH, publicPage(deps), async (request, reply) => {
    const kiosk = await feedback.kioskFor(kioskToken(request))
    if (!kiosk) return notKept(reply).view('features/feedback/kiosk/closed.njk', {})
    return notKept(reply).view(VIEW, { values: {}, errors: [] })
  })

  // A kiosk in a busy room takes many answers from one address (the council's guest network): its
  // posts are counted per kiosk, and per address only for a browser with no kiosk.
  const kioskPost = publicPost(deps)
  const perKiosk = {
    ...kioskPost,
    config: {
      public: true,
      rateLimit: {
        max: KIOSK_POSTS_PER_HOUR,
        timeWindow: 60 * 60 * 1000,
        keyGenerator: (request: FastifyRequest) => {
          const token = kioskToken(request)
          return token ? `kiosk:${hashKioskToken(token)}` : addressKey(request.ip)
        },
        errorResponseBuilder: () => new TooManyPostsError('Too many posts of the kiosk'),
      },
    },
  }

  app.post(KIOSK_PATH, perKiosk, async (request, reply) => {
    const t = wordsFor(reply)
    const form = parseForm(answersSchema, request.body)
    const errors = !form.ok ? form.errors : saysSomething(form.data) ? [] : [{ field: 'listened', message: 'feedback:errors.nothing', href: '#listened' }]
    if (!form.ok || errors.length > 0) {
      if (!(await feedback.kioskFor(kioskToken(request)))) return notKept(reply).code(403).view('features/feedback/kiosk/closed.njk', {})
      return notKept(reply)
        .code(400)
        .view(VIEW, { values: answersOf(request.body), errors: inWords(errors, t, answerFields) })
    }
    const kept = await feedback.answerOnKiosk(kioskToken(request), { answers: form.data, language: language(reply), ip: request.ip })
    if (!kept) return notKept(reply).code(403).view('features/feedback/kiosk/closed.njk', {})
    return reply.redirect(`${KIOSK_PATH}/thank-you`, 303)
  })

  app.get(`${KIOSK_PATH}/thank-you`, publicPage(deps), async (_request, reply) => notKept(reply).view('features/feedback/kiosk/thank-you.njk', {}))
}
