import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

describe('configuration', () => {
  test('runs locally with nothing set: the embedded database in ./data', () => {
    const config = loadConfig({})
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: 'data', sharedBuffers: '32MB' })
    assert.equal(config.production, false)
    assert.equal(config.session.secureCookie, false)
    assert.equal(config.baseUrl, 'http://localhost:3000')
  })

  test('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db:5432/alongside' })
    assert.equal(config.database.kind, 'postgres')
  })

  test('refuses to start in production without a secret or a database, naming each', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError)
        assert.match(error.message, /SESSION_SECRET is required in production/)
        assert.match(error.message, /DATABASE_URL is required in production/)
        assert.match(error.message, /SMTP_URL is required in production/)
        assert.match(error.message, /MAIL_FROM is required in production/)
        return true
      },
    )
  })

  test('refuses demo data in production, and a short secret anywhere', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/a',
      SESSION_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://mail.example',
      MAIL_FROM: 'Alongside <alongside@council.example>',
    }
    assert.throws(() => loadConfig({ ...production, DEMO: 'true' }), /demo data cannot be loaded in production/)
    assert.throws(() => loadConfig({ ...production, TEST_CLOCK_FILE: '/tmp/clock' }), /the clock cannot be moved in production/)
    assert.equal(loadConfig({ TEST_CLOCK_FILE: '/tmp/clock' }).testClockFile, '/tmp/clock')
    assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /at least 32 characters/)
    assert.equal(loadConfig(production).session.secureCookie, true)
  })

  test('refuses nonsense with a clear message', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/)
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://nope' }), /postgres:\/\//)
  })

  test('mail goes through SMTP when told where, and otherwise into the outbox folder; the account ceiling is at most NIST’s 100', () => {
    assert.deepEqual(loadConfig({}).mail, { smtpUrl: undefined, from: 'Alongside <alongside@localhost>', outboxDir: 'data/outbox' })
    assert.equal(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).mail.smtpUrl, 'smtp://127.0.0.1:2525')
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail.example' }), /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/)
    assert.deepEqual(loadConfig({}).signIn, { freeFailures: 5, maxDelayMinutes: 15, accountCeiling: 50 })
    assert.throws(() => loadConfig({ SIGN_IN_ACCOUNT_CEILING: '101' }), /100 or fewer/)
  })

  test('GOV.UK Notify is switched on by its key and two templates, and a malformed key stops the start', () => {
    assert.equal(loadConfig({}).notify, null)
    const key = 'alongside_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0'
    const email = 'f33517ff-2a88-4f6e-b855-c550268ce08a'
    const sms = 'a8f30ac1-5d7d-4f5b-8a34-2c5d4e6f7a8b'
    assert.deepEqual(loadConfig({ NOTIFY_API_KEY: key, NOTIFY_EMAIL_TEMPLATE_ID: email, NOTIFY_SMS_TEMPLATE_ID: sms }).notify, {
      apiKey: key,
      emailTemplateId: email,
      smsTemplateId: sms,
      baseUrl: 'https://api.notifications.service.gov.uk',
    })
    assert.throws(
      () => loadConfig({ NOTIFY_API_KEY: 'not-a-key', NOTIFY_EMAIL_TEMPLATE_ID: email, NOTIFY_SMS_TEMPLATE_ID: sms }),
      /NOTIFY_API_KEY must be a GOV.UK Notify API key/,
    )
    assert.throws(() => loadConfig({ NOTIFY_API_KEY: key }), /NOTIFY_EMAIL_TEMPLATE_ID is required with NOTIFY_API_KEY/)
    assert.throws(
      () => loadConfig({ NOTIFY_API_KEY: key, NOTIFY_EMAIL_TEMPLATE_ID: email, NOTIFY_SMS_TEMPLATE_ID: 'sms' }),
      /NOTIFY_SMS_TEMPLATE_ID must be a Notify template id/,
    )
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/a', SESSION_SECRET: 'x'.repeat(40), MAIL_FROM: 'a@b.example' }
    assert.ok(loadConfig({ ...production, NOTIFY_API_KEY: key, NOTIFY_EMAIL_TEMPLATE_ID: email, NOTIFY_SMS_TEMPLATE_ID: sms }).notify, 'Notify instead of SMTP')
    assert.throws(() => loadConfig(production), /SMTP_URL is required in production unless NOTIFY_API_KEY is set/)
  })

  test('trusts no proxy unless told which, and refuses a list that is not addresses or ranges', () => {
    assert.deepEqual(loadConfig({}).trustedProxies, [])
    assert.deepEqual(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/a',
        SESSION_SECRET: 'x'.repeat(40),
        SMTP_URL: 'smtps://mail.example',
        MAIL_FROM: 'a@b.example',
      }).trustedProxies,
      [],
    )
    assert.deepEqual(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16,fd00::/8' }).trustedProxies, ['10.0.0.1', '10.1.0.0/16', 'fd00::/8'])
    for (const wrong of ['everyone', '10.0.0.0/33', '10.0.0.1/8/2', 'true']) {
      assert.throws(() => loadConfig({ TRUSTED_PROXIES: wrong }), /TRUSTED_PROXIES must list IP addresses or CIDR ranges/, wrong)
    }
  })

  test('keeps compiled templates unless a developer asks to re-read them', () => {
    assert.equal(loadConfig({}).viewCache, true)
    assert.equal(loadConfig({ VIEW_CACHE: 'false' }).viewCache, false)
  })
})
