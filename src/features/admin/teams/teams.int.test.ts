import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, fieldError, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`teams (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a system admin sees the teams and adds one; the names are unique whatever their case', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const page = await sysadmin.get('/admin/teams')
    assert.deepEqual(tableRows(page.document), [['FGC Advocacy Admin Receives "Pass to FGC Service Manager" requests', '1']])
    const added = await sysadmin.submit('/admin/teams', { name: 'Children and Families Team B' })
    assert.match(
      textOf(added.document.querySelector('.govuk-notification-banner')),
      /Team added Add people to Children and Families Team B from their accounts\./,
    )
    assert.deepEqual(
      tableRows(added.document).map((row) => row[0]),
      ['Children and Families Team B', 'FGC Advocacy Admin Receives "Pass to FGC Service Manager" requests'],
    )
    const again = await sysadmin.submit('/admin/teams', { name: 'children and families team b' })
    assert.deepEqual(errorSummary(again.document), ['A team with that name already exists'])
    assert.equal(fieldError(again.document, 'name'), 'A team with that name already exists')
    const empty = await sysadmin.submit('/admin/teams', { name: '  ' })
    assert.deepEqual(errorSummary(empty.document), ['Enter the name of the team'])
    const audit = await t.database.db.selectFrom('audit_event').select('actor_id').where('action', '=', 'team.created').execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.sysadmin.id }])
  })

  test('only a system admin may see or add teams, and only with the form token', async () => {
    for (const who of ['referrer', 'admin', 'manager', 'coordinator'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/teams')).status, 403, who)
      assert.equal((await browser.post('/admin/teams', { name: 'Sneaky team' })).status, 403, who)
    }
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/teams')
    assert.equal((await sysadmin.post('/admin/teams', { name: 'Forged team' }, { withToken: false })).status, 403)
    const made = await t.database.db.selectFrom('team').select('id').where('name', 'in', ['Sneaky team', 'Forged team']).execute()
    assert.deepEqual(made, [])
  })
})
