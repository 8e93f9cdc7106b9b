import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded, idOf, listUnder } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { referralSent, signedIn } from '../../../../test/support/referral-steps.ts'

/** A search by whole name and date of birth (day, month, year), as the address bar carries it. */
function byName(givenName: string, familyName: string, [day, month, year]: [string, string, string]): string {
  return new URLSearchParams({ givenName, familyName, 'dateOfBirth-day': day, 'dateOfBirth-month': month, 'dateOfBirth-year': year }).toString()
}

describe(`families an advocate knows (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
    await referralSent(await signedIn(t, 'referrer'), { familyName: 'Knownfamily' })
  })
  after(async () => t.close())

  test('the coordinator finds a parent, records that the advocate knows their family, and removes it again', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Nora', familyName: 'Neighbour' })
    const found = await coordinator.get(`${url}/known-families?${byName('maria', 'KNOWNFAMILY', ['3', '4', '1990'])}`)
    const people = [...found.document.querySelectorAll('main form[method="post"]')].map((form) => textOf(form))
    assert.deepEqual(people, ['Maria Knownfamily, born 1990 They know this family'], 'found as anyone is, shown by name and year of birth')
    const personId = found.document.querySelector<HTMLInputElement>('input[name="personId"]')?.value ?? ''
    assert.equal((await coordinator.post(`${url}/known-families`, { personId, note: 'Neighbours' })).location, url)
    const page = await coordinator.open(url)
    assert.match(textOf(page.document.querySelector('.govuk-notification-banner')), /Recorded They will never be matched to anyone in that family\./)
    assert.deepEqual(listUnder(page.document, 'Families they know'), ['The family of Maria Knownfamily (Neighbours) Remove the family of Maria Knownfamily'])
    assert.equal((await coordinator.post(`${url}/known-families`, { personId, note: 'Again' })).location, url, 'recording it twice keeps one')
    assert.equal(listUnder((await coordinator.get(url)).document, 'Families they know').length, 1)

    const remove = page.document.querySelector('form[action*="/known-families/"]')?.getAttribute('action') ?? ''
    assert.equal((await coordinator.post(remove, {})).location, url)
    assert.deepEqual(listUnder((await coordinator.open(url)).document, 'Families they know'), [])
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', idOf(url))
      .where('action', 'like', 'advocate.knows-family%')
      .execute()
    assert.deepEqual(
      audit.map((row) => row.action),
      ['advocate.knows-family', 'advocate.knows-family', 'advocate.knows-family-removed'],
    )
  })

  test('a search needs a whole name with a date of birth; part of a name lists nobody; a person who is not there is not found', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Sue', familyName: 'Searcher' })
    const short = await coordinator.get(`${url}/known-families?familyName=Kn`)
    assert.deepEqual(errorSummary(short.document), [
      'Enter their first name, or search by case system ID',
      'Enter their date of birth, or search by case system ID',
    ])
    assert.match(
      textOf((await coordinator.get(`${url}/known-families?${byName('Maria', 'Known', ['3', '4', '1990'])}`)).document.querySelector('main')),
      /Nobody found\./,
    )
    assert.match(
      textOf((await coordinator.get(`${url}/known-families?${byName('Maria', 'Nobodyatall', ['3', '4', '1990'])}`)).document.querySelector('main')),
      /Nobody found\./,
    )
    await coordinator.get(`${url}/known-families`)
    const nobody = await coordinator.submit(`${url}/known-families`, { personId: '' })
    assert.deepEqual(errorSummary(nobody.document), ['Select a person'])
    assert.equal((await coordinator.post(`${url}/known-families`, { personId: '00000000-0000-4000-8000-000000000000' })).status, 404)
  })

  test('only the coordinator records them', async () => {
    const url = await advocateAdded(await signedIn(t, 'coordinator'), { givenName: 'Ola', familyName: 'Only' })
    for (const who of ['admin', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`${url}/known-families`)).status, 403, who)
      assert.equal((await browser.post(`${url}/known-families`, { personId: '00000000-0000-4000-8000-000000000000' })).status, 403, who)
    }
  })
})
