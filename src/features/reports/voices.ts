import { percentage, suppress, type Relation } from './figures.ts'
import { changeWords, differenceOf, shown, type FigureRow, type FigureTable } from './quarterly-return.ts'

/**
 * @pure
 *
 * The people's voices in the reports (issues 11 and 13): feedback by question, by the way people
 * answered and by how long after the meeting; the themes the advocacy service coded their words
 * with; for a period and the one before. Counts only: the sums they publish are declared so that
 * the small-number rule (`figures.ts`) keeps a withheld figure from being worked out.
 */

/** One period's voices, as the reports' repository counts them. */
export interface VoiceFigures {
  /** `feedback.responses`, `feedback.listened.yes`, `feedback.channel.kiosk`, `feedback.delay.same_day`, `feedback.words`… */
  readonly feedback: Readonly<Record<string, number>>
  readonly themes: readonly { readonly id: string; readonly name: string; readonly retired: boolean; readonly count: number }[]
  /** Answers coded with themes (at least one, or none chosen but coded). */
  readonly coded: number
}

type Line = readonly [key: string, label: string]

const felt: Line[] = [
  ['yes', 'Yes'],
  ['a_bit', 'A bit'],
  ['no', 'No'],
  ['not_answered', 'Not answered'],
]
const happened: Line[] = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'Not sure'],
  ['not_answered', 'Not answered'],
]

/** The questions people were asked after a meeting, in the words the questionnaire asks them. */
export const questionLines: readonly { readonly column: string; readonly question: string; readonly answers: readonly Line[] }[] = [
  { column: 'listened', question: 'Did you feel listened to?', answers: felt },
  { column: 'understood', question: 'Did you understand what was decided, and why?', answers: felt },
  { column: 'advocate_helped', question: 'Did your advocate help you?', answers: felt },
  { column: 'reports_in_time', question: 'Did you get the reports in time to read them before the meeting?', answers: happened },
  { column: 'chair_met_first', question: 'Did the chair meet you before the meeting?', answers: happened },
]

export const channelLines: readonly Line[] = [
  ['feedback.channel.kiosk', 'On the kiosk in the room'],
  ['feedback.channel.own_pages', 'From their own pages'],
  ['feedback.channel.card', 'With the code on a card'],
  ['feedback.channel.debrief', 'At the debrief with their advocate'],
  ['feedback.channel.paper', 'On paper'],
]

export const delayLines: readonly Line[] = [
  ['feedback.delay.same_day', 'On the day'],
  ['feedback.delay.within_a_week', 'Within a week'],
  ['feedback.delay.within_a_month', 'Within a month'],
  ['feedback.delay.later', 'Later'],
]

const RESPONSES = 'feedback.responses'

export function themeKey(id: string): string {
  return `theme.${id}`
}

/** Every count of one period's voices, flat. */
export function voiceCounts(figures: VoiceFigures): Map<string, number> {
  const counts = new Map<string, number>(Object.entries(figures.feedback))
  counts.set('themes.coded', figures.coded)
  for (const theme of figures.themes) counts.set(themeKey(theme.id), theme.count)
  return counts
}

/** The sums the voices publish: each question's answers, the ways and the delays add up to all answers. */
export function voiceRelations(): Relation[] {
  return [
    ...questionLines.map((question) => ({ total: RESPONSES, parts: question.answers.map(([answer]) => `feedback.${question.column}.${answer}`) })),
    { total: RESPONSES, parts: channelLines.map(([key]) => key) },
    { total: RESPONSES, parts: delayLines.map(([key]) => key) },
  ]
}

/** The keys of one period's voices to withhold as they leave the service (`initial`: withheld already, for another reason). */
export function voiceWithheld(figures: VoiceFigures, initial: Iterable<string> = []): Set<string> {
  return suppress(voiceCounts(figures), voiceRelations(), initial)
}

export interface VoiceTables {
  readonly answers: FigureTable
  readonly questions: readonly FigureTable[]
  readonly channels: FigureTable
  readonly delays: FigureTable
  readonly themes: FigureTable
}

/** The voices' tables for a period beside the one before; withheld figures show as `[c]`. */
export function voiceTables(input: {
  readonly now: VoiceFigures
  readonly before: VoiceFigures
  readonly nowWithheld: ReadonlySet<string>
  readonly beforeWithheld: ReadonlySet<string>
}): VoiceTables {
  const nowCounts = voiceCounts(input.now)
  const beforeCounts = voiceCounts(input.before)
  const row = (key: string, label: string, total: string | null): FigureRow => {
    const now = shown(nowCounts.get(key) ?? 0, input.nowWithheld.has(key))
    const before = shown(beforeCounts.get(key) ?? 0, input.beforeWithheld.has(key))
    const whole = total === null ? null : shown(nowCounts.get(total) ?? 0, input.nowWithheld.has(total))
    const part = whole === null || whole.value === null || now.value === null ? null : percentage(now.value, whole.value)
    return {
      key,
      label,
      now,
      before,
      change: changeWords(before, now),
      difference: differenceOf(before, now),
      share: part === null ? '' : `${part}%`,
      isTotal: total === null,
    }
  }
  const table = (id: string, caption: string, total: Line, lines: readonly Line[]): FigureTable => ({
    id,
    caption,
    unit: 'count',
    rows: [row(total[0], total[1], null), ...lines.map(([key, label]) => row(key, label, total[0]))],
  })
  // A theme no one was coded with in either period, and that is retired, is left out.
  const themes = [...new Map([...input.before.themes, ...input.now.themes].map((theme) => [theme.id, theme])).values()]
    .filter((theme) => !theme.retired || (nowCounts.get(themeKey(theme.id)) ?? 0) > 0 || (beforeCounts.get(themeKey(theme.id)) ?? 0) > 0)
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    answers: table(
      'feedback-answers',
      'Feedback given after meetings',
      [RESPONSES, 'Answers given'],
      [
        ['feedback.words', 'Wrote in their own words'],
        ['themes.coded', 'Words coded with themes'],
      ],
    ),
    questions: questionLines.map((question) =>
      table(
        `feedback-${question.column}`,
        question.question,
        [RESPONSES, 'Answers given'],
        question.answers.map(([answer, label]): Line => [`feedback.${question.column}.${answer}`, label]),
      ),
    ),
    channels: table('feedback-channel', 'How people gave their feedback', [RESPONSES, 'Answers given'], channelLines),
    delays: table('feedback-delay', 'How long after the meeting', [RESPONSES, 'Answers given'], delayLines),
    themes: table(
      'themes',
      'Themes in what families wrote (one answer may have several)',
      ['themes.coded', 'Words coded with themes'],
      themes.map((theme): Line => [themeKey(theme.id), theme.retired ? `${theme.name} (retired)` : theme.name]),
    ),
  }
}
