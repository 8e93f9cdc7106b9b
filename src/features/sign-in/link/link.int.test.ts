import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { startMailServer, type MailServer } from '../../../../test/support/mail.ts'

/** A one-time link to sign in, emailed to the account's owner (ADR 13), read from a real SMTP server. */
describe(`a link to sign in, sent by email (${engine})`, () => {
  let t: TestApp
  let mail: MailServer
  before(async () => {
    mail = await startMailServer()
    t = await startTestApp({ SMTP_URL: mail.url, MAIL_FROM: 'Alongside <alongside@test.example>', BASE_URL: 'https://alongside.test.example' })
  })
  after(async () => {
    await t.close()
    await mail.close()
  })

  /** Asks for a link as a person would, and says what the page then read. */
  async function askFor(email: string, browser = new Browser(t.app)) {
    await browser.get('/sign-in/link')
    const page = await browser.post('/sign-in/link', { email })
    await t.mailer.settled()
    return { page, text: textOf(page.document.querySelector('main')).replace(email, 'EMAIL') }
  }

  function tokenIn(text: string): string {
    return /^https:\/\/alongside\.test\.example\/sign-in\/link\/([A-Za-z0-9_-]{43})$/m.exec(text)?.[1] ?? ''
  }

  test('the email is plain, names its holder, says until when it works, and carries a link that signs in once', async () => {
    const { email, displayName } = t.world.staff.referrer
    const asked = await askFor(email)
    assert.equal(heading(asked.page.document), 'Check your email')
    const message = await mail.next()
    assert.equal(message.from, 'alongside@test.example')
    assert.deepEqual(message.to, [email])
    assert.match(message.text, new RegExp(`^Hello ${displayName},`))
    assert.match(message.text, /It works once, until 24 November 2026 at 10:15am:/)
    assert.match(message.text, /Alongside, Test Borough$/)
    const token = tokenIn(message.text)
    assert.ok(token, message.text)

    const browser = new Browser(t.app)
    const page = await browser.get(`/sign-in/link/${token}`)
    assert.equal(heading(page.document), 'Sign in to Alongside')
    assert.equal((await browser.get(`/sign-in/link/${token}`)).status, 200, 'opening the link (as a mail scanner does) does not use it up')
    const done = await browser.post(`/sign-in/link/${token}`, {})
    assert.equal(done.location, '/')
    assert.match(textOf((await browser.get('/')).document), /Rita Referrer/)
    const replay = await browser.post(`/sign-in/link/${token}`, {})
    assert.equal(replay.status, 404)
    assert.equal(heading(replay.document), 'This link no longer works')
    const stored = await t.database.db.selectFrom('account_link').select('token_hash').where('purpose', '=', 'sign_in').execute()
    assert.ok(stored.length > 0 && stored.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash)), 'kept only as a hash')
  })

  test('asking for one says nothing about whether an email has an account, and only accounts get mail', async () => {
    const before = mail.received.length
    const known = await askFor(t.world.staff.analyst.email)
    const unknown = await askFor('nobody.here@test.example')
    await t.database.db.updateTable('app_user').set({ active: false }).where('id', '=', t.world.staff.otherManager.id).execute()
    const closed = await askFor(t.world.staff.otherManager.email)
    assert.equal(known.page.status, unknown.page.status)
    assert.equal(unknown.text, known.text, 'the same words either way')
    assert.equal(closed.text, known.text)
    assert.equal(mail.received.length, before + 1, 'one message, to the account that is open')
    assert.deepEqual((await mail.next()).to, [t.world.staff.analyst.email])
  })

  test('a link lasts 15 minutes; only the newest works; at most three are sent in 15 minutes', async () => {
    const { email } = t.world.staff.coordinator
    await askFor(email)
    const expiring = tokenIn((await mail.next()).text)
    t.clock.advanceMinutes(16)
    assert.equal((await new Browser(t.app).get(`/sign-in/link/${expiring}`)).status, 404, 'expired')

    await askFor(email)
    const older = tokenIn((await mail.next()).text)
    await askFor(email)
    const newer = tokenIn((await mail.next()).text)
    assert.equal((await new Browser(t.app).get(`/sign-in/link/${older}`)).status, 404, 'a newer link replaces it')
    assert.equal((await new Browser(t.app).get(`/sign-in/link/${newer}`)).status, 200)
    const before = mail.received.length
    await askFor(email)
    await askFor(email)
    assert.equal(mail.received.length, before + 1, 'the third in 15 minutes is sent, the fourth is not')
    await mail.next()
  })

  test('an email that cannot be one gets a GOV.UK error; a post without the form token is refused', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in/link')
    const empty = await browser.post('/sign-in/link', {})
    assert.equal(empty.status, 400)
    assert.deepEqual(errorSummary(empty.document), ['Enter your email address'])
    const control = await browser.post('/sign-in/link', { email: 'rita\u0000@test.example' })
    assert.deepEqual(errorSummary(control.document), ['Enter an email address in the correct format, like name@example.com'])
    assert.equal((await browser.post('/sign-in/link', { email: t.world.staff.referrer.email }, { withToken: false })).status, 403)
    assert.equal((await browser.get('/sign-in/link/not-a-token')).status, 404)
  })
})
