import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded, listUnder } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

const christmas = {
  'startsOn-day': '20',
  'startsOn-month': '12',
  'startsOn-year': '2026',
  'endsOn-day': '2',
  'endsOn-month': '1',
  'endsOn-year': '2027',
  note: 'Holiday',
}

describe(`an advocate's time away (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the coordinator records time away, which shows on the advocate’s page until removed', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Holly', familyName: 'Day' })
    await coordinator.get(`${url}/absences`)
    const backwards = await coordinator.submit(`${url}/absences`, { ...christmas, 'endsOn-day': '10', 'endsOn-month': '12', 'endsOn-year': '2026' })
    assert.deepEqual(errorSummary(backwards.document), ['The last day away must be the same as or after the first'])
    assert.deepEqual(errorSummaryLinks(backwards.document), ['#endsOn-day'])
    const empty = await coordinator.submit(`${url}/absences`, {})
    assert.deepEqual(errorSummary(empty.document), ['Enter the first day they are away', 'Enter the last day they are away'])

    assert.equal((await coordinator.post(`${url}/absences`, christmas)).location, url)
    const page = await coordinator.open(url)
    assert.match(textOf(page.document.querySelector('.govuk-notification-banner')), /Time away recorded They will not be matched to meetings on those days\./)
    assert.deepEqual(listUnder(page.document, 'Time away'), ['20 December 2026 to 2 January 2027 (Holiday) Remove time away from 20 December 2026'])

    const remove = page.document.querySelector('form[action$="/remove"]')?.getAttribute('action') ?? ''
    assert.match(remove, new RegExp(`^${url}/absences/[0-9a-f-]{36}/remove$`))
    assert.equal((await coordinator.post(remove, {})).location, url)
    const after = await coordinator.open(url)
    assert.deepEqual(listUnder(after.document, 'Time away'), [])
    assert.match(textOf(after.document.querySelector('main')), /None coming up\./)
    assert.equal((await coordinator.post(remove, {})).status, 404, 'removed once')
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('action', 'like', 'advocate.absence-%').execute()
    assert.deepEqual(audit.map((row) => row.action).sort(), ['advocate.absence-added', 'advocate.absence-removed'])
  })

  test('another advocate’s time away cannot be removed through this one; only the coordinator records it', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const mine = await advocateAdded(coordinator, { givenName: 'Mia', familyName: 'Mine' })
    const theirs = await advocateAdded(coordinator, { givenName: 'Theo', familyName: 'Theirs' })
    await coordinator.get(`${theirs}/absences`)
    await coordinator.post(`${theirs}/absences`, christmas)
    const remove = (await coordinator.get(theirs)).document.querySelector('form[action$="/remove"]')?.getAttribute('action') ?? ''
    const absenceId = remove.split('/').at(-2)
    assert.equal((await coordinator.post(`${mine}/absences/${absenceId}/remove`, {})).status, 404)
    assert.equal(listUnder((await coordinator.get(theirs)).document, 'Time away').length, 1, 'still there')
    for (const who of ['admin', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`${mine}/absences`)).status, 403, who)
      assert.equal((await browser.post(`${mine}/absences`, christmas)).status, 403, who)
      assert.equal((await browser.post(remove, {})).status, 403, who)
    }
  })
})
