import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { z } from 'zod'
import {
  cleanText,
  commaList,
  dateInput,
  emailAddress,
  hoursAsMinutes,
  oneOf,
  optionalDateInput,
  optionalEmailAddress,
  optionalOneOf,
  optionalText,
  optionalWholeNumber,
  optionalYesNo,
  parseForm,
  recordVersion,
  requiredText,
  someIds,
  someOf,
  timeOfDay,
  wholeNumber,
  yesNo,
} from './form-fields.ts'

const messages = (result: ReturnType<typeof parseForm>) => (result.ok ? [] : result.errors.map((error) => error.message))

describe('form fields', () => {
  test('an email address is refused, not silently changed, when it holds what no address holds', () => {
    const schema = z.object({ email: emailAddress({ required: 'Enter your email address', format: 'Enter an email address in the correct format' }) })
    assert.deepEqual(parseForm(schema, { email: '  Name@Example.gov.uk\n' }), { ok: true, data: { email: 'Name@Example.gov.uk' } }, 'spaces around it go')
    assert.deepEqual(messages(parseForm(schema, {})), ['Enter your email address'])
    assert.deepEqual(messages(parseForm(schema, { email: '   ' })), ['Enter your email address'])
    assert.deepEqual(messages(parseForm(schema, { email: ['a@example.org', 'b@example.org'] })), ['Enter your email address'])
    for (const email of [
      'na\u0000me@example.org',
      'name@exa\u0001mple.org',
      'name@example.org\u0000',
      'na\u200bme@example.org',
      'na me@example.org',
      'na\tme@example.org',
      'name',
      'name@',
      '@example.org',
    ]) {
      assert.deepEqual(messages(parseForm(schema, { email })), ['Enter an email address in the correct format'], JSON.stringify(email))
    }
    assert.deepEqual(messages(parseForm(schema, { email: `${'a'.repeat(320)}@example.org` })), ['Email address must be 320 characters or fewer'])
    const optional = z.object({ email: optionalEmailAddress('Enter an email address in the correct format') })
    assert.deepEqual(parseForm(optional, { email: ' ' }), { ok: true, data: { email: null } })
    assert.deepEqual(parseForm(optional, {}), { ok: true, data: { email: null } })
    assert.deepEqual(messages(parseForm(optional, { email: 'a\u0000@example.org' })), ['Enter an email address in the correct format'])
  })

  test('clean text loses invisible control characters and keeps what a person typed', () => {
    assert.equal(cleanText('  a\u0000b\u0007c\r\nd\te  '), 'abc\nd\te')
    assert.equal(cleanText('<b>bold</b>'), '<b>bold</b>', 'markup is kept as text (templates escape it)')
    assert.equal(cleanText(['an', 'array']), undefined)
  })

  test('every builder answers a missing field with its own message, never a library message', () => {
    const schema = z.object({
      a: requiredText('Enter A', 'A'),
      b: yesNo('Select B'),
      c: oneOf(['x', 'y'], 'Select C'),
      d: dateInput({ required: 'Enter D', label: 'D' }),
      e: wholeNumber('E', { min: 0, max: 9, requiredMessage: 'Enter E' }),
      f: hoursAsMinutes('F', { max: 10, requiredMessage: 'Enter F' }),
      g: timeOfDay('G', 'Enter G'),
      v: recordVersion(),
    })
    assert.deepEqual(messages(parseForm(schema, {})), [
      'Enter A',
      'Select B',
      'Select C',
      'Enter D',
      'Enter E',
      'Enter F',
      'Enter G',
      'This page was out of date: reload it and try again',
    ])
  })

  test('optional builders accept a missing or blank field', () => {
    const schema = z.object({
      a: optionalText('A'),
      b: optionalYesNo(),
      c: optionalOneOf(['x'], 'Select C'),
      d: optionalDateInput({ required: 'Enter D', label: 'D' }),
      e: optionalWholeNumber('E', { min: 0, max: 9 }),
      f: someOf(['x', 'y']),
      g: timeOfDay('G'),
      h: commaList('Languages', { maxItems: 3, maxLength: 20 }),
      i: someIds('Select I'),
    })
    assert.deepEqual(parseForm(schema, {}), { ok: true, data: { a: null, b: null, c: null, d: null, e: null, f: [], g: null, h: [], i: [] } })
    assert.deepEqual(parseForm(schema, { a: ' ', b: '', c: '', 'd-day': '', 'd-month': '', 'd-year': '', e: '', g: '' }).ok, true)
  })

  test('a field sent twice, or a list where one value belongs, gets the field’s message', () => {
    const schema = z.object({ a: requiredText('Enter A', 'A'), b: yesNo('Select B'), c: optionalText('C') })
    assert.deepEqual(messages(parseForm(schema, { a: ['x', 'y'], b: ['yes', 'no'], c: ['p', 'q'] })), ['Enter A', 'Select B', 'C must be text'])
  })

  test('long text is refused with the limit, in the GOV.UK words', () => {
    const schema = z.object({ reason: requiredText('Enter the reason', 'Reason', 5000) })
    assert.deepEqual(messages(parseForm(schema, { reason: 'x'.repeat(5001) })), ['Reason must be 5,000 characters or fewer'])
    assert.equal(parseForm(schema, { reason: 'x'.repeat(5000) }).ok, true)
  })

  test('dates follow the GOV.UK messages and link to the first part that is wrong', () => {
    const schema = z.object({ when: dateInput({ required: 'Enter the date of the meeting', label: 'Date of the meeting' }) })
    const errorsFor = (parts: [string, string, string]) => {
      const result = parseForm(schema, { 'when-day': parts[0], 'when-month': parts[1], 'when-year': parts[2] })
      return result.ok ? result.data : result.errors[0]
    }
    assert.deepEqual(errorsFor(['', '', '']), { field: 'when', message: 'Enter the date of the meeting', href: '#when-day' })
    assert.deepEqual(errorsFor(['1', '', '2026']), { field: 'when', message: 'Date of the meeting must include a month', href: '#when-month' })
    assert.deepEqual(errorsFor(['', '', '2026']), { field: 'when', message: 'Date of the meeting must include a day and month', href: '#when-day' })
    assert.deepEqual(errorsFor(['31', '2', '2026']), { field: 'when', message: 'Date of the meeting must be a real date', href: '#when-day' })
    assert.deepEqual(errorsFor(['1', 'June', '2026']), { field: 'when', message: 'Date of the meeting must be a real date', href: '#when-month' })
    assert.deepEqual(errorsFor(['1', '6', '26']), { field: 'when', message: 'Year must include 4 numbers', href: '#when-year' })
    assert.deepEqual(errorsFor(['1', '6', '2026']), { when: '2026-06-01' })
  })

  test('times are read the ways people write them', () => {
    const schema = z.object({ time: timeOfDay('Time of the meeting') })
    const timeOf = (typed: string) => {
      const result = parseForm(schema, { time: typed })
      return result.ok ? result.data.time : result.errors[0]?.message
    }
    assert.equal(timeOf('10:30am'), '10:30')
    assert.equal(timeOf('2pm'), '14:00')
    assert.equal(timeOf('14.15'), '14:15')
    assert.equal(timeOf('12am'), '00:00')
    assert.equal(timeOf('25:00'), 'Enter time of the meeting as a time, like 10:30am or 14:00')
    assert.equal(timeOf('teatime'), 'Enter time of the meeting as a time, like 10:30am or 14:00')
  })

  test('numbers and hours', () => {
    const schema = z.object({
      n: wholeNumber('Contacts', { min: 0, max: 500, requiredMessage: 'Enter contacts' }),
      h: hoursAsMinutes('Hours', { max: 200, requiredMessage: 'Enter hours' }),
    })
    assert.deepEqual(parseForm(schema, { n: '1,000', h: '3.5' }).ok, false)
    assert.deepEqual(parseForm(schema, { n: '12', h: '3.5' }), { ok: true, data: { n: 12, h: 210 } })
    assert.deepEqual(messages(parseForm(schema, { n: 'twelve', h: '-1' })), [
      'Contacts must be a whole number between 0 and 500',
      'Hours must be a number of hours between 0 and 200, like 2 or 3.5',
    ])
  })

  test('checkboxes accept one, several or none, and only the values offered', () => {
    const schema = z.object({ pick: someOf(['a', 'b', 'c'], 'Select from the list') })
    assert.deepEqual(parseForm(schema, { pick: 'a' }), { ok: true, data: { pick: ['a'] } })
    assert.deepEqual(parseForm(schema, { pick: ['a', 'c'] }), { ok: true, data: { pick: ['a', 'c'] } })
    assert.deepEqual(messages(parseForm(schema, { pick: ['a', 'z'] })), ['Select from the list'])
  })

  test('the form token and unknown fields never reach the schema’s data', () => {
    const schema = z.object({ a: optionalText('A') })
    assert.deepEqual(parseForm(schema, { a: 'x', _csrf: 'token', extra: 'ignored', __proto__: { polluted: true } }), { ok: true, data: { a: 'x' } })
  })
})
