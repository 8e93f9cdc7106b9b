import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { toCsv, type Cell } from './csv.ts'
import { toXlsx } from './xlsx.ts'
import { authoritiesWithStaleFacts, bringFactsUpToDate } from './referral-facts-repository.ts'
import { previous, type Period } from './periods.ts'
import { quarterlyReturn, type PeriodFigures, type QuarterlyReturn } from './quarterly-return.ts'
import {
  childFiguresByWindow,
  childOfferFiguresByWindow,
  consultationFiguresByWindow,
  programmeFigures,
  referralAndTeamFiguresByWindow,
  selfRequestFigures,
  type Window,
} from './reports-repository.ts'

/**
 * The reports: aggregate figures for the analyst and the service manager, never a person's record.
 * Each view and each download is audited (what period, whether small numbers were withheld, which
 * format); a download always withholds them (ADR 0022).
 */

export type DownloadFormat = 'csv' | 'xlsx'

export function requireReportReader(caller: Caller): void {
  if (!hasRole(caller.user, 'analyst', 'service_manager')) throw new ForbiddenError('Only analysts and service managers read the reports')
}

/** The instant a UK day starts. UK clocks change at 01:00 UTC, never at midnight, so the offset at noon is the offset at midnight. */
export function ukMidnight(isoDate: string): Date {
  const noon = new Date(`${isoDate}T12:00:00Z`)
  const ukHourAtNoon = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(noon))
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - (ukHourAtNoon - 12) * 3_600_000)
}

export function windowOf(period: Period): Window {
  return { start: ukMidnight(period.from), end: ukMidnight(addDays(period.to, 1)), from: period.from, to: period.to }
}

/**
 * The figures of several periods at once: the referral, children's and children's offers figures in one query each for
 * every period (a quarter and its year share one pass over their referrals), the rest per period.
 */
export async function figuresFor(context: ServiceContext, authorityId: string, periods: readonly Period[]): Promise<PeriodFigures[]> {
  const windows = periods.map(windowOf)
  const [{ figures: referrals, teams }, children, childOffers, consultations, rest] = await Promise.all([
    referralAndTeamFiguresByWindow(context.db, authorityId, windows),
    childFiguresByWindow(context.db, authorityId, windows),
    childOfferFiguresByWindow(context.db, authorityId, windows),
    consultationFiguresByWindow(context.db, authorityId, windows),
    Promise.all(windows.map((window) => Promise.all([selfRequestFigures(context.db, authorityId, window), programmeFigures(context.db, authorityId, window)]))),
  ])
  return windows.map((_, index) => {
    const periodRest = rest[index]
    if (!periodRest) throw new Error('No figures for the period')
    const [requests, programme] = periodRest
    return {
      referrals: referrals[index] ?? [],
      children: children[index] ?? { referred: 0, supported: 0 },
      childOffers: { ...childOffers[index], ...consultations[index] },
      teams: teams[index] ?? [],
      requests,
      programme,
    }
  })
}

async function build(context: ServiceContext, caller: Caller, period: Period, published: boolean): Promise<QuarterlyReturn> {
  const before = previous(period)
  const [nowFigures, beforeFigures] = await figuresFor(context, caller.user.authorityId, [period, before])
  if (!nowFigures || !beforeFigures) throw new Error('No figures for the periods')
  return quarterlyReturn({ period, previous: before, now: nowFigures, before: beforeFigures, published })
}

/**
 * The job that keeps the reports' facts up to date between reports (ADR 34): every authority's
 * referrals changed since, drawn again, so the next report has little to draw and the marks do not
 * pile up where nobody reads a report. Says how many referrals it drew.
 */
export async function bringReportFactsUpToDate(context: ServiceContext): Promise<number> {
  let drawn = 0
  for (const authorityId of await authoritiesWithStaleFacts(context.db)) drawn += await bringFactsUpToDate(context.db, authorityId)
  return drawn
}

/** Today in the UK: the period chooser's starting point. */
export function reportsToday(context: ServiceContext): string {
  return londonDate(context.clock.now())
}

/** The quarterly return on screen: as it is, or (`published`) as it would be downloaded. */
export async function viewQuarterlyReturn(context: ServiceContext, caller: Caller, period: Period, published: boolean): Promise<QuarterlyReturn> {
  requireReportReader(caller)
  const report = await build(context, caller, period, published)
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'report.viewed',
    recordType: 'report',
    recordId: 'quarterly-return',
    details: { period: period.key, published },
  })
  return report
}

/** The return's rows for a file: one line per figure, with the period before and the change; then the equality splits. */
export function returnRows(report: QuarterlyReturn): Cell[][] {
  const rows: Cell[][] = [
    ['Quarterly commissioner return'],
    ['Period', report.period.label, 'Compared with', report.previous.label],
    ['Figures from 1 to 4 are withheld ([c]), and others where they would give one away.'],
    [],
    ['Section', 'Table', 'Figure', report.period.label, report.previous.label, 'Change'],
  ]
  const cell = (shown: { value: number | null; text: string }): Cell => shown.value ?? shown.text
  for (const section of report.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) rows.push([section.heading, table.caption, row.label, cell(row.now), cell(row.before), row.difference])
    }
    for (const gap of section.gaps) rows.push([section.heading, 'Not yet recorded', gap])
  }
  for (const table of report.equality) {
    rows.push([], [table.caption], ['Figure', ...table.groups.map((group) => group.label)])
    for (const row of table.rows) rows.push([row.label, ...row.cells.map(cell)])
  }
  return rows
}

/**
 * The quarterly return as a file to take away: always with small numbers withheld, and only for a
 * quarter (a year or a range published beside its quarters could be subtracted to undo what they
 * withhold; ADR 0022).
 */
export async function downloadQuarterlyReturn(
  context: ServiceContext,
  caller: Caller,
  period: Period,
  format: DownloadFormat,
): Promise<{ filename: string; contentType: string; body: string | Buffer }> {
  requireReportReader(caller)
  if (period.kind !== 'quarter') throw new ForbiddenError('Only a quarter’s return can be downloaded')
  const report = await build(context, caller, period, true)
  const rows = returnRows(report)
  const filename = `quarterly-return-${period.key}.${format}`
  const file =
    format === 'csv'
      ? { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(rows) }
      : { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(rows, 'Quarterly return') }
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'report.downloaded',
    recordType: 'report',
    recordId: 'quarterly-return',
    details: { period: period.key, format },
  })
  return file
}
