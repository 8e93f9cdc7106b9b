import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, errorSummaryLinks, fieldError, textOf, type Page } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

/** The one-time link the page shows. */
function linkOn(page: Page): string {
  return textOf(page.document.querySelector('.app-link-to-copy'))
}

describe(`adding a user (${engine})`, () => {
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
    assert.equal(textOf(created.document.querySelector('.govuk-panel__title')), 'Account created')
    const token = /\/set-password\/([A-Za-z0-9_-]{43})$/.exec(linkOn(created))?.[1]
    assert.ok(token, 'the page shows the one-time link')

    const account = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'roles', 'password_hash'])
      .where('email', '=', 'nadia@test.example')
      .executeTakeFirstOrThrow()
    assert.deepEqual(account.roles, ['referrer', 'service_manager'])
    assert.equal(account.password_hash, null)
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'details'])
      .where('action', '=', 'account.created')
      .where('record_id', '=', account.id)
      .execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.sysadmin.id, details: { roles: ['referrer', 'service_manager'], teams: [t.world.fgcTeamId] } }])

    const newcomer = new Browser(t.app)
    await newcomer.get(`/set-password/${token}`)
    const saved = await newcomer.post(`/set-password/${token}`, { password: 'purple river lantern', confirmPassword: 'purple river lantern' })
    assert.equal(saved.location, '/sign-in?passwordSet=yes')
    assert.equal((await newcomer.signIn('nadia@test.example', 'purple river lantern')).status, 303)
    const home = await newcomer.get('/')
    assert.match(textOf(home.document), /Nadia Newstarter/)
    assert.ok(home.document.querySelector('a[href="/team-work"]'), 'she is in the FGC Advocacy Admin team')
  })

  test('the same email cannot be used twice, whatever its case, and every field is checked', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/users/new')
    const duplicate = await sysadmin.submit('/admin/users/new', { displayName: 'Copy', email: t.world.staff.referrer.email.toUpperCase(), roles: 'referrer' })
    assert.deepEqual(errorSummary(duplicate.document), ['That email address already has an account'])
    assert.equal(fieldError(duplicate.document, 'email'), 'That email address already has an account')
    assert.equal(duplicate.document.querySelector<HTMLInputElement>('input[name="displayName"]')?.value, 'Copy', 'what was typed is kept')
    const empty = await sysadmin.submit('/admin/users/new', { roles: 'not-a-role' })
    assert.deepEqual(errorSummary(empty.document), ['Enter their full name', 'Enter their email address', 'Select roles from the list'])
    assert.deepEqual(errorSummaryLinks(empty.document), ['#displayName', '#email', '#roles'])
    const unknownTeam = await sysadmin.post('/admin/users/new', {
      displayName: 'Tess Team',
      email: 'tess@test.example',
      roles: 'referrer',
      teamIds: t.world.elsewhere.authorityId,
    })
    assert.equal(unknownTeam.status, 404, 'a team that is not theirs')
    const made = await t.database.db.selectFrom('app_user').select('id').where('email', 'in', ['copy@test.example', 'tess@test.example']).execute()
    assert.deepEqual(made, [], 'nothing refused was saved')
  })

  test('only a system admin can add a user, and only with the form token', async () => {
    for (const who of ['referrer', 'admin', 'manager', 'coordinator'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/users/new')).status, 403, who)
      assert.equal((await browser.post('/admin/users/new', { displayName: 'Sneaky', email: 'sneaky@test.example', roles: 'system_admin' })).status, 403, who)
    }
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/users/new')
    const forged = await sysadmin.post('/admin/users/new', { displayName: 'Forged', email: 'forged@test.example', roles: 'referrer' }, { withToken: false })
    assert.equal(forged.status, 403)
    const made = await t.database.db.selectFrom('app_user').select('id').where('email', 'in', ['sneaky@test.example', 'forged@test.example']).execute()
    assert.deepEqual(made, [])
  })
})
