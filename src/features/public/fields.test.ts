import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { z } from 'zod'
import { commaListKey, inWords, isPhoneNumber, optionalDateKey } from './fields.ts'

describe('the public forms’ fields', () => {
  test('a phone number is one people can ring, as they write it', () => {
    for (const good of ['07700 900 982', '+44 7700 900982', '(020) 7946-0999', '020.7946.0999']) assert.ok(isPhoneNumber(good), good)
    for (const bad of ['', '123', 'call me', '07700 900 982 ext 5', '+'.repeat(3), '1'.repeat(16), '0'.repeat(31)]) assert.ok(!isPhoneNumber(bad), bad)
  })

  test('a date may be left empty; otherwise it is a real one', () => {
    const date = z.object({ on: optionalDateKey('public:ask.meetingDate.error') })
    assert.deepEqual(date.parse({ on: { day: '', month: '', year: '' } }), { on: null })
    assert.deepEqual(date.parse({}), { on: null })
    assert.deepEqual(date.parse({ on: { day: '3', month: '12', year: '2026' } }), { on: '2026-12-03' })
    for (const wrong of [
      { day: '31', month: '2', year: '2026' },
      { day: '3', month: '', year: '2026' },
      { day: '1', month: '1', year: '26' },
      { day: ['1'], month: '1', year: '2026' },
    ]) {
      const result = date.safeParse({ on: wrong })
      assert.ok(!result.success, JSON.stringify(wrong))
      assert.equal(result.error.issues[0]?.message, 'public:ask.meetingDate.error')
    }
  })

  test('a list typed into one box splits on any script’s comma, each once', () => {
    const list = commaListKey({ tooLong: 'public:apply.languages.tooLong', tooMany: 'public:apply.languages.tooMany' }, { maxItems: 3, maxLength: 10 })
    assert.deepEqual(list.parse('العربية، English; english\nFrançais'), ['العربية', 'English', 'Français'])
    assert.deepEqual(list.parse(''), [])
    assert.equal(list.safeParse('a, b, c, d').error?.issues[0]?.message, 'public:apply.languages.tooMany')
    assert.equal(list.safeParse(['a', 'b']).success, false, 'sent twice')
  })

  test('errors are put in page order and into the reader’s words; an unexpected message never shows as a key', () => {
    const t = (key: string) => `«${key}»`
    const errors = inWords(
      [
        { field: 'b', message: 'public:x' },
        { field: 'a', message: 'Invalid input' },
      ],
      t,
      ['a', 'b'],
    )
    assert.deepEqual(
      errors.map((error) => [error.field, error.message]),
      [
        ['a', '«public:common.checkAnswer»'],
        ['b', '«public:x»'],
      ],
    )
  })
})
