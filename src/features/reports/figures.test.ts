import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { change, isSmall, median, percentage, published, suppress, type Relation } from './figures.ts'

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries))

/** Whether any withheld member of a relation can be worked out from the others: exactly one hidden. */
function recoverable(withheld: Set<string>, relations: readonly Relation[]): Relation[] {
  return relations.filter((relation) => [...relation.parts, relation.total].filter((key) => withheld.has(key)).length === 1)
}

describe('the small-number rule', () => {
  test('withholds 1 to 4, shows 0 and 5 or more', () => {
    assert.deepEqual([0, 1, 4, 5, 100].map(isSmall), [false, true, true, false, false])
    assert.deepEqual([...suppress(counts({ a: 0, b: 1, c: 4, d: 5 }), [])].sort(), ['b', 'c'])
  })

  test('a withheld part is not left alone beside its total: the smallest other part goes too', () => {
    const relations = [{ total: 'all', parts: ['mothers', 'fathers', 'others'] }]
    const withheld = suppress(counts({ all: 30, mothers: 20, fathers: 7, others: 3 }), relations)
    assert.deepEqual([...withheld].sort(), ['fathers', 'others'])
  })

  test('a zero is not taken as the second withheld part: it would still give the sum away', () => {
    const relations = [{ total: 'all', parts: ['a', 'b', 'c'] }]
    const withheld = suppress(counts({ all: 12, a: 3, b: 0, c: 9 }), relations)
    assert.deepEqual([...withheld].sort(), ['a', 'c'])
  })

  test('a small total hides its parts: they would give it away', () => {
    const relations = [{ total: 'all', parts: ['a', 'b'] }]
    assert.deepEqual([...suppress(counts({ all: 3, a: 3, b: 0 }), relations)].sort(), ['a', 'all'])
    assert.deepEqual([...suppress(counts({ all: 4, a: 2, b: 2 }), relations)].sort(), ['a', 'all', 'b'])
  })

  test('a total shared by two tables: what one table withholds, the other cannot give away', () => {
    // Referrals by stage and by relationship share the total; by stage nothing is small, by relationship fathers are.
    const relations = [
      { total: 'all', parts: ['eh', 'cin', 'cp'] },
      { total: 'all', parts: ['mothers', 'fathers'] },
    ]
    const withheld = suppress(counts({ all: 20, eh: 5, cin: 5, cp: 10, mothers: 17, fathers: 3 }), relations)
    assert.deepEqual([...withheld].sort(), ['fathers', 'mothers'])
    assert.deepEqual(recoverable(withheld, relations), [])
  })

  test('a grid (figures by group) is safe along its rows and its columns at once', () => {
    // Rows: on time, late; columns: mothers, fathers; margins: each row's and column's total.
    const values = counts({ onTime: 16, late: 9, mothers: 18, fathers: 7, onTimeMothers: 13, onTimeFathers: 3, lateMothers: 5, lateFathers: 4, all: 25 })
    const relations = [
      { total: 'onTime', parts: ['onTimeMothers', 'onTimeFathers'] },
      { total: 'late', parts: ['lateMothers', 'lateFathers'] },
      { total: 'mothers', parts: ['onTimeMothers', 'lateMothers'] },
      { total: 'fathers', parts: ['onTimeFathers', 'lateFathers'] },
      { total: 'all', parts: ['onTime', 'late'] },
      { total: 'all', parts: ['mothers', 'fathers'] },
    ]
    const withheld = suppress(values, relations)
    assert.deepEqual(recoverable(withheld, relations), [])
    assert.ok(withheld.has('onTimeFathers') && withheld.has('lateFathers'))
    assert.ok(!withheld.has('all'), 'the total is kept when its parts can be hidden instead')
  })

  test('on any counts and relations, nothing small is shown and nothing withheld is left alone in a sum', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 12
    for (let round = 0; round < 300; round++) {
      const parts = Array.from({ length: 2 + (next() % 4) }, (_, index) => `p${index}`)
      const values = counts(Object.fromEntries(parts.map((key) => [key, next()])))
      values.set(
        'total',
        parts.reduce((sum, key) => sum + (values.get(key) ?? 0), 0),
      )
      const relations = [{ total: 'total', parts }]
      const withheld = suppress(values, relations)
      for (const [key, value] of values) if (value > 0 && value < 5) assert.ok(withheld.has(key), `${key}=${value} shown`)
      assert.deepEqual(recoverable(withheld, relations), [])
    }
  })
})

describe('percentages, change and medians', () => {
  test('a percentage is whole, and there is none of nothing', () => {
    assert.equal(percentage(1, 3), 33)
    assert.equal(percentage(2, 3), 67)
    assert.equal(percentage(0, 0), null)
  })

  test('change says how much and which way, with no percentage from zero', () => {
    assert.deepEqual(change(10, 15), { difference: 5, percent: 50, direction: 'up' })
    assert.deepEqual(change(8, 6), { difference: -2, percent: -25, direction: 'down' })
    assert.deepEqual(change(0, 4), { difference: 4, percent: null, direction: 'up' })
    assert.deepEqual(change(3, 3), { difference: 0, percent: 0, direction: 'same' })
  })

  test('the median is the middle, or the mean of the middle two', () => {
    assert.equal(median([]), null)
    assert.equal(median([5, 1, 3]), 3)
    assert.equal(median([4, 1, 3, 10]), 3.5)
  })

  test('a withheld figure leaves as [c]', () => {
    assert.equal(published(3, true), '[c]')
    assert.equal(published(12, false), '12')
    assert.equal(published(null, false), '')
  })
})
