import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')

describe(`an advocate's photo (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  /** A multipart form, as a browser sends a file upload, with the form token of the page last seen. */
  async function upload(browser: Browser, url: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
    const boundary = '----alongside-test-boundary'
    const parts: Buffer[] = []
    for (const [name, value] of Object.entries({ _csrf: browser.csrfToken ?? '', ...fields })) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
    }
    if (file) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
        file.bytes,
        Buffer.from('\r\n'),
      )
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    return t.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: browser.cookieHeader() },
    })
  }

  test('the coordinator keeps a photo, judged by its bytes; the pool’s readers see it', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Petra', familyName: 'Photo' })
    assert.equal((await coordinator.get(`${url}/photo`)).status, 404, 'none yet')

    await coordinator.get(`${url}/photo/change`)
    const notAnImage = await upload(
      coordinator,
      `${url}/photo/change`,
      {},
      { name: 'me.png', type: 'image/png', bytes: Buffer.from('<svg onload="alert(1)">') },
    )
    assert.equal(notAnImage.statusCode, 303)
    assert.deepEqual(errorSummary((await coordinator.get(`${url}/photo/change`)).document), ['The photo must be a JPEG or PNG image'])
    assert.equal((await upload(coordinator, `${url}/photo/change`, {})).statusCode, 303)
    assert.deepEqual(errorSummary((await coordinator.get(`${url}/photo/change`)).document), ['Choose a photo'])

    const saved = await upload(coordinator, `${url}/photo/change`, {}, { name: 'me.jpg', type: 'application/octet-stream', bytes: JPEG })
    assert.equal(saved.headers['location'], url)
    const page = await coordinator.open(url)
    assert.match(textOf(page.document.querySelector('.govuk-notification-banner')), /Photo saved/)
    assert.equal(page.document.querySelector('img.app-advocate-photo')?.getAttribute('src'), `${url}/photo`)
    for (const who of ['coordinator', 'admin', 'manager'] as const) {
      const browser = who === 'coordinator' ? coordinator : await signedIn(t, who)
      const photo = await t.app.inject({ method: 'GET', url: `${url}/photo`, headers: { cookie: browser.cookieHeader() } })
      assert.equal(photo.statusCode, 200, who)
      assert.equal(photo.headers['content-type'], 'image/jpeg', 'the type is the bytes’, not what the browser said')
      assert.equal(photo.headers['cache-control'], 'private, no-store')
      assert.deepEqual(photo.rawPayload, JPEG)
    }

    await coordinator.get(`${url}/photo/change`)
    assert.equal((await upload(coordinator, `${url}/photo/change`, {}, { name: 'me.png', type: 'image/png', bytes: PNG })).statusCode, 303)
    const replaced = await t.app.inject({ method: 'GET', url: `${url}/photo`, headers: { cookie: coordinator.cookieHeader() } })
    assert.equal(replaced.headers['content-type'], 'image/png')

    await coordinator.get(`${url}/photo/change`)
    assert.equal((await upload(coordinator, `${url}/photo/change`, { remove: 'yes' })).statusCode, 303)
    assert.equal((await coordinator.get(`${url}/photo`)).status, 404, 'removed')
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('action', 'like', 'advocate.photo-%').orderBy('id').execute()
    assert.deepEqual(
      audit.map((row) => row.action),
      ['advocate.photo-set', 'advocate.photo-set', 'advocate.photo-removed'],
    )
  })

  test('an upload without the form token is refused; only the coordinator changes the photo; others never see it', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Tom', familyName: 'Tokenless' })
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: `${url}/photo/change`,
      payload: '--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: coordinator.cookieHeader() },
    })
    assert.equal(withoutToken.statusCode, 403, 'no form token, no upload')
    for (const who of ['admin', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`${url}/photo/change`)).status, 403, who)
      assert.equal((await upload(browser, `${url}/photo/change`, {}, { name: 'me.png', type: 'image/png', bytes: PNG })).statusCode, 403, who)
    }
    for (const who of ['referrer', 'advocate', 'analyst', 'sysadmin'] as const)
      assert.equal((await (await signedIn(t, who)).get(`${url}/photo`)).status, 403, who)
  })
})
