import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { familyDateFormat } from './dates.ts'

const LONDON = 'Europe/London'
const full = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON } as const
const long = { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON } as const
const short = { day: 'numeric', month: 'long', timeZone: LONDON } as const
const time = { hour: 'numeric', minute: '2-digit', timeZone: LONDON } as const
const day = new Date('2026-12-15T12:00:00Z')

describe('dates as families read them', () => {
  test('English in GOV.UK style: no comma after the weekday', () => {
    assert.equal(familyDateFormat('en-GB', full).format(day), 'Tuesday 15 December 2026')
    assert.equal(familyDateFormat('en-GB', long).format(day), '15 December 2026')
    assert.equal(familyDateFormat('en-GB', short).format(day), '15 December')
    assert.equal(familyDateFormat('en', full).format(day), 'Tuesday 15 December 2026', 'any English locale')
  })

  test('English times: 10am, 2:30pm, midday, midnight, in London time through the year', () => {
    assert.equal(familyDateFormat('en-GB', time).format(new Date('2026-12-15T10:00:00Z')), '10am')
    assert.equal(familyDateFormat('en-GB', time).format(new Date('2026-12-15T14:30:00Z')), '2:30pm')
    assert.equal(familyDateFormat('en-GB', time).format(new Date('2026-12-15T12:00:00Z')), 'midday')
    assert.equal(familyDateFormat('en-GB', time).format(new Date('2026-12-15T00:00:00Z')), 'midnight')
    assert.equal(familyDateFormat('en-GB', time).format(new Date('2026-12-15T00:05:00Z')), '12:05am')
    assert.equal(familyDateFormat('en-GB', time).format(new Date('2026-12-15T12:45:00Z')), '12:45pm')
    assert.equal(familyDateFormat('en-GB', time).format(new Date('2026-07-01T09:30:00Z')), '10:30am', 'British Summer Time')
  })

  test('Spanish keeps its own order and 24-hour clock, without an English comma', () => {
    assert.equal(familyDateFormat('es', full).format(day), 'martes 15 de diciembre de 2026')
    assert.equal(familyDateFormat('es', long).format(day), '15 de diciembre de 2026')
    assert.equal(familyDateFormat('es', time).format(new Date('2026-12-15T14:30:00Z')), '14:30')
  })

  test('Arabic keeps its own comma and its own way of telling the time', () => {
    const written = familyDateFormat('ar', full).format(day)
    assert.ok(!written.includes(','), written)
    assert.match(written, /^الثلاثاء، /)
    assert.match(written, /ديسمبر/)
    assert.match(familyDateFormat('ar', time).format(new Date('2026-12-15T14:30:00Z')), /م$/)
  })

  test('a locale it cannot read is written as English', () => {
    assert.equal(familyDateFormat(undefined, full).format(day), 'Tuesday 15 December 2026')
    assert.equal(familyDateFormat(['en-GB', 'en'], long).format(day), '15 December 2026')
  })
})
