import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { wordsFor } from '../../../platform/http/language.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { inWords } from '../../public/fields.ts'
import { addressKey } from '../../public/limits.ts'
import { publicPage, publicPost, TooManyPostsError, type PublicPageDependencies } from '../../public/public-page.ts'
import type { CardAnswer } from '../later-service.ts'
import { saysSomething } from '../questionnaire.ts'
import { answerFields, answersSchema } from '../schema.ts'
import type { FeedbackService } from '../service.ts'
import { codeSchema } from './schema.ts'

export const CARD_PATH = '/feedback/card'
const CARD_COOKIE = 'feedback-card'
/** How long a browser holds a card's code between typing it and sending the answers. */
const CARD_COOKIE_SECONDS = 2 * 60 * 60

/**
 * Posts of a card's code from one address in a minute: enough for a family and their neighbours,
 * and a flood is held back for a minute at most, so it cannot keep the person with the card out.
 */
const CARD_POSTS_PER_MINUTE = 20

const VIEWS = 'features/feedback/card/'

/** A card's pages are never kept by the browser, and say nothing about anyone. */
function notKept(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store')
}

function pageLanguage(reply: FastifyReply): string {
  return typeof reply.locals['htmlLang'] === 'string' ? reply.locals['htmlLang'] : 'en'
}

/**
 * The code on a card (issue 11): anyone types it in (in the body of a post, never in an address,
 * so no log or history holds it); from the day it opens it opens the questionnaire for its meeting,
 * in the language the reader chooses, showing nothing about anyone; it works once. Between the code
 * and the answers the browser holds the code in a cookie for this path only.
 */
export function cardRoutes(app: FastifyInstance, deps: PublicPageDependencies & { feedback: FeedbackService }): void {
  const { feedback } = deps
  const cookieOptions = { path: CARD_PATH, httpOnly: true, sameSite: 'strict', secure: deps.secureCookie } as const

  const enterPage = (reply: FastifyReply, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) =>
    notKept(reply).code(status).view(`${VIEWS}enter.njk`, { values, errors })

  /** The page for a code that does not open the questions now (or the questions, for one that does). */
  const answerFor = (reply: FastifyReply, answer: CardAnswer, typed: string) => {
    const t = wordsFor(reply)
    switch (answer.kind) {
      case 'waiting':
        return notKept(reply).view(`${VIEWS}not-yet.njk`, { opensOn: new Date(`${answer.opensOn}T12:00:00Z`) })
      case 'used':
        return notKept(reply).clearCookie(CARD_COOKIE, cookieOptions).view(`${VIEWS}used.njk`, {})
      case 'wait':
        return notKept(reply).code(429).view(`${VIEWS}wait.njk`, { until: answer.until })
      case 'refused':
        return enterPage(reply.clearCookie(CARD_COOKIE, cookieOptions), 400, {}, [{ field: 'code', message: t('feedback:card.errors.code'), href: '#code' }])
      case 'open':
        return notKept(reply)
          .setCookie(CARD_COOKIE, typed, { ...cookieOptions, maxAge: CARD_COOKIE_SECONDS })
          .redirect(`${CARD_PATH}/questions`, 303)
    }
  }

  app.get(CARD_PATH, publicPage(deps), async (_request, reply) => enterPage(reply, 200))

  const post = publicPost(deps)
  const perMinute = {
    ...post,
    config: {
      public: true,
      rateLimit: {
        max: CARD_POSTS_PER_MINUTE,
        timeWindow: 60 * 1000,
        keyGenerator: (request: FastifyRequest) => `card:${addressKey(request.ip)}`,
        errorResponseBuilder: () => new TooManyPostsError('Too many posts of a card code from one address'),
      },
    },
  }

  app.post(CARD_PATH, perMinute, async (request, reply) => {
    const form = parseForm(codeSchema, request.body)
    if (!form.ok) return enterPage(reply, 400, {}, inWords(form.errors, wordsFor(reply), ['code']))
    const answer = await feedback.openCard({ code: form.data.code, ip: request.ip })
    return answerFor(reply, answer, form.data.code)
  })

  const heldCode = (request: FastifyRequest): string | undefined => {
    const held = request.cookies[CARD_COOKIE]
    return held && held.length <= 40 ? held : undefined
  }

  app.get(`${CARD_PATH}/questions`, publicPage(deps), async (request, reply) => {
    const code = heldCode(request)
    if (!code) return notKept(reply).view(`${VIEWS}closed.njk`, {})
    const answer = await feedback.openCard({ code, ip: request.ip })
    if (answer.kind !== 'open') return answerFor(reply, answer, code)
    return notKept(reply).view(`${VIEWS}questions.njk`, { values: {}, errors: [] })
  })

  app.post(`${CARD_PATH}/questions`, perMinute, async (request, reply) => {
    const code = heldCode(request)
    if (!code) return notKept(reply).code(403).view(`${VIEWS}closed.njk`, {})
    const form = parseForm(answersSchema, request.body)
    const errors = !form.ok ? form.errors : saysSomething(form.data) ? [] : [{ field: 'listened', message: 'feedback:errors.nothing', href: '#listened' }]
    if (!form.ok || errors.length > 0)
      return notKept(reply)
        .code(400)
        .view(`${VIEWS}questions.njk`, { values: answersOf(request.body), errors: inWords(errors, wordsFor(reply), answerFields) })
    const answer = await feedback.answerWithCard({ code, answers: form.data, language: pageLanguage(reply), ip: request.ip })
    if (answer.kind === 'given') return notKept(reply).clearCookie(CARD_COOKIE, cookieOptions).redirect(`${CARD_PATH}/thank-you`, 303)
    if (answer.kind === 'open') return notKept(reply).redirect(`${CARD_PATH}/questions`, 303)
    return answerFor(reply.code(answer.kind === 'used' ? 409 : 200), answer, code)
  })

  app.get(`${CARD_PATH}/thank-you`, publicPage(deps), async (_request, reply) => notKept(reply).view(`${VIEWS}thank-you.njk`, {}))
}
