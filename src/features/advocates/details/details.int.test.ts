import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded, idOf, newAdvocate } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, fieldError, heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

describe(`adding and changing an advocate's details (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the coordinator adds a peer advocate, who starts at application; every answer is checked', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const form = await coordinator.get('/advocates/new')
    assert.equal(heading(form.document), 'Add an advocate')
    assert.equal(form.document.querySelector<HTMLInputElement>('input[name="capacity"]')?.value, '1', 'one person at a time, unless changed')
    const refused = await coordinator.submit('/advocates/new', {
      kind: 'peer',
      language1: 'Spanish',
      capacity: 'lots',
      'dbsCheckedOn-day': '1',
      'dbsCheckedOn-month': '1',
      'dbsCheckedOn-year': '2099',
    })
    assert.deepEqual(errorSummary(refused.document), [
      'Select the kind of advocate',
      'Enter their first name',
      'Enter their last name',
      'How many people they can support at once must be a whole number between 0 and 20',
      'The date of the DBS check must be today or in the past',
    ])
    assert.deepEqual(errorSummaryLinks(refused.document), ['#kind', '#givenName', '#familyName', '#capacity', '#dbsCheckedOn-day'])
    assert.equal(refused.document.querySelector<HTMLInputElement>('input[name="language1"]')?.value, 'Spanish', 'what was typed is kept')
    const languageOnly = await coordinator.submit('/advocates/new', { ...newAdvocate, languageLevel1: '', language2: '', languageLevel2: 'fluent' })
    assert.deepEqual(errorSummary(languageOnly.document), ['Select how well they speak Spanish', 'Enter the language, or clear how well they speak it'])
    const twice = await coordinator.submit('/advocates/new', { ...newAdvocate, language2: 'spanish' })
    assert.equal(fieldError(twice.document, 'language2'), 'spanish is listed twice')

    const url = await advocateAdded(coordinator)
    const page = await coordinator.open(url)
    assert.match(textOf(page.document.querySelector('.govuk-notification-banner')), /Advocate added They start at the application stage\./)
    assert.match(textOf(page.document.querySelector('main .govuk-tag')), /Application/)
    const professional = await coordinator.open(
      await advocateAdded(coordinator, { kind: 'professional_advocate', givenName: 'Pat', familyName: 'Professional' }),
    )
    assert.match(textOf(professional.document.querySelector('.govuk-notification-banner')), /Professional advocates start as active\./)
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'advocate.created')
      .where('record_id', '=', idOf(url))
      .execute()
    assert.deepEqual(audit, [{ details: { stage: 'application' } }])
  })

  test('the change form starts from the record, and saves the change', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Carla', familyName: 'Changer' })
    const form = await coordinator.get(`${url}/edit`)
    assert.equal(heading(form.document), "Change Carla Changer's details")
    assert.equal(form.document.querySelector<HTMLInputElement>('input[name="areas"]')?.value, 'Camden Town, Holborn')
    assert.equal(form.document.querySelector<HTMLInputElement>('input[name="language2"]')?.value, 'Spanish')
    assert.ok(form.document.querySelector('input[name="availableDays"][value="wed"]')?.hasAttribute('checked'))
    const saved = await coordinator.post(`${url}/edit`, {
      ...newAdvocate,
      givenName: 'Carla',
      familyName: 'Changed',
      language2: 'Portuguese',
      version: versionOn(form.html),
    })
    assert.equal(saved.location, url)
    const page = await coordinator.open(url)
    assert.equal(heading(page.document), 'Carla Changed')
    assert.equal(summaryValue(page.document, 'Languages'), 'Portuguese (fluent), Spanish (first language)')
  })

  test('two changes at once: the second is told someone else saved first, and loses nothing', async () => {
    const first = await signedIn(t, 'coordinator')
    const second = await signedIn(t, 'coordinator')
    const url = await advocateAdded(first, { givenName: 'Cleo', familyName: 'Clash' })
    const version = versionOn((await first.get(`${url}/edit`)).html)
    await second.get(`${url}/edit`)
    assert.equal((await first.post(`${url}/edit`, { ...newAdvocate, givenName: 'Cleo', familyName: 'Clash', capacity: '3', version })).location, url)
    const clash = await second.submit(`${url}/edit`, { ...newAdvocate, givenName: 'Cleo', familyName: 'Clash', capacity: '5', version })
    assert.match(errorSummary(clash.document)[0] ?? '', /saved a change .*after you opened this page/)
    assert.equal(clash.document.querySelector<HTMLInputElement>('input[name="capacity"]')?.value, '5', 'the second answers are kept')
    assert.equal(versionOn(clash.html), String(Number(version) + 1), 'the form now carries the new version')
    const row = await t.database.db.selectFrom('advocate').select('capacity').where('id', '=', idOf(url)).executeTakeFirstOrThrow()
    assert.equal(row.capacity, 3, 'the first save stands')
  })

  test('only the coordinator adds or changes advocates; an advocate who is not there is not found', async () => {
    const url = await advocateAdded(await signedIn(t, 'coordinator'), { givenName: 'Una', familyName: 'Untouched' })
    for (const who of ['admin', 'manager', 'referrer'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/advocates/new')).status, 403, who)
      assert.equal((await browser.post('/advocates/new', newAdvocate)).status, 403, who)
      assert.equal((await browser.get(`${url}/edit`)).status, 403, who)
      assert.equal((await browser.post(`${url}/edit`, { ...newAdvocate, version: '1' })).status, 403, who)
    }
    const coordinator = await signedIn(t, 'coordinator')
    assert.equal((await coordinator.get('/advocates/not-an-id/edit')).status, 404)
    assert.equal((await coordinator.post('/advocates/00000000-0000-4000-8000-000000000000/edit', { ...newAdvocate, version: '1' })).status, 404)
    await coordinator.get('/advocates/new')
    assert.equal((await coordinator.post('/advocates/new', { ...newAdvocate, familyName: 'Forged' }, { withToken: false })).status, 403)
    const made = await t.database.db.selectFrom('advocate').select('id').where('family_name', '=', 'Forged').execute()
    assert.deepEqual(made, [])
  })
})
