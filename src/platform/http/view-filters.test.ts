import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import nunjucks from 'nunjucks'
import { errorSummaryList, fieldError, formatClockTime, formatDate, formatDateTime, formatDayAndDate, mojDate, plural, trim } from './view-filters.ts'

describe('template filters', () => {
  test('dates as GOV.UK writes them; a calendar day is never shifted by a time zone', () => {
    assert.equal(formatDate('2026-03-29'), '29 March 2026')
    assert.equal(formatDayAndDate('2026-11-24'), 'Tuesday 24 November 2026')
    assert.equal(formatDate(new Date('2026-06-30T23:30:00Z')), '1 July 2026', 'an instant is shown in UK time (BST)')
    assert.equal(formatDate(null), '')
    assert.equal(formatDate('not a date'), '')
  })

  test('times: "3:05pm", "10am", midnight and noon', () => {
    assert.equal(formatDateTime(new Date('2026-11-24T15:05:00Z')), '24 November 2026 at 3:05pm')
    assert.equal(formatDateTime(new Date('2026-07-01T09:00:00Z')), '1 July 2026 at 10am')
    assert.equal(formatClockTime('00:00'), '12am')
    assert.equal(formatClockTime('12:30'), '12:30pm')
    assert.equal(formatClockTime('bad'), '')
    assert.equal(mojDate(new Date('2026-11-24T15:05:00Z'), 'shortdate'), '24 Nov 2026')
  })

  test('a field’s error for a GOV.UK macro, and the summary’s links', () => {
    const errors = [
      { field: 'reason', message: 'Enter the reason' },
      { field: 'date', message: 'Enter a date', href: '#date-day' },
    ]
    assert.deepEqual(fieldError(errors, 'reason'), { text: 'Enter the reason' })
    assert.equal(fieldError(errors, 'other'), false)
    assert.equal(fieldError(undefined, 'reason'), false)
    assert.deepEqual(errorSummaryList(errors), [
      { text: 'Enter the reason', href: '#reason' },
      { text: 'Enter a date', href: '#date-day' },
    ])
  })

  test('plurals', () => {
    assert.equal(plural(1, 'person', 'people'), '1 person')
    assert.equal(plural(3, 'person', 'people'), '3 people')
    assert.equal(plural(0, 'item'), '0 items')
  })
})

describe("trim, in place of Nunjucks' own", () => {
  const theirs = new nunjucks.Environment(null, { autoescape: true })
  const ours = new nunjucks.Environment(null, { autoescape: true }).addFilter('trim', trim)
  const template = '[{{ value | trim }}][{{ value | safe | trim }}][{% set markup %}  <b>{{ value }}</b>\n  {% endset %}{{ markup | trim }}]'

  test('gives what Nunjucks gives, escaped or marked safe, for every kind of space', () => {
    const values = [
      '',
      ' ',
      'word',
      '  two words  ',
      '\n\t  indented <p>markup</p>\n    \n',
      '\u00a0\u2003nbsp and em\u2028\ufeff',
      'a\r\nb',
      ' <script>&amp; ',
    ]
    for (const value of values) assert.equal(ours.renderString(template, { value }), theirs.renderString(template, { value }), JSON.stringify(value))
  })

  test('a long run of spaces inside is kept', () => {
    const value = `a${' '.repeat(20_000)}b  `
    assert.equal(ours.renderString('{{ value | trim }}', { value }), `a${' '.repeat(20_000)}b`)
  })
})
