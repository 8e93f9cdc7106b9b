import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../support/app.ts'
import { engine } from '../support/database.ts'
import { namesARecord, routes, servedRoutes } from '../support/routes.ts'

/**
 * The matrices try what `test/support/routes.ts` lists. These fail when the app serves a form, or a
 * page that names a record, that the list leaves out, so that a new one cannot be forgotten.
 */
describe(`every route is in the matrices' list (${engine})`, () => {
  let t: TestApp
  let served: string[]
  before(async () => {
    t = await startTestApp()
    served = servedRoutes(t.app)
  })
  after(async () => t.close())

  const listed = new Set(routes.map((route) => `${route.method} ${route.route}`))

  test("the app's routes are read in full (so the checks below see every one)", () => {
    for (const known of [
      'GET /',
      'GET /health',
      'POST /sign-in',
      'GET /referrals/:referralId',
      'POST /referrals/:referralId/withdraw',
      'GET /referrals-made',
    ]) {
      assert.ok(served.includes(known), `${known} is among ${served.length} routes read`)
    }
    assert.ok(served.length > 100, `${served.length} routes`)
  })

  test('every POST route is listed, so the hostile-input matrix posts to it as the role that may use it', () => {
    const missing = served.filter((route) => route.startsWith('POST ') && !listed.has(route))
    assert.deepEqual(missing, [], 'add these to test/support/routes.ts')
  })

  test('every route that names a record is listed, with who it is open to, so the access matrix tries it for every role', () => {
    const missing = served.filter((route) => namesARecord(route) && !listed.has(route))
    assert.deepEqual(missing, [], 'add these to test/support/routes.ts')
    for (const route of routes.filter((candidate) => namesARecord(candidate.route)))
      assert.ok(route.open, `${route.method} ${route.route} says who it is open to`)
  })

  test('the list names no route the app does not serve', () => {
    assert.deepEqual(
      [...listed].filter((route) => !served.includes(route)),
      [],
    )
  })
})
