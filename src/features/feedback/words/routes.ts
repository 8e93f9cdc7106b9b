import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { FeedbackService } from '../service.ts'
import { codingSchema } from './schema.ts'

type Params = { Params: { responseId: string } }

const wordsReaders = { preHandler: requireRole('advocacy_admin', 'service_manager') }

/** One free-text answer, for the advocacy service to code with themes and to say whether it may be quoted. */
export function wordsRoutes(app: FastifyInstance, { feedback }: { feedback: FeedbackService }): void {
  app.get<Params>('/feedback/words/:responseId', wordsReaders, async (request, reply) => {
    const answer = await feedback.answerForCoding(callerOf(request), request.params.responseId)
    const form = request.pageFlash.form
    const values = form?.values ?? {
      themes: answer.themeIds,
      mayQuote: answer.mayQuote ?? (answer.version === 0 ? (answer.personMayQuote ?? 'not_asked') : 'not_asked'),
      quote: answer.quote ?? (answer.version === 0 && answer.personMayQuote === 'yes' ? answer.text : ''),
    }
    return reply.view('features/feedback/words/words.njk', {
      answer,
      values: { ...values, themes: [values['themes'] ?? []].flat() },
      version: values['version'] ?? answer.version,
      errors: form?.errors,
    })
  })

  app.post<Params>('/feedback/words/:responseId', wordsReaders, async (request, reply) =>
    submitForm(request, reply, codingSchema, async ({ themes, mayQuote, quote, version }) => {
      await feedback.codeAnswer(callerOf(request), request.params.responseId, { themeIds: themes, mayQuote, quote, version })
      return { path: '/feedback', banner: { heading: 'Answer coded' } }
    }),
  )
}
