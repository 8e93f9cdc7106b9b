import type { FastifyInstance, FastifyReply } from 'fastify'
import { cleanText, parseForm } from '../../../platform/http/form-fields.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import type { Clock } from '../../../platform/time/clock.ts'
import type { FamilyAccessService } from '../access-service.ts'
import { FAMILY, FAMILY_PREFIX, familyCallerOf, familyCookieName, familyCookieOptions, tOf } from '../family-request.ts'
import { chooseWordSchema, signInSchema } from './schema.ts'

const SIGN_IN = 'features/family/sign-in/sign-in.njk'
const CHOOSE_WORD = 'features/family/sign-in/choose-word.njk'

type Answers = Record<string, unknown>

/** What was typed, to show again: control characters (a NUL) taken out, as every form does. */
function typed(body: Answers, field: string, max: number): string {
  return (cleanText(body[field]) ?? '').slice(0, max)
}

/** Field errors whose messages are catalogue keys, in the page's words. */
function inWords(reply: FastifyReply, errors: readonly FieldError[]): FieldError[] {
  const t = tOf(reply)
  return errors.map((error) => ({ ...error, message: t(`${FAMILY}:${error.message}`) }))
}

/**
 * Signing in to the family pages: the code from the letter and the word chosen at first use (or,
 * the first time, choosing it). Anyone may open these pages; they are throttled by code and by
 * address (ADR 17). The code never goes into an address or a log: it is posted, and shown back only
 * in the form it was typed into.
 */
export function familySignInRoutes(
  app: FastifyInstance,
  { access, secureCookie, idleMinutes, clock }: { access: FamilyAccessService; secureCookie: boolean; idleMinutes: number; clock: Clock },
): void {
  const signedInTo = (reply: FastifyReply, sessionId: string) => {
    reply.setCookie(familyCookieName(secureCookie), sessionId, familyCookieOptions(secureCookie))
    return reply.redirect(FAMILY_PREFIX, 303)
  }
  const minutesUntil = (until: Date) => Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 60_000))

  app.get<{ Querystring: Answers | undefined }>('/sign-in', { config: { public: true } }, async (request, reply) => {
    if (request.familyMember) return reply.redirect(FAMILY_PREFIX, 303)
    return reply.view(SIGN_IN, { values: {}, timedOut: request.query?.['timedOut'] === 'yes', idleMinutes })
  })

  app.post<{ Body: Answers | undefined }>('/sign-in', { config: { public: true } }, async (request, reply) => {
    const body = request.body ?? {}
    const show = (status: number, errors: FieldError[]) =>
      reply.code(status).view(SIGN_IN, { values: { code: typed(body, 'code', 100) }, errors: inWords(reply, errors), idleMinutes })
    const form = parseForm(signInSchema, body)
    if (!form.ok) return show(400, form.errors)
    const result = await access.familySignIn({ code: form.data.code, word: form.data.word, ip: request.ip })
    switch (result.outcome) {
      case 'signed-in':
        return signedInTo(reply, result.sessionId)
      case 'choose-word':
        return reply.view(CHOOSE_WORD, { code: form.data.code, values: {} })
      case 'word-needed':
        return show(400, [{ field: 'word', message: 'signIn.error.wordNeeded', href: '#word' }])
      case 'wait': {
        const t = tOf(reply)
        return reply.code(429).view(SIGN_IN, {
          values: { code: typed(body, 'code', 100) },
          errors: [{ field: 'code', href: '#code', message: t(`${FAMILY}:signIn.error.wait`, { minutes: minutesUntil(result.until) }) }],
          idleMinutes,
        })
      }
      case 'refused':
        return show(400, [{ field: 'code', message: 'signIn.error.refused', href: '#code' }])
    }
  })

  app.post<{ Body: Answers | undefined }>('/sign-in/word', { config: { public: true } }, async (request, reply) => {
    const body = request.body ?? {}
    const form = parseForm(chooseWordSchema, body)
    const code = typed(body, 'code', 100)
    const again = (status: number, errors: FieldError[]) => reply.code(status).view(CHOOSE_WORD, { code, values: {}, errors: inWords(reply, errors) })
    if (!form.ok) {
      // Without a code there is nothing to choose a word for: back to the start.
      if (form.errors.some((error) => error.field === 'code')) return reply.redirect(`${FAMILY_PREFIX}/sign-in`, 303)
      return again(400, form.errors)
    }
    if (form.data.confirmation.length === 0 && form.data.word.length > 0) return again(400, [{ field: 'confirmation', message: 'word.error.confirmMissing' }])
    const result = await access.chooseWord({ code: form.data.code, word: form.data.word, confirmation: form.data.confirmation, ip: request.ip })
    switch (result.outcome) {
      case 'signed-in':
        return signedInTo(reply, result.sessionId)
      case 'problem':
        return again(400, [{ field: result.problem === 'different' ? 'confirmation' : 'word', message: `word.error.${result.problem}` }])
      case 'already-chosen':
        return reply
          .code(409)
          .view(SIGN_IN, { values: { code }, errors: inWords(reply, [{ field: 'word', message: 'word.alreadyChosen', href: '#word' }]), idleMinutes })
      case 'wait':
      case 'refused':
        return reply.code(result.outcome === 'wait' ? 429 : 400).view(SIGN_IN, {
          values: {},
          errors: inWords(reply, [{ field: 'code', message: 'signIn.error.refused', href: '#code' }]),
          idleMinutes,
        })
    }
  })

  app.post('/sign-out', async (request, reply) => {
    const presented = request.cookies[familyCookieName(secureCookie)] ?? ''
    await access.familySignOut(presented, familyCallerOf(request))
    reply.clearCookie(familyCookieName(secureCookie), familyCookieOptions(secureCookie))
    return reply.redirect(`${FAMILY_PREFIX}/signed-out`, 303)
  })

  app.get('/signed-out', { config: { public: true } }, async (_request, reply) => reply.view('features/family/sign-in/signed-out.njk', {}))
}
