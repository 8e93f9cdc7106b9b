import { narrativeSections, type AnnualEvaluation, type Narrative } from './annual-evaluation.ts'
import type { PdfBlock, PdfReport } from './pdf.ts'
import type { FigureTable } from './quarterly-return.ts'

/**
 * @pure
 *
 * The annual evaluation as a document to take away (the PDF): the page's content in the page's
 * order and words (the narrative, the figures with their share and change, the trends by quarter,
 * the people's voices and the words they agreed may be quoted, the equality splits), always as it
 * leaves the service, small numbers withheld. No chart: each chart's table carries its figures.
 */

export const WITHHELD_NOTE = 'Figures from 1 to 4 are withheld ([c]), and others where they would give one away, here or beside the quarterly returns.'

function paragraphsOf(text: string | null): PdfBlock[] {
  if (!text) return [{ kind: 'paragraph', text: 'Not written yet.' }]
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => ({ kind: 'paragraph', text: part }))
}

function figureTable(table: FigureTable, nowName: string, beforeName: string): PdfBlock {
  const days = (shown: { value: number | null; text: string }) => shown.text + (table.unit === 'days' && shown.value !== null ? ' days' : '')
  return {
    kind: 'table',
    caption: table.caption,
    head: ['Figure', nowName, 'Share', beforeName, 'Change'],
    rows: table.rows.map((row) => [row.label, days(row.now), row.share, days(row.before), row.change]),
  }
}

export function evaluationDocument(evaluation: AnnualEvaluation, narrative: Narrative): PdfReport {
  const { year, previous } = evaluation
  const narrativeOf = (name: (typeof narrativeSections)[number]['name'], level: 2 | 3): PdfBlock[] => {
    const section = narrativeSections.find((candidate) => candidate.name === name)
    return section ? [{ kind: 'heading', level, text: section.heading }, ...paragraphsOf(narrative[name])] : []
  }
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: `Annual evaluation ${year.label}` },
    { kind: 'paragraph', text: `${year.label}, compared with ${previous.label}. ${WITHHELD_NOTE}` },
    ...narrativeSections.filter((section) => section.name !== 'familiesToldUs').flatMap((section) => narrativeOf(section.name, 2)),
  ]
  for (const section of evaluation.figures.sections) {
    blocks.push({ kind: 'heading', level: 2, text: section.heading })
    for (const table of section.tables) blocks.push(figureTable(table, year.label, previous.label))
    for (const gap of section.gaps) blocks.push({ kind: 'paragraph', text: `Not yet recorded: ${gap}` })
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Trends by quarter' })
  for (const trend of evaluation.trends) {
    blocks.push({
      kind: 'table',
      caption: `${trend.title} by quarter`,
      head: ['Quarter', year.label, previous.label],
      rows: trend.rows.map((row) => [row.quarter, row.now.text, row.before.text]),
    })
  }
  blocks.push({ kind: 'heading', level: 2, text: 'The people’s voices' }, ...narrativeOf('familiesToldUs', 3))
  const { voices } = evaluation
  for (const table of [voices.answers, ...voices.questions, voices.channels, voices.delays, voices.themes])
    blocks.push(figureTable(table, year.label, previous.label))
  blocks.push({ kind: 'heading', level: 3, text: 'In their words' })
  if (evaluation.quotes.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'Words people agreed may be used, without their name. The advocacy service took out anything that could show who they are.',
    })
    for (const quote of evaluation.quotes) blocks.push({ kind: 'quote', text: quote })
  } else blocks.push({ kind: 'paragraph', text: 'Nobody agreed their words may be quoted this year.' })
  blocks.push({ kind: 'heading', level: 2, text: 'Equality' })
  for (const table of evaluation.figures.equality) {
    blocks.push({
      kind: 'table',
      caption: table.caption,
      head: ['Figure', ...table.groups.map((group) => group.label)],
      rows: table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]),
    })
  }
  return { title: `Annual evaluation ${year.label}`, language: 'en-GB', blocks }
}
