import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { errorSummary, fieldError, tableRows, textOf, type Browser } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'
import * as repository from './repository.ts'

/** A search's address: names and a date of birth as typed (day, month, year), or a case system ID. */
function searchFor(path: string, search: { given?: string | undefined; family?: string | undefined; born?: [string, string, string]; id?: string }): string {
  const query = new URLSearchParams()
  if (search.given !== undefined) query.set('givenName', search.given)
  if (search.family !== undefined) query.set('familyName', search.family)
  const [day = '', month = '', year = ''] = search.born ?? []
  query.set('dateOfBirth-day', day)
  query.set('dateOfBirth-month', month)
  query.set('dateOfBirth-year', year)
  if (search.id !== undefined) query.set('externalId', search.id)
  return `${path}?${query}`
}

/** The people a search page lists, as a person reads each line. */
function found(page: { document: Document }): string[] {
  return [...page.document.querySelectorAll('[data-found-person]')].map((item) => textOf(item).replace(/ ,/g, ','))
}

describe(`finding a person without browsing (${engine})`, () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  before(async () => {
    t = await startTestApp()
    const add = async (key: string, givenName: string, familyName: string, dateOfBirth: string | null, externalId: string | null) => {
      ids[key] = await repository.insertPerson(t.database.db, {
        authorityId: t.world.authorityId,
        familyGroupId: null,
        kind: 'adult',
        givenName,
        familyName,
        dateOfBirth,
        gender: null,
        pronouns: null,
        externalId,
        createdBy: t.world.staff.otherReferrer.id,
        now: t.clock.now(),
      })
    }
    await add('lucia', 'Lucía', 'Fernández', '1988-02-14', 'CS-4471234')
    await add('plainLucia', 'Lucia', 'Fernandez', '1975-07-01', null)
    await add('doubleBarrelled', 'María José', 'García-López', '1990-04-03', null)
    await add('undated', 'Mariam', 'Findlay', null, null)
  })
  after(async () => t.close())

  test('a name is found however its accents and capitals are typed, both ways round', async () => {
    const referrer = await signedIn(t, 'referrer')
    const page = await referrer.get(searchFor('/people', { given: 'Lucia', family: 'Fernandez', born: ['14', '2', '1988'] }))
    assert.equal(page.status, 200)
    assert.deepEqual(found(page), ['Lucía Fernández, born 1988, case system ID ending 234'])
    const other = await referrer.get(searchFor('/people', { given: 'LUCÍA', family: 'FERNÁNDEZ', born: ['1', '7', '1975'] }))
    assert.deepEqual(found(other), ['Lucia Fernandez, born 1975'])
    const parts = await referrer.get(searchFor('/people', { given: 'jose', family: 'lopez', born: ['3', '4', '1990'] }))
    assert.deepEqual(found(parts), ['María José García-López, born 1990'], 'each part of a name is a word of its own')
  })

  test('a search needs a full name with a date of birth, or a case system ID: a few letters list nobody', async () => {
    const referrer = await signedIn(t, 'referrer')
    const letters = await referrer.get(searchFor('/people', { given: 'Lu' }))
    assert.equal(letters.status, 400)
    assert.deepEqual(errorSummary(letters.document), [
      'Enter their last name, or search by case system ID',
      'Enter their date of birth, or search by case system ID',
    ])
    assert.equal(fieldError(letters.document, 'familyName'), 'Enter their last name, or search by case system ID')
    assert.deepEqual(found(letters), [])
    const oldWay = await referrer.get('/people?name=fe')
    assert.deepEqual(found(oldWay), [], 'part of a name alone searches nothing')
    assert.deepEqual(found(await referrer.get(searchFor('/people', { given: 'Lucia', family: 'Fernandez', born: ['15', '2', '1988'] }))), [])
    for (const [given, family] of [
      ['L', 'F'],
      ['Luc', 'Fern'],
      ['Lucia', 'F'],
    ]) {
      const page = await referrer.get(searchFor('/people', { given, family, born: ['14', '2', '1988'] }))
      assert.deepEqual(found(page), [], `${given} ${family}: the names must be theirs, not their first letters`)
    }
    const byId = await referrer.get(searchFor('/people', { id: 'CS-4471234' }))
    assert.deepEqual(found(byId), ['Lucía Fernández, born 1988, case system ID ending 234'])
    assert.deepEqual(found(await referrer.get(searchFor('/people', { id: 'CS-447' }))), [], 'an ID is matched whole')
  })

  test('someone with no date of birth recorded is found only by their whole name', async () => {
    const referrer = await signedIn(t, 'referrer')
    assert.deepEqual(found(await referrer.get(searchFor('/people', { given: 'mariam', family: 'FINDLAY', born: ['1', '1', '1980'] }))), [
      'Mariam Findlay, date of birth not recorded',
    ])
    assert.deepEqual(found(await referrer.get(searchFor('/people', { given: 'Mar', family: 'Find', born: ['1', '1', '1980'] }))), [])
  })

  test('a search shows only enough to know the person, and the trail records whom it showed', async () => {
    const manager = await signedIn(t, 'manager')
    const page = await manager.get(searchFor('/people', { given: 'Lucia', family: 'Fernandez', born: ['14', '2', '1988'] }))
    const words = textOf(page.document.querySelector('main'))
    assert.doesNotMatch(words, /14 February 1988|CS-4471234|4471234/, 'no full date of birth, no full ID')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['details', 'record_type'])
      .where('actor_id', '=', t.world.staff.manager.id)
      .where('action', '=', 'person.searched')
      .execute()
    assert.equal(audit.length, 1)
    assert.deepEqual(audit[0]?.details['shown'], [ids['lucia']])
    assert.equal(audit[0]?.details['found'], 1)
    assert.doesNotMatch(JSON.stringify(audit), /lucia|fernandez|1988/i, 'the trail says whom it showed, not what was typed')
  })

  test('the referral’s find step searches the same way, and carries the name and date of birth into “Add a new parent or carer”', async () => {
    const referrer: Browser = await signedIn(t, 'referrer')
    const started = await referrer.post('/referrals', {})
    const step = started.location ?? ''
    assert.match(step, /^\/referrals\/[0-9a-f-]{36}\/person$/)
    const matched = await referrer.get(searchFor(step, { given: 'lucia', family: 'fernandez', born: ['14', '2', '1988'] }))
    assert.deepEqual(
      tableRows(matched.document).map((row) => row.slice(0, 3)),
      [['Lucía Fernández', '1988', 'Ending 234']],
    )
    const nobody = await referrer.get(searchFor(step, { given: 'Zoë', family: 'Ångström', born: ['9', '10', '1991'] }))
    assert.deepEqual(tableRows(nobody.document), [])
    const add = nobody.document.querySelector('a[href*="/person/new"]')?.getAttribute('href') ?? ''
    const form = await referrer.get(add)
    const value = (name: string) => form.document.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value
    assert.deepEqual(['givenName', 'familyName', 'dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year'].map(value), ['Zoë', 'Ångström', '9', '10', '1991'])
    const byId = await referrer.get(searchFor(step, { id: 'CS-0000001' }))
    const addById = await referrer.get(byId.document.querySelector('a[href*="/person/new"]')?.getAttribute('href') ?? '')
    assert.equal(addById.document.querySelector<HTMLInputElement>('input[name="externalId"]')?.value, 'CS-0000001', 'and the case system ID')
  })
})
