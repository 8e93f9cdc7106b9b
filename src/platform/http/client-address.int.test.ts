import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { PASSWORD } from '../../../test/support/world.ts'

/** Signs in through a forged X-Forwarded-For, and says what address the service recorded. */
async function signInFrom(t: TestApp, forwardedFor: string, password: string): Promise<number> {
  const email = t.world.staff.referrer.email
  const page = await t.app.inject({ method: 'GET', url: '/sign-in', headers: { 'x-forwarded-for': forwardedFor } })
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  const response = await t.app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { 'x-forwarded-for': forwardedFor, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, email, password }).toString(),
  })
  return response.statusCode
}

async function recordedAddresses(t: TestApp): Promise<{ attempts: string[]; audit: (string | null)[] }> {
  const attempts = await t.database.db.selectFrom('sign_in_guess').select('address').execute()
  const audit = await t.database.db.selectFrom('audit_event').select('ip').where('action', 'like', 'sign-in%').execute()
  return { attempts: [...new Set(attempts.map((row) => row.address))], audit: [...new Set(audit.map((row) => row.ip))] }
}

describe(`the client's address (${engine})`, () => {
  describe('with no proxy trusted (the default), in production', () => {
    let t: TestApp
    before(async () => {
      // Production settings, as a deployment has them (the test's own database is used, not this URL).
      t = await startTestApp({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://not-used.invalid/alongside',
        SMTP_URL: 'smtp://not-used.invalid',
        MAIL_FROM: 'Alongside <alongside@test.example>',
      })
    })
    after(() => t.close())

    test('a forged X-Forwarded-For changes neither the address the throttle counts nor the one the audit records', async () => {
      for (const forged of ['203.0.113.1', '203.0.113.2', '198.51.100.7, 10.0.0.1']) await signInFrom(t, forged, 'not the password')
      const counted = await recordedAddresses(t)
      await signInFrom(t, '203.0.113.9', PASSWORD)
      const recorded = await recordedAddresses(t)
      assert.deepEqual(counted.attempts, ['127.0.0.1'], 'the throttle counted the connection’s address (signing in then clears its count)')
      assert.deepEqual(recorded.audit, ['127.0.0.1'])
    })
  })

  describe('behind a configured proxy', () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' })
    })
    after(() => t.close())

    test('the address the trusted proxy forwards is the one recorded', async () => {
      await signInFrom(t, '203.0.113.1', 'not the password')
      const recorded = await recordedAddresses(t)
      assert.deepEqual(recorded.attempts, ['203.0.113.1'])
      assert.deepEqual(recorded.audit, ['203.0.113.1'])
    })
  })
})
