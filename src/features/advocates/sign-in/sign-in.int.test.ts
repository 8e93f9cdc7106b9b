import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded, idOf } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, heading, summaryValue, textOf, type Page } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

/** The token of the one-time link the page shows. */
function tokenOn(page: Page): string {
  return /\/set-password\/([A-Za-z0-9_-]{43})$/.exec(textOf(page.document.querySelector('.app-link-to-copy')))?.[1] ?? ''
}

describe(`an advocate's sign-in (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the coordinator gives an advocate a sign-in: one account, opened and audited as every staff account is, and linked to the record', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Petra', familyName: 'Portal', email: 'petra.portal@example.org' })
    const form = await coordinator.get(`${url}/sign-in`)
    assert.equal(heading(form.document), 'Give Petra Portal a sign-in')
    assert.equal(form.document.querySelector<HTMLInputElement>('input[name="email"]')?.value, 'petra.portal@example.org', 'their email, unless changed')
    const link = await coordinator.post(`${url}/sign-in`, { email: 'petra.portal@example.org' })
    assert.equal(textOf(link.document.querySelector('.govuk-panel__title')), 'Account created')
    const token = tokenOn(link)
    assert.ok(token, 'the page shows the one-time link')

    const account = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'roles', 'display_name'])
      .where('email', '=', 'petra.portal@example.org')
      .executeTakeFirstOrThrow()
    assert.deepEqual(account.roles, ['advocate'])
    assert.equal(account.display_name, 'Petra Portal')
    assert.equal(summaryValue((await coordinator.get(url)).document, 'Sign-in'), 'Yes')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'record_type', 'record_id', 'details'])
      .where('actor_id', '=', t.world.staff.coordinator.id)
      .where('record_id', 'in', [account.id, idOf(url)])
      .where('action', 'not like', '%.viewed')
      .orderBy('id')
      .execute()
    assert.deepEqual(audit.slice(1), [
      { action: 'account.created', record_type: 'account', record_id: account.id, details: { roles: ['advocate'], teams: [] } },
      { action: 'account.roles-granted', record_type: 'account', record_id: account.id, details: { roles: ['advocate'] } },
      { action: 'advocate.sign-in-linked', record_type: 'advocate', record_id: idOf(url), details: { userId: account.id } },
    ])

    const advocate = new Browser(t.app)
    await advocate.get(`/set-password/${token}`)
    await advocate.post(`/set-password/${token}`, { password: 'purple river lantern', confirmPassword: 'purple river lantern' })
    assert.equal((await advocate.signIn('petra.portal@example.org', 'purple river lantern')).status, 303)
  })

  test('a new link for a forgotten password: the older one stops working and the advocate is signed out', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Fern', familyName: 'Forgetful' })
    await coordinator.get(`${url}/sign-in`)
    const first = tokenOn(await coordinator.post(`${url}/sign-in`, { email: 'fern@example.org' }))
    const advocate = new Browser(t.app)
    await advocate.get(`/set-password/${first}`)
    await advocate.post(`/set-password/${first}`, { password: 'purple river lantern', confirmPassword: 'purple river lantern' })
    await advocate.signIn('fern@example.org', 'purple river lantern')
    assert.equal((await advocate.get('/')).status, 200)

    await coordinator.get(url)
    const again = await coordinator.post(`${url}/sign-in/link`, {})
    assert.equal(textOf(again.document.querySelector('.govuk-panel__title')), 'New sign-in link')
    const second = tokenOn(again)
    assert.ok(second && second !== first)
    const stranger = new Browser(t.app)
    assert.equal((await stranger.get(`/set-password/${first}`)).status, 404, 'the old link stops working')
    assert.equal((await stranger.get(`/set-password/${second}`)).status, 200)
    assert.equal((await advocate.get('/')).status, 303, 'they are signed out, as anyone given a new link is')
    const userId = (await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'fern@example.org').executeTakeFirstOrThrow()).id
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id'])
      .where('action', '=', 'account.password-link-issued')
      .where('record_id', '=', userId)
      .execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.coordinator.id }])
  })

  test('an email already in use, a second sign-in, or a link for an advocate with none, is refused', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Dora', familyName: 'Duplicate' })
    await coordinator.get(`${url}/sign-in`)
    const taken = await coordinator.submit(`${url}/sign-in`, { email: t.world.staff.referrer.email.toUpperCase() })
    assert.deepEqual(errorSummary(taken.document), ['That email address already has an account'])
    const badly = await coordinator.submit(`${url}/sign-in`, { email: 'not an email' })
    assert.deepEqual(errorSummary(badly.document), ['Enter an email address in the correct format, like name@example.com'])
    assert.equal(badly.document.querySelector<HTMLInputElement>('input[name="email"]')?.value, 'not an email')
    assert.equal(summaryValue((await coordinator.get(url)).document, 'Sign-in'), 'Not yet', 'nothing was linked')
    assert.equal((await coordinator.post(`${url}/sign-in/link`, {})).status, 409, 'no sign-in yet, so no new link')

    await coordinator.get(`${url}/sign-in`)
    await coordinator.post(`${url}/sign-in`, { email: 'dora@example.org' })
    await coordinator.get(`${url}/sign-in`)
    const twice = await coordinator.submit(`${url}/sign-in`, { email: 'dora.again@example.org' })
    assert.deepEqual(errorSummary(twice.document), ['This advocate can already sign in'])
    const made = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'dora.again@example.org').execute()
    assert.deepEqual(made, [], 'no second account')
  })

  test('an email with characters no address holds is refused with a field error, never stripped into another address or an error page', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Cleo', familyName: 'Control' })
    for (const email of ['cl\u0000eo@example.org', 'cleo@exa\u0001mple.org', 'cleo@example.org\u0000', 'cl\u200beo@example.org', 'cl eo@example.org']) {
      await coordinator.get(`${url}/sign-in`)
      const refused = await coordinator.submit(`${url}/sign-in`, { email })
      assert.equal(refused.status, 200, JSON.stringify(email))
      assert.deepEqual(errorSummary(refused.document), ['Enter an email address in the correct format, like name@example.com'], JSON.stringify(email))
    }
    const made = await t.database.db.selectFrom('app_user').select('email').where('email', 'like', 'cl%eo@example.org').execute()
    assert.deepEqual(made, [], 'no account was opened under an address nobody typed')
    assert.equal(summaryValue((await coordinator.get(url)).document, 'Sign-in'), 'Not yet')
  })

  test('a refused form posted to an address holding characters a header cannot carry is not an error page', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/advocates')
    const page = await coordinator.post(`/advocates/${encodeURIComponent('Łódź')}/sign-in`, { email: '' })
    assert.ok(page.status === 303 || page.status === 404, `answered ${page.status}`)
    if (page.location) assert.equal((await coordinator.get(page.location)).status, 404)
  })

  test("a new link is refused once a system admin has given the advocate's account other roles, and a link made before stops working", async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Gina', familyName: 'Granted' })
    await coordinator.get(`${url}/sign-in`)
    const earlier = tokenOn(await coordinator.post(`${url}/sign-in`, { email: 'gina@example.org' }))
    const account = await t.database.db.selectFrom('app_user').select(['id', 'version']).where('email', '=', 'gina@example.org').executeTakeFirstOrThrow()

    const sysadmin = await signedIn(t, 'sysadmin')
    const userPage = await sysadmin.get(`/admin/users/${account.id}`)
    const saved = await sysadmin.post(`/admin/users/${account.id}`, {
      displayName: 'Gina Granted',
      email: 'gina@example.org',
      roles: ['advocate', 'system_admin'],
      active: 'yes',
      version: versionOn(userPage.html),
    })
    assert.equal(saved.location, '/admin/users')
    assert.equal((await new Browser(t.app).get(`/set-password/${earlier}`)).status, 404, 'the link made for an advocate no longer works')

    await coordinator.get(url)
    const refused = await coordinator.post(`${url}/sign-in/link`, {})
    assert.equal(refused.status, 409)
    assert.match(textOf(refused.document.querySelector('main')), /This sign-in is also used for other work, so only a system admin can make a new link for it/)
    const issued = await t.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'account.password-link-issued')
      .where('record_id', '=', account.id)
      .execute()
    assert.deepEqual(issued, [], 'no link was made')
  })

  test('only the coordinator gives advocates sign-ins', async () => {
    const url = await advocateAdded(await signedIn(t, 'coordinator'), { givenName: 'Ona', familyName: 'Only' })
    for (const who of ['admin', 'manager', 'sysadmin'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`${url}/sign-in`)).status, 403, who)
      assert.equal((await browser.post(`${url}/sign-in`, { email: 'sneaky@example.org' })).status, 403, who)
      assert.equal((await browser.post(`${url}/sign-in/link`, {})).status, 403, who)
    }
  })
})
