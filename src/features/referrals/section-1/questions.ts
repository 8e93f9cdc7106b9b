/**
 * @pure
 *
 * Section 1, the Child Protection Advocacy Referral form, as in the practice guidance's Appendix B:
 * each question a yes or no with "please specify", the preferences also in structured form for
 * matching, and safety notes. This is its one definition: the page (`section-1.njk`), the form's
 * schema (`schema.ts`), the row it is stored in (`section-one-repository.ts`), what is still missing
 * and the rows of "Check your answers" are all derived from it. Adding a question is a line here, a
 * column in a migration, and that column in `platform/db/schema.ts`.
 */

import { inWords } from '../../../platform/time/calendar.ts'
import type { ValueOf } from '../../../vocabulary/labelled.ts'
import { adjustments, consentMethods, genderPreferences, notForFamilyQuestions, type NotForFamilyQuestion } from '../../../vocabulary/referrals.ts'

type Vocabulary = { readonly values: readonly [string, ...string[]]; readonly labels: Readonly<Record<string, string>> }

/** A follow-up question shown (and needed) only when a yes/no question was answered one way. */
export interface ShownWhen {
  readonly question: string
  readonly answer: boolean
}

interface QuestionBase {
  /** The column of `section_one` the answer is kept in. */
  readonly column: string
  readonly hint?: string
  /** Only asked when another question has this answer; cleared when that question is answered the other way. */
  readonly shownWhen?: ShownWhen
  /** What "Check your answers" shows when this answer is missing or complete: see `summaryRows`. */
  readonly summary?:
    { readonly key: string } | { readonly inline: (answer: never) => string | null } | { readonly bullet: (answer: never) => readonly string[] }
}

/** What may be left unanswered in a draft but must be given before the referral can be sent. */
type Required = { readonly required?: string }

export type Question =
  | (QuestionBase & Required & { readonly kind: 'yesNo'; readonly legend: string; readonly invalid: string; readonly size: 'm' | 's' })
  | (QuestionBase & Required & { readonly kind: 'text'; readonly label: string; readonly name: string; readonly rows: number; readonly heading?: true })
  | (QuestionBase & { readonly kind: 'shortText'; readonly label: string; readonly name: string; readonly maxLength: number })
  | (QuestionBase & Required & { readonly kind: 'choice'; readonly legend: string; readonly vocabulary: Vocabulary; readonly invalid: string })
  | (QuestionBase & { readonly kind: 'choices'; readonly legend: string; readonly vocabulary: Vocabulary; readonly invalid: string })
  | (QuestionBase & { readonly kind: 'list'; readonly label: string; readonly name: string; readonly maxItems: number; readonly maxLength: number })
  | (QuestionBase &
      Required & { readonly kind: 'date'; readonly legend: string; readonly name: string; readonly notAfterToday: string; readonly inline?: true })

const q = <const T extends Record<string, Question>>(questions: T): T => questions

/** The questions, in the order the page asks them. */
export const questions = q({
  consentGiven: {
    kind: 'yesNo',
    column: 'consent_given',
    legend: 'Has the person you are referring consented to the referral?',
    hint: 'Advocacy is voluntary. An advocate cannot be allocated until the person has agreed.',
    size: 'm',
    required: 'Select yes if the person has consented to being referred',
    invalid: 'Select yes if the person has consented to being referred',
    summary: { key: 'Has the person consented to the referral?' },
  },
  consentMethod: {
    kind: 'choice',
    column: 'consent_method',
    legend: 'How did they give consent?',
    vocabulary: consentMethods,
    shownWhen: { question: 'consentGiven', answer: true },
    required: 'Select how the person gave their consent',
    invalid: 'Select how the person gave their consent',
    summary: { inline: (method: ValueOf<typeof consentMethods>) => consentMethods.labels[method].toLowerCase() },
  },
  consentDate: {
    kind: 'date',
    column: 'consent_date',
    legend: 'When did they give consent?',
    name: 'Date consent was given',
    shownWhen: { question: 'consentGiven', answer: true },
    required: 'Enter the date the person gave their consent',
    notAfterToday: 'The date consent was given must be today or in the past',
    summary: { inline: (date: string) => `on ${inWords(date)}` },
  },
  consentDetails: {
    kind: 'text',
    column: 'consent_details',
    label: 'Please specify: about their consent',
    name: 'Details about consent',
    hint: 'For example, how the person agreed, or why they have not agreed yet and when you will ask them',
    rows: 4,
    // Asked whatever the answer; needed when consent has not been given.
    required: 'Say why consent has not been obtained, and when it will be asked for',
  },
  reason: {
    kind: 'text',
    column: 'reason',
    label: 'Reason for referral',
    name: 'Reason for the referral',
    hint: 'Why an advocate would help this person take part in the meeting: for example, barriers to taking part, or a sense that nobody is on their side.',
    rows: 8,
    heading: true,
    required: 'Enter the reason for the referral',
    summary: { key: 'Reason for referral' },
  },
  hasPreference: {
    kind: 'yesNo',
    column: 'has_preference',
    legend: 'Does the person you are referring have a preference regarding the gender, cultural heritage or spoken language of their advocate?',
    size: 'm',
    required: "Select yes if the person has a preference about their advocate's gender, cultural heritage or spoken language",
    invalid: 'Select yes if the person has a preference about their advocate',
    summary: { key: "Preference about the advocate's gender, cultural heritage or spoken language" },
  },
  preferenceDetails: {
    kind: 'text',
    column: 'preference_details',
    label: 'Please specify: what they would prefer',
    name: 'Details of the preference',
    rows: 4,
    shownWhen: { question: 'hasPreference', answer: true },
    required: 'Say what the person would prefer',
  },
  preferredGender: {
    kind: 'choice',
    column: 'preferred_gender',
    legend: 'Would they prefer their advocate to be…',
    vocabulary: genderPreferences,
    shownWhen: { question: 'hasPreference', answer: true },
    invalid: 'Select a preference about the advocate’s gender',
    summary: { bullet: (gender: ValueOf<typeof genderPreferences>) => [`Advocate: ${genderPreferences.labels[gender].toLowerCase()}`] },
  },
  preferredLanguages: {
    kind: 'list',
    column: 'preferred_languages',
    label: 'Languages they would like their advocate to speak',
    name: 'Languages',
    hint: 'Separate languages with commas, for example: Spanish, Portuguese',
    maxItems: 5,
    maxLength: 50,
    shownWhen: { question: 'hasPreference', answer: true },
    summary: { bullet: (languages: readonly string[]) => (languages.length > 0 ? [`Languages: ${languages.join(', ')}`] : []) },
  },
  preferredHeritage: {
    kind: 'shortText',
    column: 'preferred_heritage',
    label: 'Cultural heritage they would like their advocate to share',
    name: 'Cultural heritage',
    maxLength: 200,
    shownWhen: { question: 'hasPreference', answer: true },
    summary: { bullet: (heritage: string) => [`Cultural heritage: ${heritage}`] },
  },
  interpreterNeeded: {
    kind: 'yesNo',
    column: 'interpreter_needed',
    legend: 'Do they need an interpreter?',
    size: 's',
    shownWhen: { question: 'hasPreference', answer: true },
    invalid: 'Select yes if the person needs an interpreter',
    summary: { bullet: (needed: boolean) => (needed ? ['Needs an interpreter'] : []) },
  },
  hasDisability: {
    kind: 'yesNo',
    column: 'has_disability',
    legend: 'Does the person you are referring have any disability, including learning needs?',
    size: 'm',
    required: 'Select yes if the person has any disability, including learning needs',
    invalid: 'Select yes if the person has any disability, including learning needs',
    summary: { key: 'Disability, including learning needs' },
  },
  disabilityDetails: {
    kind: 'text',
    column: 'disability_details',
    label: 'Please specify: the disability or learning need',
    name: 'Details of the disability or learning need',
    hint: 'What it is, and what helps',
    rows: 4,
    shownWhen: { question: 'hasDisability', answer: true },
    required: 'Say what the disability or learning need is, and what helps',
  },
  adjustments: {
    kind: 'choices',
    column: 'adjustments',
    legend: 'What helps them?',
    hint: 'Select all that apply',
    vocabulary: adjustments,
    shownWhen: { question: 'hasDisability', answer: true },
    invalid: 'Select the adjustments from the list',
    summary: { bullet: (chosen: readonly ValueOf<typeof adjustments>[]) => chosen.map((adjustment) => adjustments.labels[adjustment]) },
  },
  hasOtherNeeds: {
    kind: 'yesNo',
    column: 'has_other_needs',
    legend: 'Is there anything else we need to know that will help to make sure the advocacy relationship goes well?',
    hint: 'For example, meeting the advocate in person before the conference, or that continuity helps them trust people',
    size: 'm',
    required: 'Select yes if there is anything else that will help the advocacy relationship go well',
    invalid: 'Select yes if there is anything else that will help the advocacy relationship',
    summary: { key: 'Anything else that will help the advocacy relationship' },
  },
  otherNeedsDetails: {
    kind: 'text',
    column: 'other_needs_details',
    label: 'Please specify: what will help',
    name: 'What will help the advocacy relationship',
    rows: 4,
    shownWhen: { question: 'hasOtherNeeds', answer: true },
    required: 'Say what will help the advocacy relationship go well',
  },
  domesticAbuseBetweenParents: {
    kind: 'yesNo',
    column: 'domestic_abuse_between_parents',
    legend: 'Is there domestic abuse between the parents?',
    hint: "If there is, the parents will never share an advocate, and nothing about one parent will be shown to the other's advocate.",
    size: 'm',
    required: 'Select yes if there is domestic abuse between the parents',
    invalid: 'Select yes if there is domestic abuse between the parents',
    summary: { key: 'Domestic abuse between the parents, and safety notes' },
  },
  safetyNotes: {
    kind: 'text',
    column: 'safety_notes',
    label: 'Safety notes (optional unless there is domestic abuse)',
    name: 'Safety notes',
    hint: 'Anything the advocate must know to keep the person, the children and themselves safe',
    rows: 4,
    required: 'Enter the safety notes the advocacy service needs',
  },
})

export type QuestionName = keyof typeof questions

/** The answers a referrer may mark as not for the family to read (`vocabulary/referrals.ts`) are each a written answer of Section 1. */
export const notForFamily: readonly (QuestionName & NotForFamilyQuestion)[] = notForFamilyQuestions.values

/** Which answer a "please specify" box that is always shown is needed for. */
const neededWhen: Partial<Record<QuestionName, ShownWhen>> = {
  consentDetails: { question: 'consentGiven', answer: false },
  safetyNotes: { question: 'domesticAbuseBetweenParents', answer: true },
}

type AnswerOf<Q extends Question> = Q extends { kind: 'yesNo' }
  ? boolean | null
  : Q extends { kind: 'choice'; vocabulary: infer V extends Vocabulary }
    ? ValueOf<V> | null
    : Q extends { kind: 'choices'; vocabulary: infer V extends Vocabulary }
      ? readonly ValueOf<V>[]
      : Q extends { kind: 'list' }
        ? readonly string[]
        : string | null

/** Section 1's answers: every answer may be missing in a draft. */
export type SectionOneAnswers = { readonly [N in QuestionName]: AnswerOf<(typeof questions)[N]> }

const names = Object.keys(questions) as QuestionName[]

function question(name: QuestionName): Question {
  return questions[name]
}

function isEmpty(answer: unknown): boolean {
  return answer === null || answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)
}

export const emptySectionOne: SectionOneAnswers = Object.fromEntries(
  names.map((name) => {
    const kind = question(name).kind
    return [name, kind === 'choices' || kind === 'list' ? [] : null]
  }),
) as unknown as SectionOneAnswers

function answerOf(answers: SectionOneAnswers, name: string): unknown {
  return (answers as Readonly<Record<string, unknown>>)[name]
}

function holds(answers: SectionOneAnswers, when: ShownWhen): boolean {
  return answerOf(answers, when.question) === when.answer
}

/** Whether a follow-up is hidden: its question was answered the other way. Unanswered, it is kept. */
function hidden(answers: SectionOneAnswers, name: QuestionName): boolean {
  const when = question(name).shownWhen
  if (!when) return false
  const answer = answerOf(answers, when.question)
  return answer !== null && answer !== when.answer
}

/**
 * The answers as they are kept: a follow-up to a question answered the other way is cleared (the
 * consent method of someone who has not consented), so what is kept is what the referral says.
 */
export function settled(answers: SectionOneAnswers): SectionOneAnswers {
  return Object.fromEntries(names.map((name) => [name, hidden(answers, name) ? emptySectionOne[name] : answers[name]])) as unknown as SectionOneAnswers
}

export interface MissingAnswer {
  readonly field: string
  readonly message: string
  readonly href: string
}

/**
 * What still has to be answered before Section 1 is finished, one message per question, in the
 * order the page asks them. A draft may be saved with any of these missing.
 */
export function missingAnswers(answers: SectionOneAnswers, today: string): MissingAnswer[] {
  const missing: MissingAnswer[] = []
  for (const name of names) {
    const asked = question(name)
    const href = asked.kind === 'date' ? `#${name}-day` : `#${name}`
    const when = asked.shownWhen ?? neededWhen[name]
    if (when && !holds(answers, when)) continue
    const answer = answerOf(answers, name)
    if ('required' in asked && asked.required && isEmpty(answer)) missing.push({ field: name, message: asked.required, href })
    else if (asked.kind === 'date' && typeof answer === 'string' && answer > today) missing.push({ field: name, message: asked.notAfterToday, href })
  }
  return missing
}

export interface SummaryRow {
  readonly key: string
  /** The answer: "Yes: verbally, on 3 March 2026", "Not answered", or the text written. */
  readonly answer: string
  /** Whether `answer` is text someone wrote (kept with its line breaks). */
  readonly written: boolean
  /** The "please specify" text that goes with it. */
  readonly details: readonly string[]
  /** Its structured follow-ups, one line each ("Languages: Spanish"). */
  readonly bullets: readonly string[]
}

function yesNoWords(answer: unknown): string {
  return answer === true ? 'Yes' : answer === false ? 'No' : 'Not answered'
}

/** "Check your answers": one row per question of Appendix B, with its follow-ups and details. */
export function summaryRows(answers: SectionOneAnswers): SummaryRow[] {
  const rows: { key: string; answer: string; written: boolean; inline: string[]; details: string[]; bullets: string[] }[] = []
  for (const name of names) {
    const asked = question(name)
    const answer = answerOf(answers, name)
    const summary = asked.summary
    if (summary && 'key' in summary) {
      const written = asked.kind === 'text'
      rows.push({
        key: summary.key,
        answer: written ? ((answer as string | null) ?? 'Not answered') : yesNoWords(answer),
        written: written && !isEmpty(answer),
        inline: [],
        details: [],
        bullets: [],
      })
      continue
    }
    const row = rows.at(-1)
    if (!row || isEmpty(answer) || (asked.shownWhen && !holds(answers, asked.shownWhen))) continue
    if (summary && 'inline' in summary) {
      const text = (summary.inline as (value: unknown) => string | null)(answer)
      if (text) row.inline.push(text)
    } else if (summary && 'bullet' in summary) row.bullets.push(...(summary.bullet as (value: unknown) => readonly string[])(answer))
    else if (typeof answer === 'string') row.details.push(answer)
  }
  return rows.map(({ inline, ...row }) => ({ ...row, answer: inline.length > 0 ? `${row.answer}: ${inline.join(', ')}` : row.answer }))
}

export type PageQuestion = Question & { readonly name: QuestionName; readonly followUps: readonly PageQuestion[] }

/** The questions as the page asks them: each yes/no question with the follow-ups its "Yes" reveals. */
export function pageQuestions(): PageQuestion[] {
  const top: PageQuestion[] = []
  const byName = new Map<string, { followUps: PageQuestion[] }>()
  for (const name of names) {
    const entry = { ...question(name), name, followUps: [] as PageQuestion[] }
    byName.set(name, entry)
    const when = question(name).shownWhen
    const parent = when ? byName.get(when.question) : undefined
    if (parent) parent.followUps.push(entry)
    else top.push(entry)
  }
  return top
}
