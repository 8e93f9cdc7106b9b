import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'

/** Files under /assets/ that are not there: a mistyped name, an image, and the source maps the bundles name in their last line. */
const missing = [
  '/assets/missing.js',
  '/assets/images/nothing-here.png',
  '/assets/fonts/nothing-here.woff2',
  '/assets/app.css.map',
  '/assets/bundles/govuk-frontend.min.js.map',
  '/assets/bundles/govuk-frontend.min.css.map',
  '/assets/bundles/moj-frontend.min.js.map',
  '/assets/bundles/nothing.css',
  '/assets/bundles/',
  '/assets/',
]

/** Ways out of the folder: never a file from elsewhere, never a crash. */
const outside = ['/assets/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/bundles/..%2fgovuk-frontend.min.js.map', '/assets/%00.js']

describe(`static files (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a file under /assets/ that is not there is a clean 404, signed in or not', async () => {
    const signedInCookie = (await signedIn(t, 'referrer')).cookieHeader()
    for (const cookie of ['', signedInCookie]) {
      for (const url of missing) {
        const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
        assert.equal(response.statusCode, 404, `${url}${cookie ? ' (signed in)' : ''}: ${response.body.slice(0, 80)}`)
        assert.equal(response.headers['x-content-type-options'], 'nosniff', url)
        assert.doesNotMatch(response.body, /problem with the service/, url)
      }
    }
  })

  test('a way out of the folder finds nothing', async () => {
    const signedInCookie = (await signedIn(t, 'referrer')).cookieHeader()
    for (const cookie of ['', signedInCookie]) {
      for (const url of outside) {
        const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
        assert.ok([303, 400, 403, 404].includes(response.statusCode), `${url}: ${response.statusCode}`)
        assert.doesNotMatch(response.body, /"name": "alongside"|sourceMappingURL|problem with the service/, url)
      }
    }
  })

  test('the files that are there are served, and the source maps the bundles point to are named in them', async () => {
    for (const url of ['/assets/bundles/govuk-frontend.min.js', '/assets/bundles/moj-frontend.min.css', '/assets/app.css', '/assets/images/favicon.ico']) {
      const response = await t.app.inject({ method: 'GET', url })
      assert.equal(response.statusCode, 200, url)
    }
    const bundle = await t.app.inject({ method: 'GET', url: '/assets/bundles/govuk-frontend.min.js' })
    assert.match(bundle.body, /sourceMappingURL=govuk-frontend\.min\.js\.map/, 'the map asked for above is the one the bundle names')
  })

  test('no public path answers any method with a server error', async () => {
    const paths = ['/assets/missing.js', '/assets/bundles/x.map', '/assets', '/health', '/health/x', '/favicon.ico', '/robots.txt', '/sign-in', '/nothing']
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const) {
      for (const url of paths) {
        const response = await t.app.inject({
          method,
          url,
          headers: method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'text/plain' },
          payload: '',
        })
        assert.ok(response.statusCode < 500, `${method} ${url} answered ${response.statusCode}`)
      }
    }
  })
})
