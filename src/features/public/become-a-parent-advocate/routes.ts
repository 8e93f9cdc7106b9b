import { wordsFor } from '../../../platform/http/language.ts'
import type { FastifyInstance } from 'fastify'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { modules, weekdays, weeklySessions } from '../../../vocabulary/advocates.ts'
import { inWords } from '../fields.ts'
import { chosenCouncil, councilsOf, publicPage, publicPost, tooMany, type Councils, type PublicPageDependencies } from '../public-page.ts'
import type { PublicService } from '../service.ts'
import { applyFields, applySchema } from './schema.ts'

const PAGES = 'features/public/become-a-parent-advocate'

/**
 * "Become a parent advocate": what the role involves, the eight weeks of training module by
 * module (the programme's own, `vocabulary/advocates.ts`), the Level 2 accreditation and
 * supervision; and the application, which puts the applicant in the coordinator's pipeline.
 */
export function becomeAParentAdvocateRoutes(app: FastifyInstance, deps: PublicPageDependencies & { publicPages: PublicService }): void {
  app.get('/advocacy/become-a-parent-advocate', publicPage(deps), async (_request, reply) => {
    const authority = await deps.settings.authorityFor(null)
    return reply.view(`${PAGES}/become-a-parent-advocate.njk`, {
      modules: modules.values,
      weeks: weeklySessions.map((module, index) => ({ number: index + 1, module })),
      contact: authority?.details ?? null,
    })
  })

  const form = (councils: Councils, values: Record<string, unknown>, errors: FieldError[] = []) => {
    const days = values['days']
    const chosenDays = Array.isArray(days) ? days : typeof days === 'string' ? [days] : []
    return { councils, values, errors, weekdays: weekdays.values, chosenDays }
  }

  app.get('/advocacy/become-a-parent-advocate/apply', publicPage(deps), async (_request, reply) => {
    const councils = await councilsOf(deps.settings)
    if (councils.list.length === 0) return reply.callNotFound()
    return reply.view(`${PAGES}/apply.njk`, form(councils, {}))
  })

  app.post('/advocacy/become-a-parent-advocate/apply', publicPost(deps), async (request, reply) => {
    const councils = await councilsOf(deps.settings)
    if (councils.list.length === 0) return reply.callNotFound()
    const t = wordsFor(reply)
    const council = chosenCouncil(councils, request.body)
    const parsed = parseForm(applySchema, request.body)
    if (!parsed.ok || !council.ok) {
      const errors = [...(parsed.ok ? [] : parsed.errors), ...(council.ok ? [] : [council.error])].map((error) =>
        error.field === 'contact' ? { ...error, href: '#phone' } : error,
      )
      return reply.code(400).view(`${PAGES}/apply.njk`, form(councils, answersOf(request.body), inWords(errors, t, applyFields)))
    }
    const { givenName, familyName, phone, email, experience, area, days, languages } = parsed.data
    const sent = await deps.publicPages.applyToBecomeAParentAdvocate(
      council.id,
      { givenName, familyName, phone, email, livedExperience: experience, areas: area ? [area] : [], availableDays: days, languages },
      { ip: request.ip },
    )
    if (sent.outcome === 'refused') return tooMany(reply, sent.why)
    return reply.redirect(`/advocacy/become-a-parent-advocate/applied`, 303)
  })

  app.get('/advocacy/become-a-parent-advocate/applied', publicPage(deps), async (_request, reply) => reply.view(`${PAGES}/applied.njk`, {}))
}
