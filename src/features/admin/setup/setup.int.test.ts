import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createApplication } from '../../../application.ts'
import { loadConfig } from '../../../config.ts'
import { root, startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { TestClock } from '../../../../test/support/clock.ts'
import { engine, openTestDatabase } from '../../../../test/support/database.ts'

describe(`first start on a database that already has accounts (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('there is no set-up link, and no token opens the set-up page', async () => {
    assert.equal(await t.services.admin.firstAdminLink(), undefined, 'there are already accounts, so no link')
    const browser = new Browser(t.app)
    assert.equal((await browser.get('/setup/not-a-real-token')).status, 404)
    assert.equal((await browser.get(`/setup/${'a'.repeat(43)}`)).status, 404)
  })
})

describe(`first start on an empty database (${engine})`, () => {
  const opened = { close: async () => {} }
  let browser: Browser
  let stranger: Browser
  let token: string
  let services: Awaited<ReturnType<typeof createApplication>>['services']
  before(async () => {
    const database = await openTestDatabase()
    const config = loadConfig({ SESSION_SECRET: 'a test secret that is long enough to be accepted', VIEW_CACHE: 'true' })
    const application = await createApplication({ database, clock: new TestClock(), config, root, logger: false })
    await application.app.ready()
    opened.close = async () => {
      await application.app.close()
      await database.close()
    }
    services = application.services
    token = (await services.admin.firstAdminLink()) ?? ''
    browser = new Browser(application.app)
    stranger = new Browser(application.app)
  })
  after(async () => opened.close())

  test('the one-time link sets up the authority, its FGC Advocacy Admin team and the first system admin, once', async () => {
    assert.match(token, /^[A-Za-z0-9_-]{43}$/)
    const page = await browser.get(`/setup/${token}`)
    assert.equal(heading(page.document), 'Set up Alongside')
    const refused = await browser.post(`/setup/${token}`, {
      authorityName: 'Camden',
      displayName: 'Sam First',
      email: 'not an email',
      password: 'short',
      confirmPassword: 'short',
    })
    assert.equal(refused.status, 400)
    assert.deepEqual(errorSummary(refused.document), [
      'Enter an email address in the correct format, like name@example.gov.uk',
      'Password must be 12 characters or more',
    ])
    assert.equal(refused.document.querySelector<HTMLInputElement>('input[name="authorityName"]')?.value, 'Camden', 'the answers are kept')
    assert.equal(refused.document.querySelector<HTMLInputElement>('input[name="password"]')?.value ?? '', '', 'but never the password')

    for (const [weak, message] of [
      [
        'password1234',
        'Choose a different password: this one is among passwords that are used often or have been stolen. Three random words make a strong password.',
      ],
      ['111111111111', 'Choose a password that is not a repeated or predictable pattern, like aaaa or 1234. Three random words make a strong password.'],
      ['sam@camden.example', 'Choose a password that does not use your name, your email address, or the name of this service or your council'],
      ['Camden Council 1', 'Choose a password that does not use your name, your email address, or the name of this service or your council'],
    ] as const) {
      const refusedWeak = await browser.post(`/setup/${token}`, {
        authorityName: 'Camden Council',
        displayName: 'Sam First',
        email: 'sam@camden.example',
        password: weak,
        confirmPassword: weak,
      })
      assert.equal(refusedWeak.status, 400, weak)
      assert.deepEqual(errorSummary(refusedWeak.document), [message], weak)
    }

    const password = 'purple river lantern'
    const done = await browser.post(`/setup/${token}`, {
      authorityName: 'Camden',
      displayName: 'Sam First',
      email: 'sam@camden.example',
      password,
      confirmPassword: password,
    })
    assert.equal(done.location, '/admin/users')
    const users = await browser.open('/admin/users')
    assert.match(textOf(users.document.querySelector('.govuk-notification-banner')), /Your service is set up/)
    assert.match(textOf(users.document.querySelector('table')), /Sam First sam@camden.example System admin Active/)
    const teams = await browser.get('/admin/teams')
    assert.match(textOf(teams.document.querySelector('table')), /FGC Advocacy Admin/)

    assert.equal((await stranger.get(`/setup/${token}`)).status, 404, 'the link works once')
    assert.equal(await services.admin.firstAdminLink(), undefined, 'and no new one is made')
  })
})
