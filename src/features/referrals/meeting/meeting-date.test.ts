import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { meetingSchema } from './schema.ts'

/** The meeting date's rule, once for the meeting step and for reschedule: today or later, within 2 years. */
describe('the date of the meeting', () => {
  let today = '2026-11-24'
  const schema = meetingSchema(() => today)
  const form = (day: string, month: string, year: string) => ({
    type: 'initial_conference',
    'date-day': day,
    'date-month': month,
    'date-year': year,
    stage: 'child_protection',
  })

  test('a meeting in the past is refused, with a GOV.UK message on the day', () => {
    const result = parseForm(schema, form('17', '11', '2026'))
    assert.equal(result.ok, false)
    assert.deepEqual(result.ok ? [] : result.errors, [{ field: 'date', message: 'Date of the meeting must be today or in the future', href: '#date-day' }])
  })

  test('yesterday is refused; today and tomorrow are accepted', () => {
    assert.equal(parseForm(schema, form('23', '11', '2026')).ok, false)
    assert.equal(parseForm(schema, form('24', '11', '2026')).ok, true)
    assert.equal(parseForm(schema, form('25', '11', '2026')).ok, true)
  })

  test('more than 2 years ahead is refused', () => {
    const result = parseForm(schema, form('25', '11', '2028'))
    assert.deepEqual(result.ok ? [] : result.errors.map((error) => error.message), ['Date of the meeting must be within the next 2 years'])
  })

  test('"today" is the day the form is sent, not the day the schema was made', () => {
    today = '2026-12-01'
    assert.equal(parseForm(schema, form('30', '11', '2026')).ok, false, 'yesterday, by the new today')
    today = '2026-11-24'
  })
})
