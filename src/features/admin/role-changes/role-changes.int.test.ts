import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'
import type { StaffKey } from '../../../../test/support/world.ts'

describe(`role changes that open case records, shown to service managers (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  /** The system admin sets someone's roles on their account page. */
  async function giveRoles(who: StaffKey, roles: string[]) {
    const sysadmin = await signedIn(t, 'sysadmin')
    const person = t.world.staff[who]
    const url = `/admin/users/${person.id}`
    const page = await sysadmin.get(url)
    return sysadmin.submit(url, { displayName: person.displayName, email: person.email, roles, active: 'yes', version: versionOn(page.html) })
  }

  test('a role that opens case records is shown to every service manager, with who gave it to whom and when, until one acknowledges it', async () => {
    const saved = await giveRoles('analyst', ['analyst', 'service_manager'])
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Your service managers will see that you gave them: Service manager\./)

    const manager = await signedIn(t, 'manager')
    const home = await manager.get('/')
    assert.match(
      textOf(home.document.querySelector('.govuk-notification-banner')),
      /1 role change that open case records is waiting for a service manager to acknowledge/,
    )
    const list = await manager.get('/admin/role-changes')
    assert.equal(heading(list.document), 'Role changes that open case records')
    assert.deepEqual(tableRows(list.document), [['24 November 2026 at 10am', 'Ana Analyst', 'Service manager', 'Sid Sysadmin', 'Acknowledge']])

    const analyst = await signedIn(t, 'analyst')
    const own = await analyst.get('/admin/role-changes')
    assert.match(
      tableRows(own.document)[0]?.[4] ?? '',
      /Another service manager must acknowledge a change to your own roles/,
      'no button on a change to your own roles',
    )
    const action = list.document.querySelector('form[action$="/acknowledge"]')?.getAttribute('action') ?? ''
    const grantId = /^\/admin\/role-changes\/([0-9a-f-]{36})\/acknowledge$/.exec(action)?.[1] ?? ''
    const refused = await analyst.submit(`/admin/role-changes/${grantId}/acknowledge`, {})
    assert.deepEqual(errorSummary(refused.document), ['Another service manager must acknowledge a change to your own roles'])
    assert.equal(textOf((await analyst.get('/')).document.querySelector('.govuk-notification-banner')), '', 'nor is it waiting on them')

    t.clock.advanceMinutes(30)
    await manager.get('/admin/role-changes')
    const acknowledged = await manager.submit(`/admin/role-changes/${grantId}/acknowledge`, {})
    assert.deepEqual(tableRows(acknowledged.document)[0]?.[4], 'By Manny Manager, 24 November 2026 at 10:30am')
    const other = await signedIn(t, 'otherManager')
    assert.equal(textOf((await other.get('/')).document.querySelector('.govuk-notification-banner')), '', 'acknowledged once, for everyone')

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id', 'record_id'])
      .where('action', 'in', ['account.roles-granted', 'account.role-grant-acknowledged'])
      .orderBy('id')
      .execute()
    assert.deepEqual(audit, [
      { action: 'account.roles-granted', actor_id: t.world.staff.sysadmin.id, record_id: t.world.staff.analyst.id },
      { action: 'account.role-grant-acknowledged', actor_id: t.world.staff.manager.id, record_id: t.world.staff.analyst.id },
    ])
  })

  test('roles that open no case records are not listed; a new account with such a role is; other authorities see none of it', async () => {
    await giveRoles('otherReferrer', ['referrer', 'analyst'])
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/users/new')
    await sysadmin.post('/admin/users/new', { displayName: 'Nina Newcomer', email: 'nina@test.example', roles: ['advocacy_admin', 'analyst'] })
    const rows = tableRows((await (await signedIn(t, 'otherManager')).get('/admin/role-changes')).document)
    assert.deepEqual(
      rows.map((row) => [row[1], row[2]]),
      [
        ['Nina Newcomer', 'Advocacy admin'],
        ['Ana Analyst', 'Service manager'],
      ],
    )
    const elsewhere = await t.database.db.selectFrom('role_grant').select('id').where('authority_id', '=', t.world.elsewhere.authorityId).execute()
    assert.deepEqual(elsewhere, [])
  })

  test('only service managers see the list or acknowledge; an id that is not one is not found', async () => {
    for (const who of ['referrer', 'admin', 'sysadmin', 'coordinator'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/role-changes')).status, 403, who)
    }
    const manager = await signedIn(t, 'manager')
    await manager.get('/admin/role-changes')
    assert.equal((await manager.post('/admin/role-changes/not-an-id/acknowledge', {})).status, 404)
    assert.equal((await manager.post('/admin/role-changes/00000000-0000-4000-8000-000000000000/acknowledge', {})).status, 404)
    assert.equal((await manager.post('/admin/role-changes/00000000-0000-4000-8000-000000000000/acknowledge', {}, { withToken: false })).status, 403)
  })
})
