/**
 * @pure
 *
 * The questions a person is asked after a meeting they were supported at (issue 11; the
 * participation protocol's "questionnaires about how they felt the meeting went"), the answers each
 * may have, the ways a person can answer, and the words in a free-text answer that a person at the
 * advocacy service should read. Words for families come from the `feedback` catalogue by key.
 */

/** The answer scale a person picks from, in words or as a picture (a face). */
export const scales = {
  /** Yes / a bit / no: how it felt. */
  felt: ['yes', 'a_bit', 'no'],
  /** Yes / no / not sure: whether something happened. */
  happened: ['yes', 'no', 'not_sure'],
} as const

export type Scale = keyof typeof scales

export const questions = [
  { name: 'listened', scale: 'felt' },
  { name: 'understood', scale: 'felt' },
  { name: 'advocateHelped', scale: 'felt' },
  { name: 'reportsInTime', scale: 'happened' },
  { name: 'chairMetFirst', scale: 'happened' },
] as const satisfies readonly { name: string; scale: Scale }[]

export type QuestionName = (typeof questions)[number]['name']

export type Answers = { readonly [Q in (typeof questions)[number] as Q['name']]: (typeof scales)[Q['scale']][number] | null } & {
  /** What would have made it better, in their words. */
  readonly better: string | null
  /** Whether their words may be used, without their name, to help make things better (not asked about the meeting, so not in `questions`). */
  readonly mayQuote: (typeof quoteAnswers)[number] | null
}

/** The answers to "Can we use your words, without your name, to help make things better?". */
export const quoteAnswers = ['yes', 'no'] as const

/** How a person gave their answers. */
export const channels = ['kiosk', 'own_pages', 'card', 'debrief', 'paper'] as const
export type Channel = (typeof channels)[number]

/** What the person chose when asked how it went. */
export const feedbackStates = ['later', 'declined', 'given'] as const
export type FeedbackState = (typeof feedbackStates)[number]

/** The longest free-text answer kept. */
export const BETTER_MAX = 1000

/**
 * Words that say someone may not be safe. A free-text answer with any of them is flagged for a
 * person at the advocacy service to read at once; it is never acted on by the machine alone.
 */
const WORRYING = [
  'abuse',
  'abused',
  'afraid',
  'attack',
  'beat',
  'beaten',
  'danger',
  'dangerous',
  'die',
  'hit',
  'hits',
  'hurt',
  'hurting',
  'kill',
  'knife',
  'overdose',
  'rape',
  'scared',
  'self-harm',
  'suicide',
  'threat',
  'threatened',
  'unsafe',
  'violence',
  'violent',
  'weapon',
  // Spanish
  'abuso',
  'miedo',
  'peligro',
  'pegar',
  'pega',
  'suicidio',
  'amenaza',
  'violencia',
  // Arabic
  'خطر',
  'خوف',
  'عنف',
  'ضرب',
  'انتحار',
  'تهديد',
] as const

/** The worrying words in a free-text answer, each once, as written in the list. */
export function worryingWords(text: string | null): string[] {
  if (!text) return []
  const words = new Set(
    text
      .toLocaleLowerCase()
      .normalize('NFC')
      .split(/[^\p{L}\p{M}-]+/u)
      .filter(Boolean),
  )
  const phrases = text.toLocaleLowerCase()
  return WORRYING.filter((word) => words.has(word) || (word.includes('-') && phrases.includes(word)))
}

/** Whole days from the meeting to the answer (UK dates, `YYYY-MM-DD`): 0 on the day. */
export function daysAfterMeeting(meetingDate: string, answeredOn: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  return Math.max(0, Math.round(day(answeredOn) - day(meetingDate)))
}

/** How long after the meeting, in the bands the service reads its figures by. */
export const delayBands = ['same_day', 'within_a_week', 'within_a_month', 'later'] as const
export type DelayBand = (typeof delayBands)[number]

export function delayBand(daysAfter: number): DelayBand {
  if (daysAfter <= 0) return 'same_day'
  if (daysAfter <= 7) return 'within_a_week'
  if (daysAfter <= 31) return 'within_a_month'
  return 'later'
}

/** Whether an answer says anything at all: every question may be left, but not all of them. */
export function saysSomething(answers: Answers): boolean {
  return questions.some((question) => answers[question.name] !== null) || Boolean(answers.better)
}
