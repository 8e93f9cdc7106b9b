import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ConflictError, ForbiddenError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { annualEvaluation, type AnnualEvaluation, type Narrative, type PeriodEvidence } from './annual-evaluation.ts'
import { toCsv, type Cell } from './csv.ts'
import * as narratives from './evaluation-repository.ts'
import { financialYearOf, previous, quarter, type Period } from './periods.ts'
import type { FigureTable, Shown } from './quarterly-return.ts'
import { figuresFor, requireReportReader, windowOf, type DownloadFormat } from './reports-service.ts'
import { voiceTables, voiceWithheld, type VoiceFigures, type VoiceTables } from './voices.ts'
import { agreedQuotes, feedbackFiguresByWindow, themeFiguresByWindow } from './voices-repository.ts'
import { evaluationDocument } from './evaluation-document.ts'
import { toPdf } from './pdf.ts'
import { toXlsx } from './xlsx.ts'

/**
 * The participation group's page and the annual evaluation (issues 11 and 13), for the analyst and
 * the service managers: aggregates, and the words people agreed may be quoted (written out by the
 * advocacy service without names), never a person's record. The narrative of each year is written
 * by a service manager, versioned and audited. Every view and download is audited; a download
 * always withholds small numbers (ADR 0022, ADR 0026).
 */

/** The most quotes a page shows. */
const QUOTES_SHOWN = 50

/** The voices of several periods, each table read once for them all. */
async function voicesFor(context: ServiceContext, authorityId: string, periods: readonly Period[]): Promise<VoiceFigures[]> {
  const windows = periods.map(windowOf)
  const [feedback, themes] = await Promise.all([
    feedbackFiguresByWindow(context.db, authorityId, windows),
    themeFiguresByWindow(context.db, authorityId, windows),
  ])
  return windows.map((_, index) => ({ feedback: feedback[index] ?? {}, themes: themes[index]?.themes ?? [], coded: themes[index]?.coded ?? 0 }))
}

/** The figures and voices of several periods: the figures in one pass for them all (`figuresFor`). */
async function evidenceFor(context: ServiceContext, authorityId: string, periods: readonly Period[]): Promise<PeriodEvidence[]> {
  const [figures, voices] = await Promise.all([figuresFor(context, authorityId, periods), voicesFor(context, authorityId, periods)])
  return periods.map((period, index) => {
    const periodFigures = figures[index]
    const periodVoices = voices[index]
    if (!periodFigures || !periodVoices) throw new Error('No evidence for the period')
    return { period, figures: periodFigures, voices: periodVoices }
  })
}

export interface Participation {
  readonly period: Period
  readonly previous: Period
  readonly published: boolean
  readonly tables: VoiceTables
  readonly quotes: readonly string[]
}

/** The participation group's page: the themes of families' words in a period beside the one before, and the words they agreed may be quoted. */
export async function viewParticipation(context: ServiceContext, caller: Caller, period: Period, published: boolean): Promise<Participation> {
  requireReportReader(caller)
  const authorityId = caller.user.authorityId
  const before = previous(period)
  const [[now, then], quotes] = await Promise.all([
    voicesFor(context, authorityId, [period, before]),
    agreedQuotes(context.db, authorityId, windowOf(period), QUOTES_SHOWN),
  ])
  if (!now || !then) throw new Error('No voices for the periods')
  const tables = voiceTables({
    now,
    before: then,
    nowWithheld: published ? voiceWithheld(now) : new Set(),
    beforeWithheld: published ? voiceWithheld(then) : new Set(),
  })
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'report.viewed',
    recordType: 'report',
    recordId: 'participation',
    details: { period: period.key, published },
  })
  return { period, previous: before, published, tables, quotes }
}

function quartersOf(year: Period): Period[] {
  const start = financialYearOf(year.from)
  return ([1, 2, 3, 4] as const).map((number) => quarter(start, number))
}

async function build(context: ServiceContext, authorityId: string, year: Period, published: boolean): Promise<AnnualEvaluation> {
  const before = previous(year)
  // The year, the year before and their eight quarters, in one pass over the two years' referrals.
  const [evidence, quotes] = await Promise.all([
    evidenceFor(context, authorityId, [year, before, ...quartersOf(year), ...quartersOf(before)]),
    agreedQuotes(context.db, authorityId, windowOf(year), QUOTES_SHOWN),
  ])
  const [now, then, ...quarterly] = evidence
  if (!now || !then) throw new Error('No evidence for the year')
  return annualEvaluation({ year: now, previous: then, quarters: quarterly.slice(0, 4), previousQuarters: quarterly.slice(4), quotes, published })
}

export interface NarrativeView {
  readonly narrative: Narrative
  readonly version: number
  readonly updatedBy: string | null
  readonly updatedAt: Date | null
}

async function narrativeOf(context: ServiceContext, authorityId: string, year: Period): Promise<NarrativeView> {
  const row = await narratives.findNarrative(context.db, authorityId, financialYearOf(year.from))
  return {
    narrative: {
      summary: row?.summary ?? null,
      wentWell: row?.went_well ?? null,
      willChange: row?.will_change ?? null,
      familiesToldUs: row?.families_told_us ?? null,
    },
    version: row?.version ?? 0,
    updatedBy: row?.updated_by_name ?? null,
    updatedAt: row?.updated_at ?? null,
  }
}

/** The annual evaluation on screen: as recorded, or (`published`) as it would leave the service; with its narrative. */
export async function viewAnnualEvaluation(
  context: ServiceContext,
  caller: Caller,
  year: Period,
  published: boolean,
): Promise<{ evaluation: AnnualEvaluation; narrative: NarrativeView; mayWrite: boolean }> {
  requireReportReader(caller)
  const [evaluation, narrative] = await Promise.all([
    build(context, caller.user.authorityId, year, published),
    narrativeOf(context, caller.user.authorityId, year),
  ])
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'report.viewed',
    recordType: 'report',
    recordId: 'annual-evaluation',
    details: { period: year.key, published },
  })
  return { evaluation, narrative, mayWrite: hasRole(caller.user, 'service_manager') }
}

function requireWriter(caller: Caller): void {
  if (!hasRole(caller.user, 'service_manager')) throw new ForbiddenError('Only a service manager writes the annual evaluation')
}

/** The narrative of a year, to write into. */
export async function narrativeFor(context: ServiceContext, caller: Caller, year: Period): Promise<NarrativeView> {
  requireWriter(caller)
  return narrativeOf(context, caller.user.authorityId, year)
}

/** Saves a year's narrative if nobody saved it since `version`; audited. */
export async function saveNarrative(context: ServiceContext, caller: Caller, year: Period, narrative: Narrative, version: number): Promise<void> {
  requireWriter(caller)
  const { db, clock } = context
  await db.transaction().execute(async (trx) => {
    const saved = await narratives.saveNarrative(trx, {
      authorityId: caller.user.authorityId,
      year: financialYearOf(year.from),
      version,
      fields: narrative,
      by: caller.user.id,
      at: clock.now(),
    })
    if (!saved) {
      const last = await narratives.findNarrative(trx, caller.user.authorityId, financialYearOf(year.from))
      throw new ConflictError('Someone else saved the narrative since you opened the page', last?.updated_by_name ?? null, last?.updated_at ?? null)
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'report.narrative-saved',
      recordType: 'report',
      recordId: 'annual-evaluation',
      details: {
        period: year.key,
        sections: Object.entries(narrative)
          .filter(([, text]) => text !== null)
          .map(([name]) => name),
      },
    })
  })
}

const cell = (figure: Shown): Cell => figure.value ?? figure.text

/** The evaluation's figures as rows for a file: the year beside the year before, the trends by quarter, the voices, the equality splits. No words. */
export function evaluationRows(evaluation: AnnualEvaluation): Cell[][] {
  const { year, previous: before } = evaluation
  const rows: Cell[][] = [
    ['Annual evaluation'],
    ['Year', year.label, 'Compared with', before.label],
    ['Figures from 1 to 4 are withheld ([c]), and others where they would give one away, here or beside the quarterly returns.'],
    [],
    ['Section', 'Table', 'Figure', year.label, before.label, 'Change'],
  ]
  const tableRows = (heading: string, table: FigureTable) => {
    for (const row of table.rows) rows.push([heading, table.caption, row.label, cell(row.now), cell(row.before), row.difference])
  }
  for (const section of evaluation.figures.sections) {
    for (const table of section.tables) tableRows(section.heading, table)
    for (const gap of section.gaps) rows.push([section.heading, 'Not yet recorded', gap])
  }
  const { voices } = evaluation
  for (const table of [voices.answers, ...voices.questions, voices.channels, voices.delays, voices.themes]) tableRows('The people’s voices', table)
  rows.push([], ['Trends by quarter'], ['Figure', 'Quarter', year.label, before.label])
  for (const trend of evaluation.trends) for (const row of trend.rows) rows.push([trend.title, row.quarter, cell(row.now), cell(row.before)])
  for (const table of evaluation.figures.equality) {
    rows.push([], [table.caption], ['Figure', ...table.groups.map((group) => group.label)])
    for (const row of table.rows) rows.push([row.label, ...row.cells.map(cell)])
  }
  return rows
}

/**
 * The annual evaluation as a file to take away, small numbers always withheld, consistently with the
 * year's quarters: its figures as CSV or Excel, or the whole evaluation as a PDF (the narrative,
 * figures, trends, voices and the words people agreed may be quoted; ADR 0026).
 */
export async function downloadAnnualEvaluation(
  context: ServiceContext,
  caller: Caller,
  year: Period,
  format: DownloadFormat | 'pdf',
): Promise<{ filename: string; contentType: string; body: string | Buffer }> {
  requireReportReader(caller)
  if (year.kind !== 'year') throw new ForbiddenError('Only a financial year’s evaluation can be downloaded')
  const filename = `annual-evaluation-${year.key}.${format}`
  let file: { filename: string; contentType: string; body: string | Buffer }
  if (format === 'pdf') {
    const [evaluation, narrative] = await Promise.all([
      build(context, caller.user.authorityId, year, true),
      narrativeOf(context, caller.user.authorityId, year),
    ])
    file = { filename, contentType: 'application/pdf', body: await toPdf(evaluationDocument(evaluation, narrative.narrative)) }
  } else {
    const rows = evaluationRows(await build(context, caller.user.authorityId, year, true))
    file =
      format === 'csv'
        ? { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(rows) }
        : { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(rows, 'Annual evaluation') }
  }
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'report.downloaded',
    recordType: 'report',
    recordId: 'annual-evaluation',
    details: { period: year.key, format },
  })
  return file
}
