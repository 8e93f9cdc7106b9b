import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { UnacceptablePasswordError } from '../../../platform/auth/passwords.ts'

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

  test("common, breached and patterned passwords, and ones built from the account's own details, are refused with what to do instead", async () => {
    const token = await newAccount('lin.weakling@test.example')
    const newcomer = new Browser(t.app)
    await newcomer.get(`/set-password/${token}`)
    const refusals: Record<string, string> = {
      aaaaaaaaaaaa: 'Choose a password that is not a repeated or predictable pattern, like aaaa or 1234. Three random words make a strong password.',
      abcdefghijklmnop: 'Choose a password that is not a repeated or predictable pattern, like aaaa or 1234. Three random words make a strong password.',
      password1234:
        'Choose a different password: this one is among passwords that are used often or have been stolen. Three random words make a strong password.',
      'Password1234!':
        'Choose a different password: this one is among passwords that are used often or have been stolen. Three random words make a strong password.',
      'lin.weakling@test.example': 'Choose a password that does not use your name, your email address, or the name of this service or your council',
      'Lin Linkholder 2026': 'Choose a password that does not use your name, your email address, or the name of this service or your council',
      'Alongside2026!!': 'Choose a password that does not use your name, your email address, or the name of this service or your council',
      TestBorough123: 'Choose a password that does not use your name, your email address, or the name of this service or your council',
    }
    for (const [password, message] of Object.entries(refusals)) {
      const refused = await newcomer.post(`/set-password/${token}`, { password, confirmPassword: password })
      assert.equal(refused.status, 400, password)
      assert.deepEqual(errorSummary(refused.document), [message], password)
    }
    await assert.rejects(
      t.services.admin.setPassword(token, 'password1234', null),
      UnacceptablePasswordError,
      'the service holds the rule, whichever page calls it',
    )
    const kept = await newcomer.post(`/set-password/${token}`, {
      password: 'linkholder walks the quiet canal',
      confirmPassword: 'linkholder walks the quiet canal',
    })
    assert.equal(kept.location, '/sign-in?passwordSet=yes', 'a name among other words is no pattern: long passphrases stay welcome')
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
