import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`choosing a password from a one-time link (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  /** A new account, and the token of its one-time link, made as a system admin makes them. */
  async function newAccount(email: string): Promise<string> {
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/users/new')
    const created = await sysadmin.post('/admin/users/new', { displayName: 'Lin Linkholder', email, roles: 'referrer' })
    return /\/set-password\/([A-Za-z0-9_-]{43})$/.exec(textOf(created.document.querySelector('.app-link-to-copy')))?.[1] ?? ''
  }

  test('the holder is greeted by name, chooses a long enough password twice, and the link then stops working', async () => {
    const token = await newAccount('lin@test.example')
    const newcomer = new Browser(t.app)
    const page = await newcomer.get(`/set-password/${token}`)
    assert.equal(heading(page.document), 'Choose your password')
    assert.match(textOf(page.document.querySelector('main')), /Hello Lin Linkholder\. You will sign in to Alongside with lin@test\.example/)
    const weak = await newcomer.post(`/set-password/${token}`, { password: 'short', confirmPassword: 'short' })
    assert.equal(weak.status, 400)
    assert.deepEqual(errorSummary(weak.document), ['Password must be 12 characters or more'])
    const different = await newcomer.post(`/set-password/${token}`, { password: 'purple river lantern', confirmPassword: 'purple river lanterns' })
    assert.deepEqual(errorSummary(different.document), ['Enter the same password twice'])
    const saved = await newcomer.post(`/set-password/${token}`, { password: 'purple river lantern', confirmPassword: 'purple river lantern' })
    assert.equal(saved.location, '/sign-in?passwordSet=yes')
    const used = await newcomer.get(`/set-password/${token}`)
    assert.equal(used.status, 404, 'the link works once')
    assert.equal(heading(used.document), 'This link no longer works')
    assert.equal((await newcomer.post(`/set-password/${token}`, { password: 'another long password', confirmPassword: 'another long password' })).status, 404)
    assert.equal((await newcomer.signIn('lin@test.example', 'purple river lantern')).status, 303)
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('action', '=', 'account.password-set').execute()
    assert.equal(audit.length, 1)
  })

  test('a link that is not one, or has expired, shows that it no longer works', async () => {
    const token = await newAccount('late@test.example')
    const browser = new Browser(t.app)
    assert.equal((await browser.get('/set-password/not-a-token')).status, 404)
    t.clock.advanceMinutes(72 * 60 + 1)
    assert.equal((await browser.get(`/set-password/${token}`)).status, 404, 'a link lasts 3 days')
  })

  test('a post without the form token is refused', async () => {
    const token = await newAccount('tokenless@test.example')
    const browser = new Browser(t.app)
    await browser.get(`/set-password/${token}`)
    assert.equal(
      (await browser.post(`/set-password/${token}`, { password: 'purple river lantern', confirmPassword: 'purple river lantern' }, { withToken: false }))
        .status,
      403,
    )
    assert.equal((await browser.get(`/set-password/${token}`)).status, 200, 'the link still works')
  })
})
