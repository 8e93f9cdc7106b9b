import { barChart, type Chart } from './chart.ts'
import { withheldLikeItsParts } from './figures.ts'
import type { Period } from './periods.ts'
import { countsOf, quarterlyReturn, shown, withheldOf, type PeriodFigures, type QuarterlyReturn, type Shown } from './quarterly-return.ts'
import { voiceCounts, voiceTables, voiceWithheld, type VoiceFigures, type VoiceTables } from './voices.ts'

/**
 * @pure
 *
 * The annual evaluation (issue 13; the children's advocacy recommendations' "annual report and
 * evaluation ... both quantitative and qualitative"): a financial year's figures beside the year
 * before, counted as the quarterly return counts them; trends by quarter; the people's voices (their
 * feedback, the themes of their words, the words they agreed may be quoted); and the narrative the
 * service manager writes into its sections.
 *
 * As it leaves the service, a year is published beside its quarters (each quarter's return is
 * published on its own), so a year's figure says nothing its quarters' returns do not: it is
 * withheld when any of its quarters withholds it, when it is small, or when it differs from its
 * quarters' sum by a small number; then the return's own sums are protected as ever (ADR 0026).
 */

/** The narrative's sections, in the order the page shows them. */
export const narrativeSections = [
  { name: 'summary', heading: 'Summary', hint: 'The year in a few sentences: what the service did and for whom.' },
  { name: 'wentWell', heading: 'What went well', hint: 'What the figures and families’ words show worked.' },
  { name: 'willChange', heading: 'What we will change', hint: 'What the service will do differently next year, and how it will know.' },
  { name: 'familiesToldUs', heading: 'What families told us', hint: 'The themes of their feedback, in your words. Quote only what they agreed may be quoted.' },
] as const

export type NarrativeSection = (typeof narrativeSections)[number]['name']

export const NARRATIVE_MAX = 5000

export type Narrative = { readonly [S in NarrativeSection]: string | null }

/** One period's figures: the return's and the voices'. */
export interface PeriodEvidence {
  readonly period: Period
  readonly figures: PeriodFigures
  readonly voices: VoiceFigures
}

export interface Trend {
  readonly id: string
  readonly title: string
  readonly chart: Chart
  readonly rows: readonly { readonly quarter: string; readonly now: Shown; readonly before: Shown }[]
  /** The trend in words, for those who do not see the chart. */
  readonly summary: string
}

export interface AnnualEvaluation {
  readonly year: Period
  readonly previous: Period
  readonly published: boolean
  readonly figures: QuarterlyReturn
  readonly trends: readonly Trend[]
  readonly voices: VoiceTables
  readonly quotes: readonly string[]
}

/** The figures drawn by quarter: the return's and the voices' keys, with what they count. */
export const trendLines: readonly { readonly key: string; readonly title: string; readonly from: 'figures' | 'voices' }[] = [
  { key: 'referrals', title: 'Referrals sent', from: 'figures' },
  { key: 'timeliness.on_time', title: 'Referred on time', from: 'figures' },
  { key: 'people.supported', title: 'Parents and carers supported', from: 'figures' },
  { key: 'outcome.attended.yes', title: 'Advocates who attended the meeting', from: 'figures' },
  { key: 'children.offered', title: 'Children offered an advocate', from: 'figures' },
  { key: 'feedback.responses', title: 'Feedback given after meetings', from: 'voices' },
]

interface Counted {
  readonly figures: Map<string, number>
  readonly voices: Map<string, number>
  readonly figuresWithheld: ReadonlySet<string>
  readonly voicesWithheld: ReadonlySet<string>
}

function counted(evidence: PeriodEvidence, published: boolean): Counted {
  return {
    figures: countsOf(evidence.figures),
    voices: voiceCounts(evidence.voices),
    figuresWithheld: published ? withheldOf(evidence.figures) : new Set(),
    voicesWithheld: published ? voiceWithheld(evidence.voices) : new Set(),
  }
}

/** A year's keys to withhold beside its four quarters (each withheld as its own return withholds it). */
function yearWithheld(year: PeriodEvidence, quarters: readonly Counted[]): { figures: Set<string>; voices: Set<string> } {
  const figures = withheldLikeItsParts(
    countsOf(year.figures),
    quarters.map((quarter) => ({ counts: quarter.figures, withheld: quarter.figuresWithheld })),
  )
  const voices = withheldLikeItsParts(
    voiceCounts(year.voices),
    quarters.map((quarter) => ({ counts: quarter.voices, withheld: quarter.voicesWithheld })),
  )
  return { figures: withheldOf(year.figures, figures), voices: voiceWithheld(year.voices, voices) }
}

export function annualEvaluation(input: {
  readonly year: PeriodEvidence
  readonly previous: PeriodEvidence
  /** The year's four quarters, Q1 first, and the year before's. */
  readonly quarters: readonly PeriodEvidence[]
  readonly previousQuarters: readonly PeriodEvidence[]
  readonly quotes: readonly string[]
  readonly published: boolean
}): AnnualEvaluation {
  const { published } = input
  const quarters = input.quarters.map((quarter) => counted(quarter, published))
  const previousQuarters = input.previousQuarters.map((quarter) => counted(quarter, published))
  const nowWithheld = published ? yearWithheld(input.year, quarters) : { figures: new Set<string>(), voices: new Set<string>() }
  const beforeWithheld = published ? yearWithheld(input.previous, previousQuarters) : { figures: new Set<string>(), voices: new Set<string>() }

  const figures = quarterlyReturn({
    period: input.year.period,
    previous: input.previous.period,
    now: input.year.figures,
    before: input.previous.figures,
    published,
    withheld: { now: nowWithheld.figures, before: beforeWithheld.figures },
  })

  const trends = trendLines.map((line): Trend => {
    const value = (quarter: Counted | undefined): Shown => {
      const counts = line.from === 'figures' ? quarter?.figures : quarter?.voices
      const withheld = line.from === 'figures' ? quarter?.figuresWithheld : quarter?.voicesWithheld
      return shown(counts?.get(line.key) ?? 0, withheld?.has(line.key) ?? false)
    }
    const rows = [0, 1, 2, 3].map((index) => ({ quarter: `Q${index + 1}`, now: value(quarters[index]), before: value(previousQuarters[index]) }))
    const chart = barChart({
      title: line.title,
      nowName: input.year.period.label,
      beforeName: input.previous.period.label,
      categories: rows.map((row) => ({ label: row.quarter, now: row.now.value, before: row.before.value })),
    })
    const summary = `${line.title} by quarter, ${input.year.period.label}: ${rows.map((row) => `${row.quarter} ${row.now.text}`).join(', ')}; ${input.previous.period.label}: ${rows.map((row) => `${row.quarter} ${row.before.text}`).join(', ')}.`
    return { id: line.key.replaceAll('.', '-'), title: line.title, chart, rows, summary }
  })

  const voices = voiceTables({
    now: input.year.voices,
    before: input.previous.voices,
    nowWithheld: nowWithheld.voices,
    beforeWithheld: beforeWithheld.voices,
  })

  return { year: input.year.period, previous: input.previous.period, published, figures, trends, voices, quotes: input.quotes }
}
