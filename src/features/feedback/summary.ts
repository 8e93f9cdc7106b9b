/**
 * @pure
 *
 * The service's figures from the answers people gave: for each question, how many gave each answer;
 * by the way they answered; and by how long after the meeting. No one's words and no one's name.
 */
import { channels, delayBand, delayBands, questions, scales, type Channel, type DelayBand, type QuestionName } from './questionnaire.ts'

export interface AnsweredRow {
  readonly channel: Channel
  readonly listened: string | null
  readonly understood: string | null
  readonly advocate_helped: string | null
  readonly reports_in_time: string | null
  readonly chair_met_first: string | null
  readonly days_after: number
  readonly has_words: boolean
  readonly worrying: boolean
}

const columnOf: Readonly<Record<QuestionName, keyof AnsweredRow>> = {
  listened: 'listened',
  understood: 'understood',
  advocateHelped: 'advocate_helped',
  reportsInTime: 'reports_in_time',
  chairMetFirst: 'chair_met_first',
}

export interface Summary {
  readonly responses: number
  readonly questions: readonly {
    readonly name: QuestionName
    /** Each answer on the question's scale, then "not answered". */
    readonly answers: readonly { readonly answer: string; readonly count: number }[]
    readonly notAnswered: number
  }[]
  readonly byChannel: readonly { readonly channel: Channel; readonly count: number }[]
  readonly byDelay: readonly { readonly band: DelayBand; readonly count: number }[]
  readonly withWords: number
  readonly worrying: number
}

export function summarise(rows: readonly AnsweredRow[]): Summary {
  return {
    responses: rows.length,
    questions: questions.map((question) => {
      const column = columnOf[question.name]
      return {
        name: question.name,
        answers: scales[question.scale].map((answer) => ({ answer, count: rows.filter((row) => row[column] === answer).length })),
        notAnswered: rows.filter((row) => row[column] === null).length,
      }
    }),
    byChannel: channels.map((channel) => ({ channel, count: rows.filter((row) => row.channel === channel).length })),
    byDelay: delayBands.map((band) => ({ band, count: rows.filter((row) => delayBand(row.days_after) === band).length })),
    withWords: rows.filter((row) => row.has_words).length,
    worrying: rows.filter((row) => row.worrying).length,
  }
}
