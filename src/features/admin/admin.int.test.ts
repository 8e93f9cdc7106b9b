import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, errorSummary, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../test/support/referral-steps.ts'

describe(`users and teams (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a system admin adds a user, who chooses a password from a one-time link and signs in', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/users/new')
    const created = await sysadmin.post('/admin/users/new', {
      displayName: 'Nadia Newstarter',
      email: 'nadia@test.example',
      roles: ['referrer', 'service_manager'],
      teamIds: t.world.fgcTeamId,
    })
    assert.equal(created.status, 200)
    const link = /https?:\/\/[^<\s]+\/set-password\/([A-Za-z0-9_-]{43})/.exec(created.html)
    assert.ok(link, 'the page shows the one-time link')

    const newcomer = new Browser(t.app)
    await newcomer.get(`/set-password/${link[1]}`)
    const weak = await newcomer.post(`/set-password/${link[1]}`, { password: 'short', confirmPassword: 'short' })
    assert.deepEqual(errorSummary(weak.html), ['Password must be 12 characters or more'])
    const saved = await newcomer.post(`/set-password/${link[1]}`, { password: 'purple river lantern', confirmPassword: 'purple river lantern' })
    assert.equal(saved.location, '/sign-in?passwordSet=yes')
    assert.equal((await newcomer.get(`/set-password/${link[1]}`)).status, 404, 'the link works once')
    assert.equal((await newcomer.signIn('nadia@test.example', 'purple river lantern')).status, 303)
    const home = await newcomer.get('/')
    assert.match(textOf(home.html), /Nadia Newstarter/)
    assert.match(home.html, /href="\/team-work"/, 'she is in the FGC Advocacy Admin team')
  })

  test('the same email cannot be used twice, and every field is checked', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/users/new')
    const duplicate = await sysadmin.submit('/admin/users/new', { displayName: 'Copy', email: t.world.staff.referrer.email.toUpperCase(), roles: 'referrer' })
    assert.deepEqual(errorSummary(duplicate.html), ['That email address already has an account'])
    const empty = await sysadmin.submit('/admin/users/new', { roles: 'not-a-role' })
    assert.deepEqual(errorSummary(empty.html), ['Enter their full name', 'Enter their email address', 'Select roles from the list'])
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
    assert.match(errorSummary(clash.html)[0] ?? '', /saved a change/)
    assert.match(clash.html, /value="Ana Renamed"/, 'the second admin’s typing is kept')

    const signedOut = await analyst.get('/')
    assert.equal(signedOut.status, 303, 'the closed account is signed out')
  })

  test('only a system admin can manage users and teams', async () => {
    for (const who of ['referrer', 'admin', 'manager', 'coordinator'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/users')).status, 403, who)
      assert.equal((await browser.get('/admin/teams')).status, 403, who)
      const post = await browser.post('/admin/users/new', { displayName: 'Sneaky', email: 'sneaky@test.example', roles: 'system_admin' })
      assert.equal(post.status, 403, who)
    }
    const count = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'sneaky@test.example').execute()
    assert.equal(count.length, 0)
  })

  test('an account that does not exist, or an id that is not one, is not found; opening an account is audited', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000', t.world.elsewhere.referrer.id]) {
      assert.equal((await sysadmin.get(`/admin/users/${id}`)).status, 404, id)
      assert.equal((await sysadmin.get(`/admin/teams/${id}`)).status, 404, id)
      assert.equal((await sysadmin.post(`/admin/users/${id}/link`, {})).status, 404, id)
    }
    assert.equal((await sysadmin.get(`/admin/users/${t.world.staff.referrer.id}`)).status, 200)
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('record_id')
      .where('action', '=', 'account.viewed')
      .where('actor_id', '=', t.world.staff.sysadmin.id)
      .where('record_id', 'in', [t.world.staff.referrer.id, t.world.elsewhere.referrer.id, '00000000-0000-4000-8000-000000000000'])
      .execute()
    assert.deepEqual(
      audited.map((row) => row.record_id),
      [t.world.staff.referrer.id],
      'opened once; the refusals opened nothing',
    )
  })

  test('a system admin adds a team; the names are unique', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/teams')
    const added = await sysadmin.submit('/admin/teams', { name: 'Children and Families Team B' })
    assert.match(textOf(added.html), /Team added/)
    const again = await sysadmin.submit('/admin/teams', { name: 'children and families team b' })
    assert.deepEqual(errorSummary(again.html), ['A team with that name already exists'])
  })
})

describe(`first start (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the one-time set-up link creates the first system admin only on an empty database', async () => {
    assert.equal(await t.services.admin.firstAdminLink(), undefined, 'there are already accounts, so no link')
    const browser = new Browser(t.app)
    assert.equal((await browser.get('/setup/not-a-real-token')).status, 404)
  })
})
