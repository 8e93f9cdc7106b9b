/**
 * @pure
 *
 * The plain-language check: how easy a text a family will read is, and what to change. Staff see it
 * before they publish (the information pages, and any feature that lets staff write to a family:
 * call `checkPlainLanguage`); the tests run it over every English message families read.
 *
 * - **Reading age** from the Flesch–Kincaid grade (`flesch-kincaid`, with syllables counted by
 *   `syllable`: ADR 18), as a UK reading age: US grade + 5. The target is a reading age of 9 to 11,
 *   so a text meets it at 11 or under. The formula is made for English, so only English gets a
 *   reading age; every language gets the long sentences and the glossary words.
 * - **Glossary words** are counted as one short word: each is explained where a family reads it (the
 *   jargon buster), so the formula does not punish naming a meeting by its name. They are listed,
 *   with a suggestion, so the writer can still choose a plainer word.
 * - **Long sentences**: over 20 words (GOV.UK's advice is 25 at most; for this reading age, shorter).
 * - **Plainer words**: words the GOV.UK style guide and the Plain English Campaign ask writers to
 *   avoid, each with the plainer one.
 */
import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'
import type { Glossary } from './glossary.ts'

/** The oldest reading age a family's text should need. */
export const TARGET_READING_AGE = 11
/** A sentence longer than this is flagged. */
export const LONG_SENTENCE_WORDS = 20
/** Below this many words a reading age says little: it is given, marked rough. */
export const FEW_WORDS = 30

export interface LongSentence {
  readonly sentence: string
  readonly words: number
  readonly suggestion: string
}

export interface GlossaryWord {
  /** The words as written. */
  readonly words: string
  readonly term: string
  /** Its anchor on the glossary page. */
  readonly id: string
  readonly suggestion: string
}

export interface PlainerWord {
  readonly words: string
  /** The plainer words, any of which will do. */
  readonly instead: readonly string[]
  readonly suggestion: string
}

export interface PlainLanguageCheck {
  readonly language: string
  readonly words: number
  readonly sentences: number
  /** The Flesch–Kincaid grade, to one decimal place; null outside English or for no words. */
  readonly grade: number | null
  /** Grade + 5, rounded: the age a child reading at their age could read it. Null outside English. */
  readonly readingAge: number | null
  /** True when the reading age is at most the target (and when there is none to judge). */
  readonly meetsTarget: boolean
  /** Too few words for the reading age to mean much. */
  readonly rough: boolean
  readonly longSentences: readonly LongSentence[]
  readonly glossaryWords: readonly GlossaryWord[]
  readonly plainerWords: readonly PlainerWord[]
}

/** Words to avoid and what to write instead (GOV.UK style guide; Plain English Campaign's A to Z). */
const PLAINER: readonly (readonly [string, readonly string[]])[] = [
  ['in order to', ['to']],
  ['prior to', ['before']],
  ['in relation to', ['about']],
  ['with regard to', ['about']],
  ['in accordance with', ['under', 'following']],
  ['in the event that', ['if']],
  ['in the event of', ['if there is']],
  ['going forward', ['from now on']],
  ['service user', ['you', 'parent']],
  ['service users', ['parents', 'people']],
  ['local authority', ['the council']],
  ['utilise', ['use']],
  ['utilize', ['use']],
  ['facilitate', ['help', 'run']],
  ['commence', ['start']],
  ['assist', ['help']],
  ['assistance', ['help']],
  ['regarding', ['about']],
  ['concerning', ['about']],
  ['subsequently', ['later', 'then']],
  ['approximately', ['about']],
  ['ensure', ['make sure']],
  ['obtain', ['get']],
  ['require', ['need']],
  ['requires', ['needs']],
  ['additional', ['more', 'extra']],
  ['sufficient', ['enough']],
  ['inform', ['tell']],
  ['purchase', ['buy']],
  ['consequently', ['so']],
  ['therefore', ['so']],
  ['participate', ['take part']],
  ['demonstrate', ['show']],
  ['endeavour', ['try']],
  ['notwithstanding', ['despite', 'even if']],
  ['whilst', ['while']],
  ['numerous', ['many']],
  ['implement', ['do', 'carry out']],
  ['initiate', ['start']],
  ['terminate', ['end']],
  ['comply with', ['keep to', 'follow']],
  ['enquire', ['ask']],
  ['expedite', ['speed up']],
  ['disclose', ['tell', 'share']],
  ['empower', ['help', 'let']],
  ['engage', ['work with', 'talk to']],
  ['engagement', ['taking part']],
  ['intervention', ['help', 'support']],
  ['interventions', ['help', 'support']],
  ['outcome', ['result', 'what happens']],
  ['mitigate', ['reduce']],
  ['stakeholders', ['the people involved']],
  ['pertaining to', ['about']],
  ['thereafter', ['after that']],
  ['herewith', ['with this']],
  ['forthwith', ['now', 'straight away']],
]

const plainerPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...PLAINER]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([words]) => words.replace(/\s+/g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
)
const plainerLookup = new Map(PLAINER.map(([words, instead]) => [words, instead]))

const sentenceSegmenters = new Map<string, Intl.Segmenter>()
function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = sentenceSegmenters.get(language)
  if (!segmenter) sentenceSegmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })))
  return segmenter
}

/** The sentences of a text: each line (a heading, a list item) ends one, as a full stop does. */
export function sentencesOf(text: string, language = 'en'): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => [...sentenceSegmenter(language).segment(line)].map((part) => part.segment.trim()))
    .filter((sentence) => wordsOf(sentence).length > 0)
}

/** Words: runs of letters and digits, with the apostrophes and hyphens inside them ("don’t", "multi-agency"). */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu) ?? []
}

/** A word as the syllable counter reads it: a number is said as one or two short words. */
function syllablesIn(word: string): number {
  if (/^\p{N}+$/u.test(word)) return word.length > 2 ? 2 : 1
  return Math.max(1, syllable(word.replace(/’/g, "'")))
}

/** A stand-in for a glossary word: one short word, so a term the page explains is not counted as hard. */
const EXPLAINED = 'term'

function withGlossaryWordsShort(text: string, glossary: Glossary | undefined): string {
  if (!glossary) return text
  let shortened = ''
  let at = 0
  const normalised = text.normalize('NFC')
  for (const match of glossary.find(normalised)) {
    shortened += normalised.slice(at, match.start) + EXPLAINED
    at = match.end
  }
  return shortened + normalised.slice(at)
}

export interface CheckOptions {
  /** The language the text is in: `en` gets a reading age. */
  readonly language?: string
  /** The jargon buster in that language: its words are listed, and counted as short. */
  readonly glossary?: Glossary
}

/**
 * Checks a text a family will read. `text` may be one string (lines end sentences) or its pieces
 * (a page's headings, paragraphs and list items).
 */
export function checkPlainLanguage(text: string | readonly string[], options: CheckOptions = {}): PlainLanguageCheck {
  const language = options.language ?? 'en'
  const whole = (typeof text === 'string' ? [text] : text).join('\n').normalize('NFC')
  const sentences = sentencesOf(whole, language)

  const longSentences = sentences.flatMap((sentence) => {
    const count = wordsOf(sentence).length
    return count > LONG_SENTENCE_WORDS
      ? [
          {
            sentence,
            words: count,
            suggestion: `This sentence has ${count} words. Split it into two or more, with ${LONG_SENTENCE_WORDS} words or fewer in each.`,
          },
        ]
      : []
  })

  const seen = new Set<string>()
  const glossaryWords: GlossaryWord[] = []
  for (const match of options.glossary?.find(whole) ?? []) {
    if (seen.has(match.term.key)) continue
    seen.add(match.term.key)
    glossaryWords.push({
      words: match.text,
      term: match.term.term,
      id: match.term.id,
      suggestion: `Families can open a short explanation of “${match.text}” where it first appears. If a plainer word says the same, use it instead.`,
    })
  }

  const plainerWords: PlainerWord[] = []
  if (language === 'en') {
    const found = new Set<string>()
    for (const match of whole.matchAll(plainerPattern)) {
      const words = match[0].toLowerCase().replace(/\s+/g, ' ')
      const instead = plainerLookup.get(words)
      if (!instead || found.has(words)) continue
      found.add(words)
      const choices = instead.map((choice) => `“${choice}”`).join(' or ')
      plainerWords.push({ words: match[0], instead, suggestion: `Try ${choices} instead of “${match[0]}”.` })
    }
  }

  // Sentences are found in the text as written; then each glossary word in them is made one short word.
  const scoredWords = sentences.flatMap((sentence) => wordsOf(withGlossaryWordsShort(sentence, options.glossary)))
  const totalWords = wordsOf(whole).length
  let grade: number | null = null
  if (language === 'en' && scoredWords.length > 0) {
    const counts = { sentence: sentences.length, word: scoredWords.length, syllable: scoredWords.reduce((sum, word) => sum + syllablesIn(word), 0) }
    grade = Math.round(fleschKincaid(counts) * 10) / 10
  }
  const readingAge = grade === null ? null : Math.max(5, Math.round(grade + 5))
  return {
    language,
    words: totalWords,
    sentences: sentences.length,
    grade,
    readingAge,
    meetsTarget: readingAge === null || readingAge <= TARGET_READING_AGE,
    rough: totalWords < FEW_WORDS,
    longSentences,
    glossaryWords,
    plainerWords,
  }
}
