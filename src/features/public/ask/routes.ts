import { wordsFor } from '../../../platform/http/language.ts'
import type { FastifyInstance } from 'fastify'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { enquiryMeetingTypes } from '../../../vocabulary/enquiries.ts'
import { ANSWER_WITHIN_WORKING_DAYS } from '../enquiry.ts'
import { inWords } from '../fields.ts'
import { chosenCouncil, councilsOf, publicPage, publicPost, tooMany, type Councils, type PublicPageDependencies } from '../public-page.ts'
import type { PublicService } from '../service.ts'
import { askFields, askSchema } from './schema.ts'

const VIEW = 'features/public/ask/ask.njk'

/**
 * "Ask for an advocate": a parent, or someone for them with their agreement, asks without signing
 * in. The enquiry goes to the FGC Advocacy Admin team's worktray. The page that follows says what
 * happens next and when, and shows nothing that was sent.
 */
export function askRoutes(app: FastifyInstance, deps: PublicPageDependencies & { publicPages: PublicService }): void {
  const show = (councils: Councils, values: Record<string, unknown>, errors: FieldError[] = []) => ({
    councils,
    values,
    errors,
    meetingTypes: enquiryMeetingTypes.values,
  })

  app.get('/advocacy/ask', publicPage(deps), async (_request, reply) => {
    const councils = await councilsOf(deps.settings)
    if (councils.list.length === 0) return reply.callNotFound()
    return reply.view(VIEW, show(councils, {}))
  })

  app.post('/advocacy/ask', publicPost(deps), async (request, reply) => {
    const councils = await councilsOf(deps.settings)
    if (councils.list.length === 0) return reply.callNotFound()
    const t = wordsFor(reply)
    const council = chosenCouncil(councils, request.body)
    const form = parseForm(askSchema, request.body)
    if (!form.ok || !council.ok) {
      const errors = [...(form.ok ? [] : form.errors), ...(council.ok ? [] : [council.error])]
      return reply.code(400).view(VIEW, show(councils, answersOf(request.body), inWords(errors, t, askFields)))
    }
    const sent = await deps.publicPages.askForAnAdvocate(
      { authorityId: council.id, ...form.data },
      { ip: request.ip, pageLanguage: typeof reply.locals['htmlLang'] === 'string' ? reply.locals['htmlLang'] : 'en' },
    )
    if (sent.outcome === 'refused') return tooMany(reply, sent.why)
    return reply.redirect('/advocacy/ask/sent', 303)
  })

  app.get('/advocacy/ask/sent', publicPage(deps), async (_request, reply) => reply.view('features/public/ask/sent.njk', { days: ANSWER_WITHIN_WORKING_DAYS }))
}
