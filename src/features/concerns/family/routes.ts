import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { wordsFor } from '../../../platform/http/language.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { plainDate } from '../../../platform/i18n/translations.ts'
import { londonDate } from '../../../platform/time/clock.ts'
import { familyCallerOf } from '../../family/family-request.ts'
import type { FamilyConcernsService } from '../service.ts'
import { familyConcernSchema } from './schema.ts'

/** The concerns catalogue (`src/locales/<language>/concerns.json`). */
const CONCERNS = 'concerns'

/**
 * "Tell someone now" on a person's own pages (issue 11, ADR 25): the emergency numbers first, then
 * who they are worried about and, if they want, what; then that it was received and what happens
 * next, in their language. A family session raises only its own concern (its code's referral) and
 * sees only where its own stand: the address names nothing.
 */
export function familyConcernRoutes(app: FastifyInstance, { concerns }: { concerns: FamilyConcernsService }): void {
  const language = (reply: FastifyReply) => (typeof reply.locals['htmlLang'] === 'string' ? reply.locals['htmlLang'] : 'en')

  const yours = async (request: FastifyRequest) => {
    const view = await concerns.familyConcerns(familyCallerOf(request))
    return {
      childrenServicesPhone: view.childrenServicesPhone,
      hours: view.acknowledgeHours,
      concerns: view.concerns.map((concern) => ({ raisedOn: plainDate(londonDate(concern.raisedAt)), state: concern.state })),
    }
  }

  const form = async (request: FastifyRequest, reply: FastifyReply, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) => {
    const t = wordsFor(reply)
    return reply.code(status).view('features/concerns/family/concern.njk', {
      navigation: 'concern',
      ...(await yours(request)),
      values,
      errors: errors.map((error) => ({ ...error, message: t(`${CONCERNS}:${error.message}`) })),
    })
  }

  app.get('/concern', async (request, reply) => form(request, reply, 200))

  app.post('/concern', async (request, reply) => {
    const parsed = parseForm(familyConcernSchema, request.body)
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {}
    const kept = {
      about: typeof body['about'] === 'string' ? body['about'] : '',
      words: typeof body['words'] === 'string' ? body['words'].slice(0, 20_000) : '',
    }
    if (!parsed.ok)
      return form(
        request,
        reply,
        400,
        kept,
        parsed.errors.map((error) => ({ ...error, href: error.field === 'about' ? '#about' : `#${error.field}` })),
      )
    const raised = await concerns.raiseAsFamily(familyCallerOf(request), { ...parsed.data, language: language(reply) })
    if (raised.outcome === 'raised') return reply.redirect('/your-advocacy/concern/sent', 303)
    return sent(request, reply, raised.outcome === 'added' ? 200 : 429, raised.outcome)
  })

  const sent = async (request: FastifyRequest, reply: FastifyReply, status: number, note: 'added' | 'too-many' | null) => {
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .view('features/concerns/family/sent.njk', {
        navigation: 'concern',
        ...(await yours(request)),
        note,
      })
  }

  app.get('/concern/sent', async (request, reply) => sent(request, reply, 200, null))
}
