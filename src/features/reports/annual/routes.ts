import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { queryOf } from '../../../platform/http/query.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { narrativeSections } from '../annual-evaluation.ts'
import { parseYearKey, recentYears, type Period } from '../periods.ts'
import type { ReportsService } from '../service.ts'
import { defaultYear, narrativeSchema, yearSchema } from './schema.ts'

const readers = { preHandler: requireRole('analyst', 'service_manager') }
const writers = { preHandler: requireRole('service_manager') }
const formats = ['csv', 'xlsx', 'pdf'] as const
const VIEW = 'features/reports/annual/annual.njk'

/**
 * The annual evaluation: a financial year beside the year before, trends by quarter, the people's
 * voices and the service manager's narrative; printable, as a PDF, and its figures as CSV or Excel.
 */
export function annualRoutes(app: FastifyInstance, { reports }: { reports: ReportsService }): void {
  const years = () => recentYears(reports.reportsToday(), 4)

  /** The year the address bar asks for (the last one ended when it asks for none), or the page's error. */
  function chosen(
    request: FastifyRequest,
  ): { ok: true; year: Period; published: boolean } | { ok: false; values: Record<string, unknown>; errors: FieldError[] } {
    const values = queryOf(request)
    if (!('year' in values) && !('published' in values)) return { ok: true, year: defaultYear(reports.reportsToday()), published: false }
    const form = parseForm(yearSchema, values)
    return form.ok ? { ok: true, ...form.data } : { ok: false, values, errors: form.errors }
  }
  const refused = (reply: FastifyReply, values: Record<string, unknown>, errors: FieldError[]) =>
    reply.code(400).view(VIEW, { values, errors, years: years(), sections: narrativeSections })

  app.get('/reports/annual', readers, async (request, reply) => {
    const choice = chosen(request)
    if (!choice.ok) return refused(reply, choice.values, choice.errors)
    const { evaluation, narrative, mayWrite } = await reports.viewAnnualEvaluation(callerOf(request), choice.year, choice.published)
    return reply.view(VIEW, {
      values: { year: choice.year.key, published: choice.published ? 'yes' : undefined },
      evaluation,
      narrative,
      mayWrite,
      sections: narrativeSections,
      years: years(),
    })
  })

  app.get<{ Params: { format: string } }>('/reports/annual/download/:format', readers, async (request, reply) => {
    const format = formats.find((known) => known === request.params.format)
    if (!format) return reply.code(404).view('views/errors/not-found.njk', {})
    const choice = chosen(request)
    if (!choice.ok) return refused(reply, choice.values, choice.errors)
    const file = await reports.downloadAnnualEvaluation(callerOf(request), choice.year, format)
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body)
  })

  /** The year a narrative's address names, or "not found". */
  const yearOf = (key: string) => (/^\d{4}$/.test(key) ? parseYearKey(key) : null)

  app.get<{ Params: { year: string } }>('/reports/annual/:year/narrative', writers, async (request, reply) => {
    const year = yearOf(request.params.year)
    if (!year) return reply.code(404).view('views/errors/not-found.njk', {})
    const view = await reports.narrativeFor(callerOf(request), year)
    const form = request.pageFlash.form
    const values = form?.values ?? { ...view.narrative }
    return reply.view('features/reports/annual/narrative.njk', {
      year,
      values,
      version: values['version'] ?? view.version,
      updatedBy: view.updatedBy,
      updatedAt: view.updatedAt,
      sections: narrativeSections,
      errors: form?.errors,
    })
  })

  app.post<{ Params: { year: string } }>('/reports/annual/:year/narrative', writers, async (request, reply) => {
    const year = yearOf(request.params.year)
    if (!year) return reply.code(404).view('views/errors/not-found.njk', {})
    return submitForm(request, reply, narrativeSchema, async ({ version, ...narrative }) => {
      await reports.saveNarrative(callerOf(request), year, narrative, version)
      return { path: `/reports/annual?year=${year.key}`, banner: { heading: 'Narrative saved' } }
    })
  })
}
