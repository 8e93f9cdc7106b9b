import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { suppress, withheldLikeItsParts } from './figures.ts'
import { voiceRelations, voiceTables, voiceWithheld, type VoiceFigures } from './voices.ts'

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries))
const quarter = (entries: Record<string, number>, withheld: string[] = []) => ({ counts: counts(entries), withheld: new Set(withheld) })

describe('a year published beside its quarters', () => {
  test('a figure any quarter withholds is withheld in the year, however large the year’s', () => {
    const year = counts({ referrals: 40, fathers: 10 })
    const parts = [
      quarter({ referrals: 10, fathers: 3 }, ['fathers']),
      quarter({ referrals: 10, fathers: 7 }),
      quarter({ referrals: 10 }),
      quarter({ referrals: 10 }),
    ]
    assert.deepEqual([...withheldLikeItsParts(year, parts)], ['fathers'])
  })

  test('a small year is withheld, and so is one that differs from its quarters’ sum by a small number (people counted once a year)', () => {
    const year = counts({ small: 3, people: 37, stock: 8, same: 20 })
    const parts = [
      quarter({ small: 3, people: 10, stock: 8, same: 5 }),
      quarter({ people: 10, stock: 8, same: 5 }),
      quarter({ people: 10, stock: 8, same: 5 }),
      quarter({ people: 10, stock: 8, same: 5 }),
    ]
    // 40 people in the quarters, 37 in the year: three were referred twice, a number too small to say.
    // The stock at the year's end is 8 beside 32 in the quarters: a difference of 24 describes no few people.
    assert.deepEqual([...withheldLikeItsParts(year, parts)].sort(), ['people', 'small'])
  })

  test('suppression carries on from what the year withholds already', () => {
    const withheld = suppress(counts({ all: 30, a: 20, b: 10 }), [{ total: 'all', parts: ['a', 'b'] }], ['b'])
    assert.deepEqual([...withheld].sort(), ['a', 'b'])
  })
})

const voices = (feedback: Record<string, number>, themes: VoiceFigures['themes'] = [], coded = 0): VoiceFigures => ({ feedback, themes, coded })

describe('the people’s voices in figures', () => {
  test('each question’s answers, the ways and the delays add up to all answers, and are kept so', () => {
    assert.equal(voiceRelations().length, 7)
    const figures = voices({
      'feedback.responses': 12,
      'feedback.listened.yes': 9,
      'feedback.listened.a_bit': 0,
      'feedback.listened.no': 3,
      'feedback.listened.not_answered': 0,
      'feedback.channel.kiosk': 12,
    })
    // Three said no: withheld, and the nine beside it with them, or twelve less nine would say three.
    const withheld = voiceWithheld(figures)
    assert.ok(withheld.has('feedback.listened.no') && withheld.has('feedback.listened.yes'))
    assert.ok(!withheld.has('feedback.responses') && !withheld.has('feedback.channel.kiosk'))
  })

  test('the themes table leaves off a retired theme no one was coded with, and keeps one that was', () => {
    const themes = [
      { id: 'a', name: 'Jargon', retired: false, count: 0 },
      { id: 'b', name: 'Parking', retired: true, count: 0 },
      { id: 'c', name: 'Old words', retired: true, count: 6 },
    ]
    const tables = voiceTables({
      now: voices({}, themes, 6),
      before: voices(
        {},
        themes.map((theme) => ({ ...theme, count: 0 })),
      ),
      nowWithheld: new Set(),
      beforeWithheld: new Set(),
    })
    assert.deepEqual(
      tables.themes.rows.map((row) => [row.label, row.now.text, row.share]),
      [
        ['Words coded with themes', '6', ''],
        ['Jargon', '0', '0%'],
        ['Old words (retired)', '6', '100%'],
      ],
    )
  })
})
