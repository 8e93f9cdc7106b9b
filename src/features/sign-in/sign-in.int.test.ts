import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, errorSummary, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { PASSWORD } from '../../../test/support/world.ts'

describe(`signing in and out (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the sign-in page carries a form token and a strict content security policy', async () => {
    const page = await new Browser(t.app).get('/sign-in')
    assert.equal(page.status, 200)
    assert.match(page.html, /name="_csrf" value="[A-Za-z0-9_-]{43}"/)
    const policy = String(page.response.headers['content-security-policy'])
    assert.match(policy, /script-src 'self' 'nonce-[a-f0-9]+'/)
    assert.doesNotMatch(policy, /'unsafe-/, 'no unsafe keyword of any kind')
    assert.match(policy, /frame-ancestors 'none'/)
    const nonce = /'nonce-([a-f0-9]+)'/.exec(policy)?.[1]
    assert.ok(nonce && page.html.includes(`<script nonce="${nonce}">`), 'the inline script carries the nonce')
    assert.equal(page.response.headers['x-content-type-options'], 'nosniff')
    assert.equal(page.response.headers['cache-control'], 'no-store')
  })

  test('a sign-in posted without the form token is refused', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD }, { withToken: false })
    assert.equal(page.status, 403)
    assert.match(textOf(page.html), /Your form could not be sent/)
  })

  test('a token from another browser is refused', async () => {
    const stranger = new Browser(t.app)
    await stranger.get('/sign-in')
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD }, { token: stranger.csrfToken ?? '' })
    assert.equal(page.status, 403)
  })

  test('empty answers get a GOV.UK error summary', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', {})
    assert.equal(page.status, 400)
    assert.deepEqual(errorSummary(page.html), ['Enter your email address', 'Enter your password'])
    assert.match(page.html, /<title>Error: Sign in/)
  })

  test('a wrong password says only that the details are wrong, and keeps the email typed', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.referrer.email, password: 'not the password' })
    assert.equal(page.status, 400)
    assert.deepEqual(errorSummary(page.html), ['Enter a correct email address and password'])
    assert.match(page.html, new RegExp(`value="${t.world.staff.referrer.email}"`))
  })

  test('signing in issues a new session id, and signing out ends it', async () => {
    const browser = new Browser(t.app)
    const before = await browser.get('/sign-in')
    const anonymousCookie = before.response.cookies.find((cookie) => cookie.name === 'alongside-session')?.value
    const signedIn = await browser.signIn(t.world.staff.admin.email, PASSWORD)
    assert.equal(signedIn.status, 303)
    assert.equal(signedIn.location, '/')
    const newCookie = signedIn.response.cookies.find((cookie) => cookie.name === 'alongside-session')?.value
    assert.ok(newCookie && anonymousCookie && newCookie !== anonymousCookie, 'the session id changes at sign-in')

    const home = await browser.get('/')
    assert.equal(home.status, 200)
    assert.match(textOf(home.html), /Ada Admin/)

    const audit = await t.database.db.selectFrom('audit_event').select('action').where('actor_id', '=', t.world.staff.admin.id).execute()
    assert.ok(audit.some((row) => row.action === 'sign-in.succeeded'))

    const out = await browser.post('/sign-out', {})
    assert.equal(out.location, '/signed-out')
    const afterSignOut = await browser.get('/')
    assert.equal(afterSignOut.status, 303)
    assert.match(afterSignOut.location ?? '', /^\/sign-in/)
  })

  test('a session ends after the idle time-out, and after the absolute time-out however busy it is', async () => {
    const browser = new Browser(t.app)
    await browser.signIn(t.world.staff.manager.email, PASSWORD)
    t.clock.advanceMinutes(t.config.session.idleMinutes - 1)
    assert.equal((await browser.get('/')).status, 200, 'still signed in just before the idle time-out')
    t.clock.advanceMinutes(t.config.session.idleMinutes + 1)
    const idle = await browser.get('/')
    assert.equal(idle.status, 303)
    assert.match(idle.location ?? '', /timedOut=yes/)

    await browser.signIn(t.world.staff.manager.email, PASSWORD)
    for (let minutes = 0; minutes < t.config.session.absoluteHours * 60; minutes += 20) {
      t.clock.advanceMinutes(20)
      await browser.get('/')
    }
    t.clock.advanceMinutes(20)
    const tooOld = await browser.get('/')
    assert.equal(tooOld.status, 303, 'signed out after the absolute time-out')
  })

  test('repeated failures lock the account for a while, even against the right password', async () => {
    const browser = new Browser(t.app)
    const email = t.world.staff.coordinator.email
    for (let attempt = 0; attempt < t.config.signIn.maxFailures; attempt += 1) {
      await browser.signIn(email, `wrong ${attempt}`)
    }
    const locked = await browser.signIn(email, PASSWORD)
    assert.equal(locked.status, 429)
    assert.match(errorSummary(locked.html)[0] ?? '', /too many times/)

    t.clock.advanceMinutes(t.config.signIn.lockMinutes + 1)
    const later = await browser.signIn(email, PASSWORD)
    assert.equal(later.status, 303, 'the lock ends')
  })

  test('a return path can only be on this site', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.analyst.email, password: PASSWORD, returnTo: '//evil.example/steal' })
    assert.equal(page.location, '/')
  })
})
