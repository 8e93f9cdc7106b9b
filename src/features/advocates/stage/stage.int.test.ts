import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded, idOf, listUnder } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

describe(`moving an advocate between stages (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('every move is recorded; an active peer advocate without training is told why they cannot be offered work', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Stella', familyName: 'Stages' })
    for (const stage of ['conversation', 'references', 'dbs', 'training', 'active']) {
      const page = await coordinator.get(`${url}/stage`)
      assert.equal((await coordinator.post(`${url}/stage`, { stage, version: versionOn(page.html) })).location, url, stage)
    }
    const page = await coordinator.open(url)
    assert.match(textOf(page.document.querySelector('.govuk-notification-banner')), /Moved to Active/)
    const warning = textOf(page.document.querySelector('.govuk-warning-text'))
    assert.match(warning, /has not completed 6 modules/)
    assert.match(warning, /no one-to-one supervision/)
    assert.equal(listUnder(page.document, 'Stages').length, 6)
    const changes = await t.database.db
      .selectFrom('advocate_stage_change')
      .select(['from_stage', 'to_stage'])
      .where('advocate_id', '=', idOf(url))
      .orderBy('id')
      .execute()
    assert.deepEqual(
      changes.map((row) => `${row.from_stage ?? '-'} → ${row.to_stage}`),
      ['- → application', 'application → conversation', 'conversation → references', 'references → dbs', 'dbs → training', 'training → active'],
    )
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'advocate.stage-changed')
      .where('record_id', '=', idOf(url))
      .execute()
    assert.equal(audit.length, 5)
  })

  test('a stage must be chosen from the list; moving to the stage they are at records nothing', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Sid', familyName: 'Same' })
    const page = await coordinator.get(`${url}/stage`)
    assert.ok(page.document.querySelector('input[name="stage"][value="application"]')?.hasAttribute('checked'), 'the stage they are at')
    const refused = await coordinator.submit(`${url}/stage`, { stage: 'astronaut', version: versionOn(page.html) })
    assert.deepEqual(errorSummary(refused.document), ['Select a stage'])
    await coordinator.post(`${url}/stage`, { stage: 'application', version: versionOn(page.html) })
    const changes = await t.database.db.selectFrom('advocate_stage_change').select('id').where('advocate_id', '=', idOf(url)).execute()
    assert.equal(changes.length, 1)
  })

  test('two moves at once: the second is told someone else saved first', async () => {
    const first = await signedIn(t, 'coordinator')
    const second = await signedIn(t, 'coordinator')
    const url = await advocateAdded(first, { givenName: 'Tia', familyName: 'Twice' })
    const version = versionOn((await first.get(`${url}/stage`)).html)
    await second.get(`${url}/stage`)
    assert.equal((await first.post(`${url}/stage`, { stage: 'conversation', version })).location, url)
    const clash = await second.submit(`${url}/stage`, { stage: 'left', version })
    assert.match(errorSummary(clash.document)[0] ?? '', /saved a change .*after you opened this page/)
    const row = await t.database.db.selectFrom('advocate').select('stage').where('id', '=', idOf(url)).executeTakeFirstOrThrow()
    assert.equal(row.stage, 'conversation')
  })

  test('only the coordinator moves advocates', async () => {
    const url = await advocateAdded(await signedIn(t, 'coordinator'), { givenName: 'Rita', familyName: 'Readonly' })
    for (const who of ['admin', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`${url}/stage`)).status, 403, who)
      assert.equal((await browser.post(`${url}/stage`, { stage: 'left', version: '1' })).status, 403, who)
    }
  })
})
