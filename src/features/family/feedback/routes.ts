import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { inWords } from '../../public/fields.ts'
import { saysSomething } from '../../feedback/questionnaire.ts'
import { answerFields, answersSchema } from '../../feedback/schema.ts'
import type { FamilyFeedback } from '../../feedback/service.ts'
import type { FamilyAnswerer } from '../../feedback/later-service.ts'
import { FAMILY_PREFIX, familyCallerOf, tOf } from '../family-request.ts'

type Params = { Params: { meetingId: string } }

const QUESTIONS = 'features/family/feedback/questions.njk'
const FINISHED = 'features/family/feedback/finished.njk'

/** The family member on this request, as the feedback feature asks for them: their referral, their code, where they are. */
export function familyAnswererOf(request: FastifyRequest): FamilyAnswerer {
  const { member, ip } = familyCallerOf(request)
  return { authorityId: member.authorityId, referralId: member.referralId, codeId: member.codeId, ip }
}

function pageLanguage(reply: FastifyReply): string {
  return typeof reply.locals['htmlLang'] === 'string' ? reply.locals['htmlLang'] : 'en'
}

/**
 * Answering later from their own pages (issue 11): the meetings whose feedback waits for them, the
 * questions for one in their language (words and faces, as on the kiosk), saying no, and thanks.
 * Only their own referral's meeting opens; any other is "not found". A second window's post is told
 * it was already given, and keeps nothing.
 */
export function familyFeedbackRoutes(app: FastifyInstance, { feedback }: { feedback: FamilyFeedback }): void {
  app.get('/feedback', async (request, reply) => {
    const waiting = await feedback.familyFeedbackWaiting(familyAnswererOf(request))
    return reply.view('features/family/feedback/list.njk', {
      navigation: 'status',
      waiting: waiting.map((meeting) => ({ ...meeting, date: new Date(`${meeting.meetingDate}T12:00:00Z`) })),
    })
  })

  app.get('/feedback/thank-you', async (request, reply) =>
    reply.view('features/family/feedback/thank-you.njk', { navigation: 'status', declined: (request.query as Record<string, unknown>)['declined'] === 'yes' }),
  )

  const show = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    status: number,
    values: Record<string, unknown> = {},
    errors: FieldError[] = [],
  ) => {
    const found = await feedback.familyQuestionnaire(familyAnswererOf(request), request.params.meetingId)
    if (found.status === 'finished') return reply.code(status === 200 ? 200 : 409).view(FINISHED, { navigation: 'status' })
    return reply.code(status).view(QUESTIONS, {
      navigation: 'status',
      meeting: { ...found.meeting, date: new Date(`${found.meeting.meetingDate}T12:00:00Z`) },
      values,
      errors,
    })
  }

  app.get<Params>('/feedback/:meetingId', async (request, reply) => show(request, reply, 200))

  app.post<Params>('/feedback/:meetingId', async (request, reply) => {
    const form = parseForm(answersSchema, request.body)
    const errors = !form.ok ? form.errors : saysSomething(form.data) ? [] : [{ field: 'listened', message: 'feedback:errors.nothing', href: '#listened' }]
    if (!form.ok || errors.length > 0) return show(request, reply, 400, answersOf(request.body), inWords(errors, tOf(reply), answerFields))
    const outcome = await feedback.answerFromOwnPages(familyAnswererOf(request), request.params.meetingId, {
      answers: form.data,
      language: pageLanguage(reply),
    })
    if (outcome === 'finished') return reply.code(409).view(FINISHED, { navigation: 'status' })
    return reply.redirect(`${FAMILY_PREFIX}/feedback/thank-you`, 303)
  })

  app.post<Params>('/feedback/:meetingId/decline', async (request, reply) => {
    const outcome = await feedback.declineFromOwnPages(familyAnswererOf(request), request.params.meetingId)
    if (outcome === 'finished') return reply.code(409).view(FINISHED, { navigation: 'status' })
    return reply.redirect(`${FAMILY_PREFIX}/feedback/thank-you?declined=yes`, 303)
  })
}
