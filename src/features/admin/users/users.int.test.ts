import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`the list of users (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a system admin sees every account of their authority, its roles and whether it is in use; listing is audited', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const page = await sysadmin.get('/admin/users')
    assert.equal(page.status, 200)
    assert.equal(textOf(page.document.querySelector('caption')), '9 users')
    const rows = tableRows(page.document)
    assert.deepEqual(
      rows.find((row) => row[0] === 'Ada Admin'),
      ['Ada Admin', t.world.staff.admin.email, 'Advocacy admin', 'Active'],
    )
    assert.ok(!rows.some((row) => row[0]?.includes('Elsewhere')), 'nobody of another authority')
    const audit = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'account.listed').execute()
    assert.deepEqual(audit, [{ details: { count: 9 } }])
  })

  test('only a system admin may see it', async () => {
    for (const who of ['referrer', 'admin', 'manager', 'coordinator'] as const) {
      assert.equal((await (await signedIn(t, who)).get('/admin/users')).status, 403, who)
    }
  })
})
