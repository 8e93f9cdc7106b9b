import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { PASSWORD } from '../../../../test/support/world.ts'

describe(`signing in and out (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the sign-in page carries a form token and a strict content security policy', async () => {
    const page = await new Browser(t.app).get('/sign-in')
    assert.equal(page.status, 200)
    assert.match(page.document.querySelector<HTMLInputElement>('form[action="/sign-in"] input[name="_csrf"]')?.value ?? '', /^[A-Za-z0-9_-]{86}$/)
    const policy = String(page.response.headers['content-security-policy'])
    assert.match(policy, /script-src 'self' 'nonce-[a-f0-9]+'/)
    assert.doesNotMatch(policy, /'unsafe-/, 'no unsafe keyword of any kind')
    assert.match(policy, /frame-ancestors 'none'/)
    const nonce = /'nonce-([a-f0-9]+)'/.exec(policy)?.[1]
    const scripts = [...page.document.querySelectorAll('script:not([src])')]
    assert.ok(scripts.length > 0 && scripts.every((script) => nonce && script.getAttribute('nonce') === nonce), 'every inline script carries the nonce')
    assert.equal(page.response.headers['x-content-type-options'], 'nosniff')
    assert.equal(page.response.headers['cache-control'], 'no-store')
  })

  test('a sign-in posted without the form token is refused', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD }, { withToken: false })
    assert.equal(page.status, 403)
    assert.match(textOf(page.document), /Your form could not be sent/)
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
    assert.deepEqual(errorSummary(page.document), ['Enter your email address', 'Enter your password'])
    assert.match(textOf(page.document.querySelector('title')), /^Error: Sign in/)
  })

  test('a wrong password says only that the details are wrong, and keeps the email typed', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.referrer.email, password: 'not the password' })
    assert.equal(page.status, 400)
    assert.deepEqual(errorSummary(page.document), ['Enter a correct email address and password'])
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="email"]')?.value, t.world.staff.referrer.email)
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="password"]')?.value ?? '', '', 'the password is never shown again')
  })

  test('signing in issues a new session id, goes where it was asked to, and is audited', async () => {
    const browser = new Browser(t.app)
    const before = await browser.get('/sign-in?returnTo=%2Fadvocates')
    assert.equal(before.document.querySelector<HTMLInputElement>('input[name="returnTo"]')?.value, '/advocates')
    const anonymousCookie = before.response.cookies.find((cookie) => cookie.name === 'alongside-session')?.value
    const signedIn = await browser.post('/sign-in', { email: t.world.staff.coordinator.email.toUpperCase(), password: PASSWORD, returnTo: '/advocates' })
    assert.equal(signedIn.status, 303)
    assert.equal(signedIn.location, '/advocates')
    const newCookie = signedIn.response.cookies.find((cookie) => cookie.name === 'alongside-session')?.value
    assert.ok(newCookie && anonymousCookie && newCookie !== anonymousCookie, 'the session id changes at sign-in')
    assert.match(textOf((await browser.get('/')).document), /Cora Coordinator/)
    assert.equal((await browser.get('/sign-in')).location, '/', 'signed in, the sign-in page sends them on')

    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'record_id']).where('actor_id', '=', t.world.staff.coordinator.id).execute()
    assert.deepEqual(
      audit.filter((row) => row.action.startsWith('sign-in')),
      [{ action: 'sign-in.succeeded', record_id: t.world.staff.coordinator.id }],
    )
  })

  test('a closed account cannot sign in, even with the right password; the refusal is audited against it', async () => {
    await t.database.db.updateTable('app_user').set({ active: false }).where('id', '=', t.world.staff.otherManager.id).execute()
    const browser = new Browser(t.app)
    const page = await browser.signIn(t.world.staff.otherManager.email, PASSWORD)
    assert.equal(page.status, 400)
    assert.deepEqual(errorSummary(page.document), ['Enter a correct email address and password'])
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['authority_id', 'actor_id'])
      .where('action', '=', 'sign-in.failed')
      .where('record_id', '=', t.world.staff.otherManager.id)
      .execute()
    assert.deepEqual(audit, [{ authority_id: t.world.authorityId, actor_id: null }])
  })

  test('after choosing a password, the page says to sign in with it', async () => {
    const page = await new Browser(t.app).get('/sign-in?passwordSet=yes')
    assert.equal(textOf(page.document.querySelector('.govuk-inset-text')), 'Your password has been saved. Sign in with it now.')
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

  test('repeated failures from one address make the next try wait, even with the right password; then it works (more in throttle.int.test.ts)', async () => {
    const browser = new Browser(t.app)
    const email = t.world.staff.coordinator.email
    for (let attempt = 0; attempt < t.config.signIn.freeFailures; attempt += 1) {
      await browser.signIn(email, `wrong ${attempt}`)
    }
    const waiting = await browser.signIn(email, PASSWORD)
    assert.equal(waiting.status, 429)
    assert.match(errorSummary(waiting.document)[0] ?? '', /too many times\. Wait 1 minute/)

    t.clock.advanceMinutes(1)
    const later = await browser.signIn(email, PASSWORD)
    assert.equal(later.status, 303, 'the wait ends')
  })

  test('a return path can only be on this site', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.analyst.email, password: PASSWORD, returnTo: '//evil.example/steal' })
    assert.equal(page.location, '/')
  })

  test('a return path holding characters a header cannot carry goes there safely encoded, never to an error page', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: t.world.staff.analyst.email, password: PASSWORD, returnTo: '/advocates?name=Łódź ✓' })
    assert.equal(page.status, 303)
    assert.equal(page.location, '/advocates?name=%C5%81%C3%B3d%C5%BA%20%E2%9C%93')
    const signedIn = await browser.get(`/sign-in?returnTo=${encodeURIComponent('/people/Łódź\\x')}`)
    assert.equal(signedIn.status, 303, 'signed in, the sign-in page sends them on')
    assert.equal(signedIn.location, '/people/%C5%81%C3%B3d%C5%BA%5Cx')
  })

  test('an email typed with a NUL is shown again without it (a page holds no NUL)', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const page = await browser.post('/sign-in', { email: 'ana\u0000@test.example', password: 'wrong password' })
    assert.equal(page.status, 400)
    assert.ok(!page.html.includes('\u0000'), 'no NUL in the page')
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="email"]')?.value, 'ana@test.example')
  })
})
