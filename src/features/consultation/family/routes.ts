import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { wordsFor } from '../../../platform/http/language.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { plainDate } from '../../../platform/i18n/translations.ts'
import { familyCallerOf } from '../../family/family-request.ts'
import { inWords } from '../../public/fields.ts'
import { bandQuestions } from '../consultation.ts'
import { ConsultationRefused } from '../consultation-service.ts'
import { childConsultationSchema, childFields } from '../schema.ts'
import type { FamilyConsultationService } from '../service.ts'

const FORM = 'features/consultation/family/consultation.njk'

/** The questions answered with a face, in any band. */
const questionsFaces = Object.values(bandQuestions).flatMap((questions) =>
  questions.filter((question) => question.kind === 'faces').map((question) => question.name),
)

/** What a refusal of the band's rules says to the child, by catalogue key. */
function childWords(error: ConsultationRefused): string {
  if (error.reason === 'too_long') return 'consultation:errors.tooLong'
  if (error.reason === 'needs_helper') return 'consultation:errors.needsHelper'
  return 'consultation:errors.nothing'
}

/** What a ticked list looks like, whatever shape it came back in. */
function ticked(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.filter((item): item is string => typeof item === 'string')
}

/**
 * A child's consultation before their review conference, on their own pages (issue 11, ADR 31):
 * registered in the family context, for a session whose referral is a child's own (ADR 30). The
 * form for their age in their words, who is helping, who may see the answers; then thanks. The
 * address names nothing: the consultation is the session's own child's, and a parent's session (or
 * any other) finds no page here. A second window's answers are kept on the page with the message.
 */
export function familyConsultationRoutes(app: FastifyInstance, { consultation }: { consultation: FamilyConsultationService }): void {
  const form = async (request: FastifyRequest, reply: FastifyReply, status: number, values: Record<string, unknown> = {}, errors: FieldError[] = []) => {
    const found = await consultation.familyConsultation(familyCallerOf(request))
    if (found.status === 'done') return reply.code(status === 200 ? 200 : 409).view('features/consultation/family/done.njk', { navigation: 'status' })
    return reply.code(status).view(FORM, {
      navigation: 'status',
      consultation: { ...found, date: plainDate(found.meetingDate), dueByDate: plainDate(found.dueBy) },
      questions: found.questions,
      values,
      shareTicked: ticked(values['shareWith']),
      errors,
    })
  }

  app.get('/consultation', async (request, reply) => form(request, reply, 200))

  app.get('/consultation/thank-you', async (_request, reply) => reply.view('features/consultation/family/thank-you.njk', { navigation: 'status' }))

  app.post('/consultation', async (request, reply) => {
    const t = wordsFor(reply)
    const kept = answersOf(request.body)
    const parsed = parseForm(childConsultationSchema, request.body)
    if (!parsed.ok) return form(request, reply, 400, kept, inWords(parsed.errors, t, childFields))
    let outcome: 'done' | 'already'
    try {
      outcome = await consultation.consultAsChild(familyCallerOf(request), parsed.data)
    } catch (error) {
      if (error instanceof ConsultationRefused)
        return form(request, reply, 400, kept, inWords([{ field: error.field, message: childWords(error), href: `#${error.field}` }], t, childFields))
      throw error
    }
    if (outcome === 'already') {
      // Someone sent answers first (another window, or staff): nothing changes, and what they typed stays on the page.
      const faceNames = new Set(questionsFaces)
      const typed = Object.entries(parsed.data.answers).map(([name, value]) => ({ name, value, face: faceNames.has(name) }))
      return reply.code(409).view('features/consultation/family/already.njk', { navigation: 'status', typed })
    }
    return reply.redirect('/your-advocacy/consultation/thank-you', 303)
  })
}
