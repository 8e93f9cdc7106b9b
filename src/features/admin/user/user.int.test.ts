import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, fieldError, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

const NONEXISTENT = '00000000-0000-4000-8000-000000000000'

describe(`changing a user's account (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the form starts from the account; a change is saved and audited', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const url = `/admin/users/${t.world.staff.otherReferrer.id}`
    const page = await sysadmin.get(url)
    assert.equal(heading(page.document), 'Owen Otherreferrer')
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="email"]')?.value, t.world.staff.otherReferrer.email)
    assert.ok(page.document.querySelector('input[name="roles"][value="referrer"]')?.hasAttribute('checked'))
    const saved = await sysadmin.post(url, {
      displayName: 'Owen Renamed',
      email: t.world.staff.otherReferrer.email,
      roles: ['referrer', 'analyst'],
      teamIds: t.world.fgcTeamId,
      active: 'yes',
      version: versionOn(page.html),
    })
    assert.equal(saved.location, '/admin/users')
    assert.match(textOf((await sysadmin.open('/admin/users')).document.querySelector('.govuk-notification-banner')), /Owen Renamed's account has been changed/)
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['display_name', 'roles'])
      .where('id', '=', t.world.staff.otherReferrer.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { display_name: 'Owen Renamed', roles: ['referrer', 'analyst'] })
    const team = await t.database.db.selectFrom('team_member').select('team_id').where('user_id', '=', t.world.staff.otherReferrer.id).execute()
    assert.deepEqual(team, [{ team_id: t.world.fgcTeamId }])
    const taken = await sysadmin.submit(url, {
      displayName: 'Owen Renamed',
      email: t.world.staff.referrer.email,
      roles: 'referrer',
      active: 'yes',
      version: versionOn((await sysadmin.get(url)).html),
    })
    assert.deepEqual(errorSummary(taken.document), ['That email address already has an account'])
  })

  test('closing an account signs its holder out at once; two admins editing one account cannot overwrite each other', async () => {
    const analyst = await signedIn(t, 'analyst')
    assert.equal((await analyst.get('/')).status, 200)

    const first = await signedIn(t, 'sysadmin')
    const second = await signedIn(t, 'sysadmin')
    const url = `/admin/users/${t.world.staff.analyst.id}`
    const version = versionOn((await first.get(url)).html)
    await second.get(url)
    const base = { displayName: 'Ana Analyst', email: t.world.staff.analyst.email, roles: 'analyst', version }
    assert.equal((await first.post(url, { ...base, active: 'no' })).location, '/admin/users')
    const clash = await second.submit(url, { ...base, displayName: 'Ana Renamed', active: 'yes' })
    assert.match(errorSummary(clash.document)[0] ?? '', /saved a change/)
    assert.equal(clash.document.querySelector<HTMLInputElement>('input[name="displayName"]')?.value, 'Ana Renamed', 'the second admin’s typing is kept')
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['display_name', 'active'])
      .where('id', '=', t.world.staff.analyst.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { display_name: 'Ana Analyst', active: false }, 'the first save stands')

    const signedOut = await analyst.get('/')
    assert.equal(signedOut.status, 303, 'the closed account is signed out')
  })

  test('nobody changes their own roles or closes their own account: the page says why, and nothing is saved', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const url = `/admin/users/${t.world.staff.sysadmin.id}`
    const own = { displayName: 'Sid Sysadmin', email: t.world.staff.sysadmin.email, active: 'yes' }
    const granted = await sysadmin.submit(url, { ...own, roles: ['system_admin', 'service_manager'], version: versionOn((await sysadmin.get(url)).html) })
    assert.deepEqual(errorSummary(granted.document), ['You cannot change your own roles. Ask another system admin to change them.'])
    assert.equal(fieldError(granted.document, 'roles'), 'You cannot change your own roles. Ask another system admin to change them.')
    const dropped = await sysadmin.submit(url, { ...own, roles: 'referrer', version: versionOn((await sysadmin.get(url)).html) })
    assert.deepEqual(errorSummary(dropped.document), ['You cannot change your own roles. Ask another system admin to change them.'])
    const closed = await sysadmin.submit(url, { ...own, roles: 'system_admin', active: 'no', version: versionOn((await sysadmin.get(url)).html) })
    assert.deepEqual(errorSummary(closed.document), ['You cannot close your own account. Ask another system admin to close it.'])
    const row = await t.database.db.selectFrom('app_user').select(['roles', 'active']).where('id', '=', t.world.staff.sysadmin.id).executeTakeFirstOrThrow()
    assert.deepEqual(row, { roles: ['system_admin'], active: true })
    const renamed = await sysadmin.post(url, { ...own, displayName: 'Sid Renamed', roles: 'system_admin', version: versionOn((await sysadmin.get(url)).html) })
    assert.equal(renamed.location, '/admin/users', 'the rest of their own account they may change')
  })

  test('a new sign-in link for your own account is refused with a clear message, and you stay signed in', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const url = `/admin/users/${t.world.staff.sysadmin.id}`
    const page = await sysadmin.get(url)
    assert.ok(page.document.querySelector(`form[action="${url}/link"]`) === null, 'your own page offers no link')
    const refused = await sysadmin.post(`${url}/link`, {})
    assert.equal(refused.status, 409)
    assert.deepEqual(errorSummary(refused.document), ['You cannot make a sign-in link for your own account. Ask another system admin if you need one.'])
    assert.equal((await sysadmin.get('/admin/users')).status, 200, 'still signed in')
    const issued = await t.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'account.password-link-issued')
      .where('record_id', '=', t.world.staff.sysadmin.id)
      .execute()
    assert.deepEqual(issued, [])
  })

  test('a new sign-in link: older links stop working and the holder is signed out', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get(`/admin/users/${t.world.staff.coordinator.id}`)
    const link = async () => {
      const page = await sysadmin.post(`/admin/users/${t.world.staff.coordinator.id}/link`, {})
      assert.equal(textOf(page.document.querySelector('.govuk-panel__title')), 'New sign-in link')
      return /\/set-password\/([A-Za-z0-9_-]{43})$/.exec(textOf(page.document.querySelector('.app-link-to-copy')))?.[1] ?? ''
    }
    const firstLink = await link()
    const secondLink = await link()
    assert.ok(secondLink && secondLink !== firstLink)
    const stranger = new Browser(t.app)
    assert.equal((await stranger.get(`/set-password/${firstLink}`)).status, 404, 'the older link stops working')
    assert.equal((await stranger.get(`/set-password/${secondLink}`)).status, 200)
    assert.equal((await coordinator.get('/')).status, 303, 'they are signed out')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'account.password-link-issued')
      .where('record_id', '=', t.world.staff.coordinator.id)
      .execute()
    assert.equal(audit.length, 2)
  })

  test('an account that does not exist, or an id that is not one, is not found; opening an account is audited', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    for (const id of ['not-an-id', NONEXISTENT, t.world.elsewhere.referrer.id]) {
      assert.equal((await sysadmin.get(`/admin/users/${id}`)).status, 404, id)
      assert.equal((await sysadmin.post(`/admin/users/${id}/link`, {})).status, 404, id)
    }
    assert.equal((await sysadmin.get(`/admin/users/${t.world.staff.referrer.id}`)).status, 200)
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('record_id')
      .where('action', '=', 'account.viewed')
      .where('actor_id', '=', t.world.staff.sysadmin.id)
      .where('record_id', 'in', [t.world.staff.referrer.id, t.world.elsewhere.referrer.id, NONEXISTENT])
      .execute()
    assert.deepEqual(
      audited.map((row) => row.record_id),
      [t.world.staff.referrer.id],
      'opened once; the refusals opened nothing',
    )
  })

  test('only a system admin may open or change an account', async () => {
    for (const who of ['referrer', 'admin', 'manager', 'coordinator'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`/admin/users/${t.world.staff.referrer.id}`)).status, 403, who)
      assert.equal((await browser.post(`/admin/users/${t.world.staff.referrer.id}/link`, {})).status, 403, who)
    }
  })
})
