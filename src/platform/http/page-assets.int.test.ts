import assert from 'node:assert/strict'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { parseDocument } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'

/** Every file a page links to: its styles, its scripts (and the module its script imports), its icon. */
function linkedFiles(html: string): string[] {
  const page = parseDocument(html)
  const links = [...page.querySelectorAll('link[rel="stylesheet"], link[rel="icon"]')].map((link) => link.getAttribute('href') ?? '')
  const scripts = [...page.querySelectorAll('script[src]')].map((script) => script.getAttribute('src') ?? '')
  return [...links, ...scripts]
}

describe(`the files every page links to (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('are fingerprinted, compressed, and kept by the browser for a year, so a repeat view is one request', async (context) => {
    const cookie = (await signedIn(t, 'referrer')).cookieHeader()
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } })
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['content-encoding'], 'br', 'the page itself, compressed (ADR 41)')
    const files = linkedFiles(brotliDecompressSync(page.rawPayload).toString('utf8'))
    assert.equal(files.length, 5, `styles ×3, the icon and the script: ${files.join(', ')}`)
    let firstView = page.rawPayload.length
    for (const url of files) {
      assert.match(url, /^\/assets\/v\/[\w-]{16}\/[\w.-]+$/, url)
      const brotli = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
      assert.equal(brotli.statusCode, 200, url)
      assert.equal(brotli.headers['cache-control'], 'public, max-age=31536000, immutable', url)
      assert.equal(brotli.headers['content-encoding'], 'br', url)
      assert.equal(brotli.headers['vary'], 'accept-encoding', url)
      const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } })
      assert.equal(plain.headers['content-encoding'], undefined, url)
      assert.deepEqual(brotliDecompressSync(brotli.rawPayload), plain.rawPayload, `${url}: the same file, compressed`)
      const gzip = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } })
      assert.equal(gzip.headers['content-encoding'], 'gzip', url)
      assert.deepEqual(gunzipSync(gzip.rawPayload), plain.rawPayload, url)
      firstView += brotli.rawPayload.length
    }
    const script = await t.app.inject({ method: 'GET', url: files.find((url) => url.endsWith('/app.js')) ?? '', headers: { 'accept-encoding': 'identity' } })
    const imported = /from '([^']+)'/.exec(script.body)?.[1] ?? ''
    assert.match(imported, /^\/assets\/v\/[\w-]{16}\/govuk-frontend\.min\.js$/, 'the script imports GOV.UK Frontend by its fingerprint too')
    // The module the script imports is part of a first view too, as the browser fetches it.
    const bundle = await t.app.inject({ method: 'GET', url: imported, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    assert.equal(bundle.statusCode, 200)
    assert.equal(bundle.headers['content-encoding'], 'br')
    assert.doesNotMatch(brotliDecompressSync(bundle.rawPayload).toString('utf8'), /sourceMappingURL/, 'no source map is named that is not served')
    firstView += bundle.rawPayload.length
    assert.ok(firstView <= 100 * 1024, `a page's first view is at most 100 KB (issue 9): ${firstView} bytes`)
    context.diagnostic(`a page's first view, compressed: ${Math.round(firstView / 1024)} KB`)
  })

  test('a page is compressed for a browser that asks (Brotli, else gzip), and is the same page (ADR 41)', async () => {
    const cookie = (await signedIn(t, 'referrer')).cookieHeader()
    const read = (acceptEncoding: string) => t.app.inject({ method: 'GET', url: '/', headers: { cookie, 'accept-encoding': acceptEncoding } })
    const [brotli, gzip, plain, none] = await Promise.all([read('gzip, deflate, br'), read('gzip'), read('identity'), read('')])
    assert.deepEqual(
      [brotli, gzip, plain, none].map((page) => [page.statusCode, page.headers['content-encoding']]),
      [
        [200, 'br'],
        [200, 'gzip'],
        [200, undefined],
        [200, undefined],
      ],
    )
    for (const page of [brotli, gzip]) {
      assert.equal(page.headers['vary'], 'accept-encoding')
      assert.equal(page.headers['cache-control'], 'no-store', 'a page is still never kept')
      assert.equal(Number(page.headers['content-length']), page.rawPayload.length)
    }
    // Each page's form token (masked afresh) and script nonce are its own: the pages are compared without them.
    const withoutToken = (html: string) => html.replace(/name="_csrf" value="[\w-]+"/g, 'name="_csrf" value=""').replace(/nonce="\w+"/g, 'nonce=""')
    const html = withoutToken(plain.body)
    assert.match(plain.body, /<html/)
    assert.equal(withoutToken(brotliDecompressSync(brotli.rawPayload).toString('utf8')), html)
    assert.equal(withoutToken(gunzipSync(gzip.rawPayload).toString('utf8')), html)
    assert.ok(brotli.rawPayload.length < plain.rawPayload.length / 3, `${brotli.rawPayload.length} of ${plain.rawPayload.length} bytes`)
  })

  test('a fingerprint that is not the file’s, or a name that is not one of them, is a clean 404', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' })
    const styles = linkedFiles(page.body).find((url) => url.endsWith('/app.css')) ?? ''
    const fingerprint = styles.split('/')[3] ?? ''
    for (const url of [
      styles.replace(fingerprint, 'AAAAAAAAAAAAAAAA'),
      `/assets/v/${fingerprint}/package.json`,
      `/assets/v/${fingerprint}/..%2f..%2fpackage.json`,
      '/assets/v/x/y',
    ]) {
      const response = await t.app.inject({ method: 'GET', url })
      assert.equal(response.statusCode, 404, url)
    }
  })
})
