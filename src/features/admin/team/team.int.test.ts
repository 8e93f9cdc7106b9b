import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`one team (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('shows what the team receives and who is in it, each linked to their account', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const page = await sysadmin.get(`/admin/teams/${t.world.fgcTeamId}`)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'FGC Advocacy Admin')
    assert.match(
      textOf(page.document.querySelector('main')),
      /"Pass to FGC Service Manager" requests and Child Protection Advocacy Reviews are sent to this team/,
    )
    const members = [...page.document.querySelectorAll('main .govuk-list a')].map((link) => [textOf(link), link.getAttribute('href')])
    assert.deepEqual(members, [['Ada Admin', `/admin/users/${t.world.staff.admin.id}`]])
  })

  test('a team that is not there, or is another authority’s, is not found; only a system admin may see one', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const theirs = await t.database.db.selectFrom('team').select('id').where('authority_id', '=', t.world.elsewhere.authorityId).executeTakeFirstOrThrow()
    for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000', theirs.id]) assert.equal((await sysadmin.get(`/admin/teams/${id}`)).status, 404, id)
    assert.equal((await (await signedIn(t, 'admin')).get(`/admin/teams/${t.world.fgcTeamId}`)).status, 403)
  })
})
