import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded, idOf, listUnder } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`an advocate's record (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('shows the whole record, whether they can be offered work and why not, and who moved them between stages', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator)
    const page = await coordinator.get(url)
    assert.equal(heading(page.document), 'Rosa Martinez')
    assert.equal(textOf(page.document.querySelector('.govuk-caption-l')), 'Parent peer advocate')
    assert.equal(summaryValue(page.document, 'Languages'), 'English (fluent), Spanish (first language)')
    assert.equal(summaryValue(page.document, 'Gender'), 'Woman')
    assert.equal(summaryValue(page.document, 'Areas'), 'Camden Town, Holborn')
    assert.equal(summaryValue(page.document, 'Usually available'), 'Monday, Wednesday')
    assert.equal(summaryValue(page.document, 'DBS check'), '1 October 2026')
    assert.equal(summaryValue(page.document, 'Sign-in'), 'Not yet')
    assert.match(textOf(page.document.querySelector('.govuk-warning-text')), /Cannot be offered work: is not yet active/)
    assert.deepEqual(listUnder(page.document, 'Stages'), ['Application, 24 November 2026 (Cora Coordinator)'])
    for (const action of ['edit', 'stage', 'sign-in', 'absences', 'known-families', 'photo/change']) {
      assert.ok(page.document.querySelector(`a[href="${url}/${action}"]`), `the coordinator can ${action}`)
    }
  })

  test('the advocacy admins and managers can read it, and each view is audited; others cannot see it', async () => {
    const url = await advocateAdded(await signedIn(t, 'coordinator'), { givenName: 'Rita', familyName: 'Readonly' })
    for (const who of ['admin', 'manager'] as const) {
      const page = await (await signedIn(t, who)).get(url)
      assert.equal(page.status, 200, who)
      assert.equal(page.document.querySelector(`a[href="${url}/edit"]`), null, `${who} cannot change it`)
    }
    for (const who of ['referrer', 'advocate', 'analyst', 'sysadmin'] as const) assert.equal((await (await signedIn(t, who)).get(url)).status, 403, who)
    const viewed = await t.database.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'advocate.viewed')
      .where('record_id', '=', idOf(url))
      .execute()
    assert.deepEqual(
      viewed.map((row) => row.actor_id),
      [t.world.staff.admin.id, t.world.staff.manager.id],
      'each view of an advocate’s record is audited, once each by the admin and the manager',
    )
  })

  test('an advocate who is not there, or an id that is not one, is not found', async () => {
    const admin = await signedIn(t, 'admin')
    for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000']) assert.equal((await admin.get(`/advocates/${id}`)).status, 404, id)
  })
})
