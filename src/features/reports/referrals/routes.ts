import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { queryOf } from '../../../platform/http/query.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { periodQuery } from '../period-query.ts'
import type { ReportsService } from '../service.ts'
import { defaultChoice, isChosen, periodSchema } from '../quarterly/schema.ts'
import { figureSchema } from './schema.ts'

const managers = { preHandler: requireRole('service_manager') }
const VIEW = 'features/reports/referrals/referrals.njk'

/**
 * The referrals behind a figure of the quarterly return, for a service manager (ADR 0032):
 * `/reports/referrals?figure=<key>&period=quarter&quarter=2026-Q2&page=2`, the period as the
 * return's own chooser carries it.
 */
export function drillDownRoutes(app: FastifyInstance, { reports }: { reports: ReportsService }): void {
  const backLink = { href: '/reports', text: 'Back to the quarterly return' }

  app.get('/reports/referrals', managers, async (request, reply) => {
    const values = queryOf(request)
    const figure = parseForm(figureSchema, values)
    const period = isChosen(values) ? parseForm(periodSchema, values) : { ok: true as const, data: defaultChoice(reports.reportsToday()) }
    // The address bar has no fields to go back to: each error points to what to do instead.
    const refused = (errors: readonly FieldError[]) =>
      reply.code(400).view(VIEW, { errors: errors.map((error) => ({ ...error, href: '#what-to-do' })), backLink })
    if (!figure.ok || !period.ok) return refused([...(figure.ok ? [] : figure.errors), ...(period.ok ? [] : period.errors)])
    const list = await reports.referralsBehindFigure(callerOf(request), figure.data.figure, period.data.period, figure.data.page)
    if (list === null) return refused([{ field: 'figure', message: 'Choose a figure from the quarterly return', href: '' }])
    const query = periodQuery(list.period)
    const href = (page: number) => `/reports/referrals?${new URLSearchParams({ figure: list.figure, page: String(page) })}&${query}`
    const pagination =
      list.pages > 1
        ? {
            previous: list.page > 1 ? { href: href(list.page - 1) } : undefined,
            next: list.page < list.pages ? { href: href(list.page + 1) } : undefined,
            items: Array.from({ length: list.pages }, (_, index) => index + 1)
              .filter((page) => page === 1 || page === list.pages || Math.abs(page - list.page) <= 2)
              .map((page) => ({ number: page, href: href(page), current: page === list.page })),
          }
        : null
    return reply.view(VIEW, { list, pagination, backLink: { href: `/reports?${query}`, text: 'Back to the quarterly return' } })
  })
}
