import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { loadCatalogues, messagesOf, SOURCE_LANGUAGE } from '../platform/i18n/catalogues.ts'
import { checkPlainLanguage, TARGET_READING_AGE } from '../platform/i18n/plain-language.ts'
import { createTranslations } from '../platform/i18n/translations.ts'
import { notReadByFamilies } from './readers.ts'

/**
 * Every English message a family reads, checked as a family would meet it (issue 10): a new string
 * that is too hard fails here, naming its key and what to change.
 *
 * - A message of at least SCORED_ALONE words (a sentence or more) is scored on its own: reading age
 *   11 or under.
 * - Shorter ones (a heading, a button, a label) say too little for the formula alone, so they are
 *   scored together, all of a catalogue's at once, as a reader meets them across its pages; when
 *   they add up to fewer than 30 words even that says little, and they are left to the reviewer's eye.
 * - Every message: no sentence over 20 words, and no word the style guide has a plainer one for.
 *
 * A message's values are filled with short, typical ones ("Sam", "3", "3 March 2026"); a plural or
 * a choice is read in its "other" form. Glossary words count as one short word, as on the page,
 * where each is explained.
 */
const SCORED_ALONE = 10

const catalogues = loadCatalogues()
const glossary = createTranslations(catalogues).translator(SOURCE_LANGUAGE).glossary

/** A message as a reader sees it, with typical values. */
function asRead(message: string): string {
  const read = (elements: MessageFormatElement[]): string =>
    elements
      .map((element) => {
        switch (element.type) {
          case TYPE.literal:
            return element.value
          case TYPE.argument:
            return 'Sam'
          case TYPE.number:
          case TYPE.pound:
            return '3'
          case TYPE.date:
            return '3 March 2026'
          case TYPE.time:
            return '10am'
          case TYPE.plural:
          case TYPE.select:
            return read((element.options['other'] ?? Object.values(element.options)[0])?.value ?? [])
          case TYPE.tag:
            return read(element.children)
          default:
            return ''
        }
      })
      .join('')
  return read(parse(message))
}

const byNamespace = new Map<string, Map<string, string>>()
for (const [key, message] of messagesOf(catalogues.byLanguage[SOURCE_LANGUAGE] ?? {})) {
  const namespace = key.split(':')[0] ?? ''
  if (namespace in notReadByFamilies) continue
  const messages = byNamespace.get(namespace) ?? new Map<string, string>()
  messages.set(key, asRead(message))
  byNamespace.set(namespace, messages)
}

/** What is wrong with a namespace's messages, each problem naming its key. */
export function problemsIn(messages: ReadonlyMap<string, string>): string[] {
  const problems: string[] = []
  const short: string[] = []
  for (const [key, text] of messages) {
    const check = checkPlainLanguage(text, { glossary })
    if (check.words >= SCORED_ALONE && !check.meetsTarget)
      problems.push(`${key}: reading age ${check.readingAge} (over ${TARGET_READING_AGE}): use shorter words and sentences: “${text}”`)
    if (check.words < SCORED_ALONE) short.push(key)
    for (const long of check.longSentences) problems.push(`${key}: ${long.suggestion} “${long.sentence}”`)
    for (const word of check.plainerWords) problems.push(`${key}: ${word.suggestion}`)
  }
  const together = checkPlainLanguage(
    short.map((key) => messages.get(key) ?? ''),
    { glossary },
  )
  if (!together.rough && !together.meetsTarget)
    problems.push(`the short messages (${short.join(', ')}), read together: reading age ${together.readingAge}: use shorter words`)
  return problems
}

describe('every English message families read is in plain words', () => {
  test('there are catalogues to check, the glossary among them', () => {
    assert.ok(byNamespace.has('glossary'))
    assert.ok(byNamespace.has('layout'))
  })

  for (const [namespace, messages] of byNamespace) {
    test(`the ${namespace} catalogue reads at age ${TARGET_READING_AGE} or under, with no long sentence and no word with a plainer one`, () => {
      assert.deepEqual(problemsIn(messages), [])
    })
  }

  test('the check fails a hard message, a long sentence and a short label among hard ones, naming each', () => {
    const problems = problemsIn(
      new Map([
        ['family:hard', 'The local authority will facilitate a multidisciplinary evaluation of your circumstances.'],
        ['family:long', `You can ${Array.from({ length: 22 }, () => 'go').join(' ')}.`],
        ...[
          'Comprehensive documentation',
          'Organisational responsibilities',
          'Additional considerations',
          'Supplementary information',
          'Administrative arrangements',
          'Confidentiality',
          'Eligibility criteria',
          'Documentation requirements',
          'Miscellaneous',
          'Communication preferences',
          'Accessibility adjustments',
          'Authorisation',
          'Identification',
          'Categorisation',
          'Responsibilities',
        ].map((label, index) => [`family:labels.${index}`, label] as [string, string]),
        ['family:fine', 'Your advocate is on your side.'],
      ]),
    )
    assert.equal(problems.filter((problem) => problem.startsWith('family:hard: reading age')).length, 1)
    assert.ok(problems.some((problem) => problem.startsWith('family:hard: Try “the council”')))
    assert.ok(problems.some((problem) => problem.startsWith('family:long: This sentence has 24 words')))
    assert.ok(problems.some((problem) => problem.startsWith('the short messages (family:labels.0, family:labels.1,')))
    assert.ok(!problems.some((problem) => problem.startsWith('family:fine')), 'a plain message has no problem of its own')
  })
})
