import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { checkPlainLanguage, LONG_SENTENCE_WORDS, sentencesOf, TARGET_READING_AGE, wordsOf } from './plain-language.ts'
import { createTranslations } from './translations.ts'

const glossary = createTranslations().translator('en').glossary

const HARD =
  'The local authority will facilitate a multi-agency strategy discussion prior to the initial child protection conference in order to ensure that all relevant professionals are able to participate meaningfully in the decision-making process regarding the child.'
const PLAIN = 'Your advocate is on your side. They help you say what you think. They can meet you before the meeting, and sit with you in it.'

describe('the plain-language check', () => {
  test('a hard sentence is over the target, too long, and full of words with plainer ones', () => {
    const check = checkPlainLanguage(HARD, { glossary })
    assert.ok((check.readingAge ?? 0) > TARGET_READING_AGE, `reading age ${check.readingAge}`)
    assert.equal(check.meetsTarget, false)
    assert.equal(check.longSentences.length, 1)
    assert.equal(check.longSentences[0]?.words, 36)
    assert.match(check.longSentences[0]?.suggestion ?? '', /36 words\. Split it/)
    assert.deepEqual(
      check.plainerWords.map((word) => [word.words, word.instead[0]]),
      [
        ['local authority', 'the council'],
        ['facilitate', 'help'],
        ['prior to', 'before'],
        ['in order to', 'to'],
        ['ensure', 'make sure'],
        ['participate', 'take part'],
        ['regarding', 'about'],
      ],
    )
    assert.deepEqual(
      check.glossaryWords.map((word) => word.id),
      ['professionals', 'strategy-discussion', 'initial-conference'],
    )
  })

  test('a plain text meets the target, with nothing to change but its glossary words listed', () => {
    const check = checkPlainLanguage(PLAIN, { glossary })
    assert.ok(check.readingAge !== null && check.readingAge <= TARGET_READING_AGE, `reading age ${check.readingAge}`)
    assert.equal(check.meetsTarget, true)
    assert.deepEqual(check.longSentences, [])
    assert.deepEqual(check.plainerWords, [])
    assert.deepEqual(
      check.glossaryWords.map((word) => [word.words, word.term]),
      [['advocate', 'Advocate']],
    )
    assert.equal(check.sentences, 3)
    assert.equal(check.rough, true, 'under 30 words, the figure is rough')
  })

  test('a glossary word counts as one short word: naming a meeting does not make a text hard', () => {
    const named = 'Your initial child protection conference is on Monday. Your social worker will be there.'
    const withGlossary = checkPlainLanguage(named, { glossary })
    const without = checkPlainLanguage(named)
    assert.ok((withGlossary.grade ?? 99) < (without.grade ?? 0), `${withGlossary.grade} < ${without.grade}`)
    assert.deepEqual(without.glossaryWords, [])
  })

  test('each line is a sentence: a heading or a list item stands alone', () => {
    assert.deepEqual(sentencesOf('What happens next\n\nYou will get a letter. Then we call you.\nBring a friend'), [
      'What happens next',
      'You will get a letter.',
      'Then we call you.',
      'Bring a friend',
    ])
    const pieces = checkPlainLanguage(['What happens next', 'You will get a letter.'])
    assert.equal(pieces.sentences, 2)
  })

  test('a sentence of exactly the limit is not long; one word more is', () => {
    const words = (count: number) => `${Array.from({ length: count }, () => 'word').join(' ')}.`
    assert.equal(checkPlainLanguage(words(LONG_SENTENCE_WORDS)).longSentences.length, 0)
    assert.equal(checkPlainLanguage(words(LONG_SENTENCE_WORDS + 1)).longSentences.length, 1)
  })

  test('words keep their apostrophes and hyphens', () => {
    assert.deepEqual(wordsOf('Don’t miss the multi-agency meeting, it’s at 10:30.'), [
      'Don’t',
      'miss',
      'the',
      'multi-agency',
      'meeting',
      'it’s',
      'at',
      '10',
      '30',
    ])
  })

  test('outside English there is no reading age, but long sentences and glossary words are still found', () => {
    const spanish = createTranslations().translator('es').glossary
    const check = checkPlainLanguage(
      'Su defensor está de su lado. Esta frase es muy larga porque tiene muchas palabras que no hacen falta y que cansan a quien la lee en voz alta.',
      { language: 'es', glossary: spanish },
    )
    assert.equal(check.readingAge, null)
    assert.equal(check.meetsTarget, true)
    assert.equal(check.longSentences.length, 1)
    assert.deepEqual(
      check.glossaryWords.map((word) => word.id),
      ['advocate'],
    )
    assert.deepEqual(check.plainerWords, [])
  })

  test('no words, no reading age', () => {
    const check = checkPlainLanguage('   \n\n ')
    assert.deepEqual([check.words, check.sentences, check.readingAge, check.meetsTarget], [0, 0, null, true])
  })
})
