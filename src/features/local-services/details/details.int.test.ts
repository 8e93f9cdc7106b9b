import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, fieldError, heading, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { localService } from '../../../../test/support/pool.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

const deaf = { name: 'Deaf Advocacy', languages: 'BSL', specialisms: 'deaf', contact: 'hello@deaf.example', notes: 'Weekdays only', active: 'yes' }

describe(`adding and changing a local service (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('an advocacy admin adds a service; every answer is checked; names are unique whatever their case', async () => {
    const admin = await signedIn(t, 'admin')
    await admin.get('/local-services/new')
    const refused = await admin.submit('/local-services/new', { active: 'maybe', notes: 'Kept' })
    assert.deepEqual(errorSummary(refused.document), [
      'Enter the name of the service',
      'Enter how to contact them',
      'Select whether referrals can be triaged to them',
    ])
    assert.deepEqual(errorSummaryLinks(refused.document), ['#name', '#contact', '#active'])
    assert.equal(textOf(refused.document.querySelector('#notes')), 'Kept', 'what was typed is kept')

    const added = await admin.post('/local-services/new', deaf)
    assert.equal(added.location, '/local-services')
    const list = await admin.open(added.location)
    assert.match(textOf(list.document.querySelector('.govuk-notification-banner')), /Local service added/)
    assert.deepEqual(tableRows(list.document, 'Local services'), [['Deaf Advocacy hello@deaf.example', 'BSL', 'Deaf people (BSL)']])

    const again = await admin.submit('/local-services/new', { name: 'deaf advocacy', contact: 'x', active: 'yes' })
    assert.deepEqual(errorSummary(again.document), ['A local service with that name is already listed'])
    assert.equal(fieldError(again.document, 'name'), 'A local service with that name is already listed')
    const audit = await t.database.db.selectFrom('audit_event').select('actor_id').where('action', '=', 'local-service.created').execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.admin.id }])
  })

  test('a coordinator changes a service; the form starts from what is saved', async () => {
    const id = await localService(t, { name: 'Changing Service', languages: ['Polish', 'Czech'] })
    const coordinator = await signedIn(t, 'coordinator')
    const page = await coordinator.get(`/local-services/${id}`)
    assert.equal(heading(page.document), 'Changing Service')
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="languages"]')?.value, 'Polish, Czech')
    assert.equal(page.document.querySelector('input[name="active"][value="yes"]')?.hasAttribute('checked'), true)
    const saved = await coordinator.post(`/local-services/${id}`, { ...deaf, name: 'Changed Service', active: 'no', version: versionOn(page.html) })
    assert.equal(saved.location, '/local-services')
    const row = await t.database.db.selectFrom('local_service').select(['name', 'active', 'version']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual(row, { name: 'Changed Service', active: false, version: 2 })
    await localService(t, { name: 'Taken Name' })
    const clash = await coordinator.submit(`/local-services/${id}`, { ...deaf, name: 'TAKEN NAME', version: '2' })
    assert.deepEqual(errorSummary(clash.document), ['A local service with that name is already listed'])
  })

  test('two people changing one service at once: the second is told, and loses nothing', async () => {
    const id = await localService(t, { name: 'Shared Service' })
    const first = await signedIn(t, 'admin')
    const second = await signedIn(t, 'manager')
    const version = versionOn((await first.get(`/local-services/${id}`)).html)
    await second.get(`/local-services/${id}`)
    assert.equal((await first.post(`/local-services/${id}`, { ...deaf, name: 'Shared Service', contact: 'first@example.org', version })).status, 303)
    const conflict = await second.submit(`/local-services/${id}`, { ...deaf, name: 'Shared Service', contact: 'second@example.org', version })
    assert.match(errorSummary(conflict.document)[0] ?? '', /saved a change .*after you opened this page/)
    assert.equal(textOf(conflict.document.querySelector('#contact')), 'second@example.org', 'the second person’s answers are kept')
    assert.equal(versionOn(conflict.html), '2', 'the form now carries the new version')
    const row = await t.database.db.selectFrom('local_service').select('contact').where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.contact, 'first@example.org', 'the first save stands')
  })

  test('a service that is not there, or is another authority’s, is not found; others may not add one', async () => {
    const theirs = await localService(t, { name: 'Their Service', authorityId: t.world.elsewhere.authorityId })
    const admin = await signedIn(t, 'admin')
    for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000', theirs]) {
      assert.equal((await admin.get(`/local-services/${id}`)).status, 404, id)
      assert.equal((await admin.post(`/local-services/${id}`, { ...deaf, version: '1' })).status, 404, id)
    }
    const referrer = await signedIn(t, 'referrer')
    assert.equal((await referrer.get('/local-services/new')).status, 403)
    assert.equal((await referrer.post('/local-services/new', { ...deaf, name: 'Sneaky' })).status, 403)
    await admin.get('/local-services/new')
    assert.equal((await admin.post('/local-services/new', { ...deaf, name: 'Forged' }, { withToken: false })).status, 403)
    const made = await t.database.db.selectFrom('local_service').select('name').where('name', 'in', ['Sneaky', 'Forged']).execute()
    assert.deepEqual(made, [])
  })
})
