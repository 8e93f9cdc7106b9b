import type { FastifyInstance, FastifyReply } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { barChart } from '../chart.ts'
import { recentQuarters, recentYears, type Period } from '../periods.ts'
import type { QuarterlyReturn } from '../quarterly-return.ts'
import { periodQuery } from '../period-query.ts'
import type { ReportsService } from '../service.ts'
import { defaultChoice, isChosen, periodSchema } from './schema.ts'

const readers = { preHandler: requireRole('analyst', 'service_manager') }

const formats = ['csv', 'xlsx'] as const

/** The chart beside the stages table: referrals by stage, this period and the one before. */
function stageChart(report: QuarterlyReturn) {
  const table = report.sections[0]?.tables.find((candidate) => candidate.id === 'stage')
  const rows = (table?.rows ?? []).filter((row) => !row.isTotal)
  return barChart({
    title: 'Referrals by stage',
    nowName: 'this period',
    beforeName: 'the period before',
    categories: rows.map((row) => ({ label: row.label, now: row.now.value, before: row.before.value })),
  })
}

/**
 * For a service manager: the address of the list of referrals behind each figure that has one, this
 * period's and the period before's, keyed by the figure (ADR 0032). A figure withheld, or of none,
 * links to nothing.
 */
function figureLinks(report: QuarterlyReturn, isDrillable: (key: string) => boolean): Record<string, { now?: string; before?: string }> {
  const links: Record<string, { now?: string; before?: string }> = {}
  const href = (key: string, period: Period) => `/reports/referrals?${new URLSearchParams({ figure: key })}&${periodQuery(period)}`
  for (const section of report.sections) {
    for (const table of section.tables) {
      if (table.unit !== 'count') continue
      for (const row of table.rows) {
        if (!isDrillable(row.key)) continue
        links[row.key] = {
          ...(row.now.value ? { now: href(row.key, report.period) } : {}),
          ...(row.before.value ? { before: href(row.key, report.previous) } : {}),
        }
      }
    }
  }
  return links
}

/** The quarterly commissioner return: a period and the one before, on screen, and as a file that withholds small numbers. */
export function quarterlyRoutes(app: FastifyInstance, { reports }: { reports: ReportsService }): void {
  const choices = (today: string) => ({ quarters: recentQuarters(today, 8), years: recentYears(today, 4) })

  app.get('/reports', readers, async (request, reply) => {
    const caller = callerOf(request)
    const today = reports.reportsToday()
    const values = queryOf(request)
    let choice = defaultChoice(today)
    if (isChosen(values)) {
      const form = parseForm(periodSchema, values)
      if (!form.ok) return reply.code(400).view('features/reports/quarterly/quarterly.njk', { values, errors: form.errors, ...choices(today) })
      choice = form.data
    }
    const report = await reports.viewQuarterlyReturn(caller, choice.period, choice.published)
    const shownValues = isChosen(values) ? values : { period: 'quarter', quarter: choice.period.key }
    return reply.view('features/reports/quarterly/quarterly.njk', {
      values: shownValues,
      report,
      chart: stageChart(report),
      periodQuery: periodQuery(report.period),
      links: reports.mayDrill(caller) ? figureLinks(report, reports.isDrillableFigure) : null,
      ...choices(today),
    })
  })

  app.get<{ Params: { format: string } }>('/reports/download/:format', readers, async (request, reply: FastifyReply) => {
    const format = formats.find((known) => known === request.params.format)
    if (!format) return reply.code(404).view('views/errors/not-found.njk', {})
    const values = queryOf(request)
    const today = reports.reportsToday()
    const form = isChosen(values) ? parseForm(periodSchema, values) : { ok: true as const, data: defaultChoice(today) }
    if (!form.ok) return reply.code(400).view('features/reports/quarterly/quarterly.njk', { values, errors: form.errors, ...choices(today) })
    if (form.data.period.kind !== 'quarter') {
      const errors = [{ field: 'period', message: 'Only a quarter’s return can be downloaded: choose a quarter', href: '#period' }]
      return reply.code(400).view('features/reports/quarterly/quarterly.njk', { values, errors, ...choices(today) })
    }
    const file = await reports.downloadQuarterlyReturn(callerOf(request), form.data.period, format)
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body)
  })
}
