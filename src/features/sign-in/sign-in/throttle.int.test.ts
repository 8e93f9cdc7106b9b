import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, heading } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { startMailServer, type MailServer } from '../../../../test/support/mail.ts'
import { PASSWORD } from '../../../../test/support/world.ts'

/**
 * Sign-in throttling (ADR 13) as people meet it: by email and address, with growing delays, a
 * ceiling per email that switches to a link emailed to the owner, and counts that concurrent
 * guesses cannot race past. Addresses are told apart through X-Forwarded-For from a trusted proxy.
 */
describe(`sign-in throttling (${engine})`, () => {
  let t: TestApp
  let mail: MailServer
  before(async () => {
    mail = await startMailServer()
    t = await startTestApp({
      TRUSTED_PROXIES: '127.0.0.1',
      PUBLIC_PAGES_PER_MINUTE: '100000',
      SMTP_URL: mail.url,
      MAIL_FROM: 'Alongside <alongside@test.example>',
    })
  })
  after(async () => {
    await t.close()
    await mail.close()
  })

  /** One sign-in from a browser at `address`. */
  async function attempt(address: string, email: string, password: string) {
    return new Browser(t.app, { forwardedFor: address }).signIn(email, password)
  }

  async function auditCount(action: string, recordId?: string): Promise<number> {
    let query = t.database.db.selectFrom('audit_event').select('id').where('action', '=', action)
    if (recordId) query = query.where('record_id', '=', recordId)
    return (await query.execute()).length
  }

  test('fifty concurrent wrong guesses for one account from one address: only five passwords are checked', async () => {
    const { email, id } = t.world.staff.analyst
    const browser = new Browser(t.app, { forwardedFor: '198.51.100.50' })
    await browser.get('/sign-in')
    const burst = await Promise.all(Array.from({ length: 50 }, (_, guess) => browser.post('/sign-in', { email, password: `wrong guess ${guess}` })))
    const checked = burst.filter((page) => page.status === 400).length
    const held = burst.filter((page) => page.status === 429).length
    console.log(`# ${engine}: 50 concurrent wrong guesses for one account from one address: ${checked} checked, ${held} held back`)
    assert.equal(checked, t.config.signIn.freeFailures, 'as many checked as the limit allows, however they race')
    assert.equal(held, 50 - t.config.signIn.freeFailures)
    assert.equal(await auditCount('sign-in.failed', id), t.config.signIn.freeFailures, 'and only those were checked against the account')
  })

  test('wrong passwords from elsewhere never keep the owner out; from one address, each guess after five waits longer', async () => {
    const { email } = t.world.staff.referrer
    for (let guess = 0; guess < 5; guess += 1) assert.equal((await attempt('203.0.113.66', email, `wrong ${guess}`)).status, 400)
    const sixth = await attempt('203.0.113.66', email, PASSWORD)
    assert.equal(sixth.status, 429, 'even the right password waits, from the guessing address')
    assert.deepEqual(errorSummary(sixth.document), [
      'You have tried to sign in too many times. Wait 1 minute, then try again, or sign in with a link sent to your email',
    ])
    assert.ok(sixth.document.querySelector('a[href="/sign-in/link"]'), 'the page offers the link')

    assert.equal((await attempt('192.0.2.10', email, PASSWORD)).status, 303, 'the owner, at their own desk, signs in at once')

    t.clock.advanceMinutes(1)
    assert.equal((await attempt('203.0.113.66', email, 'wrong again')).status, 400, 'after the wait, one more guess is checked')
    const next = await attempt('203.0.113.66', email, 'and again')
    assert.deepEqual(errorSummary(next.document), [
      'You have tried to sign in too many times. Wait 2 minutes, then try again, or sign in with a link sent to your email',
    ])
  })

  test('twenty failures from one office address lock nobody else behind it', async () => {
    const office = '192.0.2.200'
    const others = [t.world.staff.admin, t.world.staff.otherReferrer, t.world.staff.otherManager, t.world.staff.advocate]
    for (const person of others) for (let guess = 0; guess < 5; guess += 1) await attempt(office, person.email, `typo ${guess}`)
    assert.equal((await attempt(office, t.world.staff.coordinator.email, PASSWORD)).status, 303)
  })

  test('at the ceiling from every address together, passwords are no longer checked, and a link emailed to the owner signs them in', async () => {
    const { email, id } = t.world.staff.manager
    const ceiling = t.config.signIn.accountCeiling
    for (let guess = 0; guess < ceiling; guess += 1) {
      assert.equal((await attempt(`203.0.113.${100 + Math.floor(guess / 5)}`, email, `guess ${guess}`)).status, 400, `guess ${guess + 1}`)
    }
    const failedBefore = await auditCount('sign-in.failed', id)
    const owner = new Browser(t.app, { forwardedFor: '192.0.2.44' })
    const refused = await owner.signIn(email, PASSWORD)
    assert.equal(refused.status, 429, 'the right password is not checked either')
    assert.deepEqual(errorSummary(refused.document), [
      'There have been too many wrong passwords for this email address. To keep the account safe, sign in with a link sent to your email',
    ])
    t.clock.advanceDays(2)
    assert.equal((await attempt('203.0.113.250', email, 'one more guess')).status, 429, 'waiting does not lift it')
    assert.equal(await auditCount('sign-in.failed', id), failedBefore, 'nothing more was checked')

    await owner.get('/sign-in/link')
    const sent = await owner.post('/sign-in/link', { email: email.toUpperCase() })
    assert.equal(heading(sent.document), 'Check your email')
    const message = await mail.next()
    assert.deepEqual(message.to, [email], 'to the account’s own address')
    assert.equal(message.subject, 'Your link to sign in to Alongside')
    const link = /https?:\/\/\S+\/sign-in\/link\/([A-Za-z0-9_-]{43})/.exec(message.text)
    assert.ok(link, message.text)
    const path = new URL(link[0]).pathname
    const page = await owner.get(path)
    assert.equal(page.status, 200)
    const signedIn = await owner.post(path, {})
    assert.equal(signedIn.location, '/')
    assert.equal((await owner.get('/')).status, 200, 'signed in, though the account is throttled')
    assert.equal((await new Browser(t.app).post(path, {})).status, 403, 'a post without the page’s token is refused')
    const again = new Browser(t.app)
    assert.equal((await again.get(path)).status, 404, 'the link works once')

    assert.equal((await attempt('192.0.2.45', email, PASSWORD)).status, 303, 'and the password works again')
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('record_id', '=', id)
      .where('action', 'in', ['sign-in.link-sent', 'sign-in.succeeded'])
      .orderBy('id')
      .execute()
    assert.deepEqual(
      events.map((event) => [event.action, event.details['by'] ?? null]),
      [
        ['sign-in.link-sent', null],
        ['sign-in.succeeded', 'link'],
        ['sign-in.succeeded', 'password'],
      ],
    )
  })
})
