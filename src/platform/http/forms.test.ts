import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { MAX_FORM_FIELDS, parseFormBody, TooManyFieldsError } from './forms.ts'

describe('reading a posted form', () => {
  test('decodes each field, a field sent twice as a list, and refuses nothing a page sends', () => {
    const parsed = parseFormBody('name=Luc%C3%ADa+Fern%C3%A1ndez&adjustments=extra_time&adjustments=easy_read&empty=&odd=%E0%A4%A')
    assert.equal(parsed['name'], 'Lucía Fernández')
    assert.deepEqual(parsed['adjustments'], ['extra_time', 'easy_read'])
    assert.equal(parsed['empty'], '')
    assert.equal(typeof parsed['odd'], 'string', 'a broken escape is read, not a crash')
    assert.deepEqual(Object.keys(parseFormBody('')), [])
  })

  test('a field named like an object property lands in a plain record, not on Object.prototype', () => {
    const parsed = parseFormBody('__proto__=x&constructor=y')
    assert.equal(parsed['constructor'], 'y')
    assert.equal(({} as Record<string, unknown>)['x'], undefined)
    assert.equal(Object.getPrototypeOf(parsed), null)
  })

  test(`more than ${MAX_FORM_FIELDS} fields is refused before any is decoded`, () => {
    assert.doesNotThrow(() => parseFormBody(Array.from({ length: MAX_FORM_FIELDS }, (_, i) => `f${i}=`).join('&')))
    assert.throws(() => parseFormBody('a=&'.repeat(60_000)), TooManyFieldsError)
  })
})
