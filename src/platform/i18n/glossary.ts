/**
 * @pure
 *
 * The jargon buster: the child protection words families meet, each explained in plain words, in
 * each language (`src/locales/<language>/glossary.json`). This finds them in a sentence, in that
 * language's own wording, so a family page can explain each one where it first appears.
 *
 * A term lists the forms it is written in (`forms`: "core group|core groups"), matched whole,
 * ignoring case; a form in capitals ("IRO", "PLO") is an abbreviation and matches only in capitals.
 * The longest form wins where two start at one place ("initial child protection conference" before
 * "child protection conference"). Arabic writes some words joined to the next ("and", "to", "the",
 * "your"), so there a form also matches with those letters before or after it, and with any short
 * vowel marks a writer added.
 */

export interface GlossaryTerm {
  /** The catalogue key (`coreGroup`). */
  readonly key: string
  /** The anchor on the glossary page (`core-group`), the same in every language. */
  readonly id: string
  /** How the glossary page names it ("Core group"). */
  readonly term: string
  readonly forms: readonly string[]
  readonly explanation: string
}

export interface Glossary {
  readonly language: string
  readonly terms: readonly GlossaryTerm[]
  readonly find: (text: string) => GlossaryMatch[]
  /** What a short explanation's button says for the words as written ("What “core group” means"), in the language. */
  readonly summarise: (words: string) => string
}

export interface GlossaryMatch {
  readonly start: number
  readonly end: number
  /** The words as written in the text. */
  readonly text: string
  /** The word itself, without the letters Arabic joins to it ("and the", "your"): what an explanation is named by. */
  readonly word: string
  readonly term: GlossaryTerm
}

export interface GlossaryEntry {
  readonly key: string
  readonly term: string
  /** The forms, separated by `|`. */
  readonly forms: string
  readonly explanation: string
}

/** `coreGroup` → `core-group`; `section47` → `section-47`. */
export function anchorOf(key: string): string {
  return key
    .replace(/([a-z])([A-Z0-9])/g, '$1-$2')
    .replace(/([0-9])([A-Za-z])/g, '$1-$2')
    .toLowerCase()
}

const ARABIC_MARKS = '[\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640]*'
/** Letters Arabic joins to the front of a word: and, then, with, to, like, and "the" (ال, or لل after "to"). */
const ARABIC_BEFORE = '(?:[وف]?[بكل]?ال|[وف]?لل|[وف]?[بكل]|[وف])?'
/** Pronouns Arabic joins to the end of a word: your, his, her, their, our, my. */
const ARABIC_AFTER = '(?:كما|كم|كن|هما|هم|هن|ها|نا|ك|ه|ي)?'
const WORD_CHARACTER = '[\\p{L}\\p{N}\\p{M}]'

function escapeForPattern(character: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(character) ? `\\${character}` : character
}

/** One form as a pattern: spaces match any run of space, either apostrophe matches, hyphen or space between words. */
function patternOf(form: string, language: string): string {
  const marks = language === 'ar' ? ARABIC_MARKS : ''
  return [...form.trim()]
    .map((character) => {
      if (/\s/.test(character)) return '\\s+'
      if (character === '’' || character === "'") return "['’]"
      if (character === '-') return '[-\\s]'
      return `${escapeForPattern(character)}${marks}`
    })
    .join('')
}

/** A form written all in capitals ("IRO") is an abbreviation: it must be written so to be one. */
function isAbbreviation(form: string): boolean {
  return form.length >= 2 && form === form.toLocaleUpperCase('en') && /\p{Lu}/u.test(form) && !/\s/.test(form)
}

export function glossaryOf(language: string, entries: readonly GlossaryEntry[], summarise: (words: string) => string = (words) => words): Glossary {
  const terms: GlossaryTerm[] = entries.map((entry) => ({
    key: entry.key,
    id: anchorOf(entry.key),
    term: entry.term,
    forms: entry.forms
      .split('|')
      .map((form) => form.trim().normalize('NFC'))
      .filter((form) => form.length > 0),
    explanation: entry.explanation,
  }))
  const forms = terms
    .flatMap((term) => term.forms.map((form) => ({ form, term })))
    .sort((a, b) => b.form.length - a.form.length || a.form.localeCompare(b.form))
  const byName = new Map<string, GlossaryTerm>()
  // Each form carries its own joined letters, so at each place the longest form is tried first,
  // with and without them ("المؤتمر الأول" before "مؤتمر" taking "ال" as joined).
  const before = language === 'ar' ? ARABIC_BEFORE : ''
  const after = language === 'ar' ? ARABIC_AFTER : ''
  const alternatives = forms.map(({ form, term }, index) => {
    byName.set(`f${index}`, term)
    const pattern = patternOf(form, language)
    return isAbbreviation(form) ? `${before}(?<f${index}>(?-i:${pattern}))` : `${before}(?<f${index}>${pattern})`
  })
  // One pass over the text.
  const pattern = alternatives.length === 0 ? null : new RegExp(`(?<!${WORD_CHARACTER})(?:${alternatives.join('|')})${after}(?!${WORD_CHARACTER})`, 'giu')

  function find(text: string): GlossaryMatch[] {
    if (!pattern) return []
    const normalised = text.normalize('NFC')
    const matches: GlossaryMatch[] = []
    for (const match of normalised.matchAll(pattern)) {
      const [name, form = match[0]] = Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined) ?? []
      const term = name ? byName.get(name) : undefined
      if (!term) continue
      // "والمناصر" is "and the advocate": its explanation is named "المناصر", the word the glossary lists.
      const word = language === 'ar' ? (term.term.includes(form) ? term.term : form) : match[0]
      matches.push({ start: match.index, end: match.index + match[0].length, text: match[0], word, term })
    }
    return matches
  }

  return { language, terms, find, summarise }
}

/** A piece of a sentence: plain words, or a glossary word. */
export type ExplainedPart = { readonly text: string; readonly term?: undefined } | { readonly text: string; readonly term: GlossaryTerm }

export interface Explanation {
  readonly term: GlossaryTerm
  /** The words as this sentence wrote them ("core groups"). */
  readonly words: string
  /** What its button says: "What “core groups” means". */
  readonly summary: string
  readonly explanation: string
  /** The term's anchor on the glossary page. */
  readonly id: string
}

export interface Explained {
  readonly parts: readonly ExplainedPart[]
  /** The terms this sentence is the first on its page to use, in the order they appear. */
  readonly explanations: readonly Explanation[]
}

/**
 * What a page's sentences need to explain their glossary words, each the first time it appears on
 * the page: one explainer for each page drawn (it remembers what it has explained). A glossary word
 * that appears again is shown as plain words. The text is not HTML and is never treated as such:
 * the template escapes each part.
 */
export function createExplainer(glossary: Glossary): (text: unknown) => Explained {
  const explained = new Set<string>()
  return (text: unknown): Explained => {
    const words = typeof text === 'string' ? text.normalize('NFC') : typeof text === 'number' || typeof text === 'boolean' ? String(text) : ''
    const parts: ExplainedPart[] = []
    const explanations: Explanation[] = []
    let at = 0
    for (const match of glossary.find(words)) {
      if (explained.has(match.term.key)) continue
      explained.add(match.term.key)
      if (match.start > at) parts.push({ text: words.slice(at, match.start) })
      parts.push({ text: match.text, term: match.term })
      explanations.push({
        term: match.term,
        words: match.text,
        summary: glossary.summarise(match.word),
        explanation: match.term.explanation,
        id: match.term.id,
      })
      at = match.end
    }
    if (at < words.length) parts.push({ text: words.slice(at) })
    return { parts, explanations }
  }
}
