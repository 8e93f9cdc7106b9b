import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { anchorOf, createExplainer, glossaryOf, type Glossary } from './glossary.ts'
import { createTranslations } from './translations.ts'

const translations = createTranslations()
const glossaryIn = (code: string): Glossary => translations.translator(code).glossary

/** The sentence with each explained word in [brackets], and the terms explained, by key. */
function marked(glossary: Glossary, ...sentences: string[]): { text: string[]; keys: string[] } {
  const explain = createExplainer(glossary)
  const text: string[] = []
  const keys: string[] = []
  for (const sentence of sentences) {
    const explained = explain(sentence)
    text.push(explained.parts.map((part) => (part.term ? `[${part.text}]` : part.text)).join(''))
    keys.push(...explained.explanations.map((explanation) => explanation.term.key))
  }
  return { text, keys }
}

describe('the glossary finds its words', () => {
  test('in English, ignoring case, the longest wording first, each term once a page', () => {
    const { text, keys } = marked(
      glossaryIn('en'),
      'Your Initial Child Protection Conference is on 3 March, with your advocate.',
      'The conference will make a child protection plan. Your advocate will be there.',
    )
    assert.deepEqual(text, [
      'Your [Initial Child Protection Conference] is on 3 March, with your [advocate].',
      'The [conference] will make a [child protection plan]. Your advocate will be there.',
    ])
    assert.deepEqual(keys, ['initialConference', 'advocate', 'conference', 'plan'])
  })

  test('whole words only, and abbreviations only in capitals', () => {
    const { text } = marked(glossaryIn('en'), 'An advocacy group met a peer advocate. Iro and plod are not terms; the IRO is, and so is PLO.')
    assert.deepEqual(text, ['An [advocacy] group met a [peer advocate]. Iro and plod are not terms; the [IRO] is, and so is [PLO].'])
    assert.deepEqual(marked(glossaryIn('en'), 'Advocates, preconference, conferences’ rooms').text, ['[Advocates], preconference, [conferences]’ rooms'])
  })

  test('either apostrophe, a hyphen or a space, and words across a line break', () => {
    assert.deepEqual(marked(glossaryIn('en'), "children's services and the pre proceedings stage").text, [
      "[children's services] and the [pre proceedings] stage",
    ])
    assert.deepEqual(marked(glossaryIn('en'), 'your core\n  group').text, ['your [core\n  group]'])
  })

  test('in Spanish, with its accents', () => {
    const { text } = marked(
      glossaryIn('es'),
      'Su Conferencia Inicial es el lunes. Su defensora y el revisor independiente estarán allí; la evaluación también.',
    )
    assert.deepEqual(text, ['Su [Conferencia Inicial] es el lunes. Su [defensora] y el [revisor independiente] estarán allí; la [evaluación] también.'])
  })

  test('in Arabic, with the letters joined before and after a word, and short vowel marks', () => {
    const { text, keys } = marked(glossaryIn('ar'), 'سيحضر مناصرك المؤتمر الأول، والمجموعة الأساسية تجتمع بعده. للمُناصِر دور.')
    assert.deepEqual(text, ['سيحضر [مناصرك] [المؤتمر الأول]، [والمجموعة الأساسية] تجتمع بعده. للمُناصِر دور.'])
    assert.deepEqual(keys, ['advocate', 'initialConference', 'coreGroup'])
    assert.deepEqual(marked(glossaryIn('ar'), 'للمُناصِر دور.').text, ['[للمُناصِر] دور.'])
    assert.deepEqual(marked(glossaryIn('ar'), 'مناصرات كثيرات').text, ['مناصرات كثيرات'], 'a longer word is not the term')
  })

  test('says what its button says in the language, with the words as written', () => {
    const [first] = createExplainer(glossaryIn('es'))('Hable con su Defensor.').explanations
    assert.equal(first?.summary, 'Qué significa «Defensor»')
    assert.equal(first?.id, 'advocate')
    assert.match(first?.explanation ?? '', /de su lado/)
  })

  test('in Arabic, names an explanation by the glossary word, not the letters joined to it', () => {
    const { explanations } = createExplainer(glossaryIn('ar'))('الأخصائي الاجتماعي والمناصر.')
    const advocate = explanations.find((explanation) => explanation.id === 'advocate')
    assert.equal(advocate?.words, 'والمناصر', 'the words as written are marked')
    assert.match(advocate?.summary ?? '', /«المناصر»/)
  })

  test('every term in every language is found by its own name and each of its forms', () => {
    for (const language of translations.familyLanguages) {
      const glossary = glossaryIn(language.code)
      assert.ok(glossary.terms.length >= 40, `${language.englishName} has the glossary`)
      for (const term of glossary.terms) {
        for (const form of term.forms) {
          const found = glossary.find(` ${form} `)
          assert.equal(found[0]?.text, form, `${language.englishName}: “${form}” is found whole`)
          assert.equal(found[0]?.term.key, term.key, `${language.englishName}: “${form}” is ${term.key}`)
        }
      }
    }
  })
})

describe('the explainer', () => {
  const glossary = glossaryOf('en', [{ key: 'coreGroup', term: 'Core group', forms: 'core group|core groups', explanation: 'The people who meet.' }])

  test('keeps every character of the sentence, in order, whatever it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('core group', 'Core Groups', '<script>', '&amp;', ' '))), (pieces) => {
        const text = pieces.join('')
        const explained = createExplainer(glossary)(text)
        assert.equal(explained.parts.map((part) => part.text).join(''), text.normalize('NFC'))
        assert.ok(explained.explanations.length <= 1)
      }),
    )
  })

  test('takes anything a template hands it', () => {
    const explain = createExplainer(glossary)
    assert.deepEqual(explain(undefined).parts, [])
    assert.deepEqual(explain(42).parts, [{ text: '42' }])
  })

  test('an empty glossary finds nothing', () => {
    assert.deepEqual(glossaryOf('en', []).find('core group'), [])
  })

  test('anchors are the key in kebab case', () => {
    assert.equal(anchorOf('coreGroup'), 'core-group')
    assert.equal(anchorOf('section47'), 'section-47')
    assert.equal(anchorOf('iro'), 'iro')
  })
})
