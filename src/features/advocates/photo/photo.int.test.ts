import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { advocateAdded } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, fieldError, textOf, type Browser } from '../../../../test/support/browser.ts'
import { PHOTO_MAX_BYTES } from '../../../platform/images/photo.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { uploaded } from '../../../../test/support/upload.ts'

/** A phone's photo: 1600 by 1200, with the camera's make and where it was taken (51.5°N, 0.12°W) in its EXIF. */
const JPEG_WITH_GPS = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 180, g: 120, b: 90 } } })
  .jpeg({ quality: 90 })
  .withExif({
    IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Copyright: 'Petra Photo' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' },
  })
  .toBuffer()
const PNG = await sharp({ create: { width: 300, height: 900, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 0.5 } } })
  .png()
  .toBuffer()

/** A PNG's signature and header, then nonsense: what a check of the first bytes took for a PNG. */
const FAKE_PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.from('<svg onload="alert(1)">')])

/** A PNG chunk, with its length and checksum. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const checksum = Buffer.alloc(4)
  checksum.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])))
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, checksum])
}

/** A small file that says it is a PNG of 60,000 by 60,000 pixels: decoding it would take 14 GB. */
function pixelBomb(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(60_000, 0)
  header.writeUInt32BE(60_000, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', Buffer.alloc(64)), chunk('IEND', Buffer.alloc(0))])
}

/** Whether the bytes carry any EXIF, XMP, ICC or IPTC block, by what sharp reads and by the markers themselves. */
async function metadataIn(bytes: Buffer) {
  const meta = await sharp(bytes).metadata()
  return {
    exif: meta.exif !== undefined || bytes.includes(Buffer.from('Exif\0\0', 'latin1')),
    xmp: meta.xmp !== undefined,
    icc: meta.icc !== undefined,
    iptc: meta.iptc !== undefined,
    camera: bytes.includes(Buffer.from('PhoneMaker', 'latin1')),
  }
}

const NONE = { exif: false, xmp: false, icc: false, iptc: false, camera: false }

describe(`an advocate's photo (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  const upload = (browser: Browser, url: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) =>
    uploaded(t, browser, url, fields, file)

  /** The photo as the service serves it. */
  async function served(browser: Browser, url: string) {
    return t.app.inject({ method: 'GET', url: `${url}/photo`, headers: { cookie: browser.cookieHeader() } })
  }

  test('a photo is decoded and made again: no location, no camera, no other metadata, at most 800 pixels a side', async () => {
    assert.deepEqual(await metadataIn(JPEG_WITH_GPS), { exif: true, xmp: false, icc: false, iptc: false, camera: true }, 'the upload carries its EXIF')
    const exif = (await sharp(JPEG_WITH_GPS).metadata()).exif ?? Buffer.alloc(0)
    assert.ok(exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])), 'and a GPS block in it')

    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Gita', familyName: 'Gps' })
    assert.equal((await coordinator.get(`${url}/photo`)).status, 404, 'none yet')
    await coordinator.get(`${url}/photo/change`)
    const saved = await upload(coordinator, `${url}/photo/change`, {}, { name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: JPEG_WITH_GPS })
    assert.equal(saved.headers['location'], url)

    const photo = await served(coordinator, url)
    assert.equal(photo.statusCode, 200)
    assert.equal(photo.headers['content-type'], 'image/jpeg')
    assert.notDeepEqual(photo.rawPayload, JPEG_WITH_GPS, 'not the bytes sent')
    assert.deepEqual(await metadataIn(photo.rawPayload), NONE)
    const decoded = await sharp(photo.rawPayload).metadata()
    assert.deepEqual([decoded.format, decoded.width, decoded.height], ['jpeg', 800, 600], 'it decodes, within 800 by 800, in proportion')
    const stored = await t.database.db
      .selectFrom('advocate')
      .select('photo')
      .where('id', '=', url.split('/').pop() ?? '')
      .executeTakeFirstOrThrow()
    assert.deepEqual(Buffer.from(stored.photo ?? []), photo.rawPayload, 'what is kept is what is served')

    await coordinator.get(`${url}/photo/change`)
    assert.equal((await upload(coordinator, `${url}/photo/change`, {}, { name: 'tall.png', type: 'image/png', bytes: PNG })).statusCode, 303)
    const tall = await served(coordinator, url)
    assert.equal(tall.headers['content-type'], 'image/jpeg', 'a PNG is made again too')
    const tallMeta = await sharp(tall.rawPayload).metadata()
    assert.deepEqual([tallMeta.format, tallMeta.width, tallMeta.height], ['jpeg', 267, 800])
  })

  test('a file that does not decode as a JPEG or PNG is refused with a field error, whatever its first bytes say', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Fay', familyName: 'Fake' })
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer()
    const truncated = JPEG_WITH_GPS.subarray(0, Math.floor(JPEG_WITH_GPS.length / 3))
    const refusals: [string, Buffer, string][] = [
      ['a PNG signature followed by a script', FAKE_PNG, 'The photo must be a JPEG or PNG image'],
      ['a script', Buffer.from('<svg onload="alert(1)">'), 'The photo must be a JPEG or PNG image'],
      ['a GIF', gif, 'The photo must be a JPEG or PNG image'],
      ['a JPEG cut short', truncated, 'The photo must be a JPEG or PNG image'],
      ['a PNG of 60,000 by 60,000 pixels', pixelBomb(), 'The photo must be at most 5,000 pixels wide and high'],
    ]
    for (const [what, bytes, message] of refusals) {
      await coordinator.get(`${url}/photo/change`)
      const refused = await upload(coordinator, `${url}/photo/change`, {}, { name: 'me.png', type: 'image/png', bytes })
      assert.equal(refused.statusCode, 303, what)
      const page = await coordinator.get(`${url}/photo/change`)
      assert.deepEqual(errorSummary(page.document), [message], what)
      assert.equal(fieldError(page.document, 'photo'), message, what)
    }
    assert.equal((await coordinator.get(`${url}/photo`)).status, 404, 'nothing was kept')
  })

  test('a photo over the size limit gets a field error, not an error page; the other bounds hold', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Bo', familyName: 'Big' })
    await coordinator.get(`${url}/photo/change`)
    const big = await upload(coordinator, `${url}/photo/change`, {}, { name: 'big.jpg', type: 'image/jpeg', bytes: Buffer.alloc(PHOTO_MAX_BYTES + 1, 0xff) })
    assert.equal(big.statusCode, 303, big.body.slice(0, 200))
    assert.equal(big.headers['location'], `${url}/photo/change`)
    const page = await coordinator.get(`${url}/photo/change`)
    assert.deepEqual(errorSummary(page.document), ['The photo must be smaller than 10 MB'])
    assert.equal((await coordinator.get(`${url}/photo`)).status, 404, 'nothing was kept')

    await coordinator.get(`${url}/photo/change`)
    const manyFields = await upload(coordinator, `${url}/photo/change`, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, 'x'])))
    assert.equal(manyFields.statusCode, 413, 'more fields than the form has')
    await coordinator.get(`${url}/photo/change`)
    const longField = await upload(coordinator, `${url}/photo/change`, { remove: 'x'.repeat(100_000) })
    assert.ok([303, 403, 413].includes(longField.statusCode), `a field far longer than any answer: ${longField.statusCode}`)
    assert.equal((await coordinator.get(`${url}/photo`)).status, 404)
  })

  test('the pool’s readers see a photo; it can be removed; each change is audited', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = await advocateAdded(coordinator, { givenName: 'Petra', familyName: 'Photo' })
    await coordinator.get(`${url}/photo/change`)
    assert.equal((await upload(coordinator, `${url}/photo/change`, {})).statusCode, 303)
    assert.deepEqual(errorSummary((await coordinator.get(`${url}/photo/change`)).document), ['Choose a photo'])

    const saved = await upload(coordinator, `${url}/photo/change`, {}, { name: 'me.jpg', type: 'application/octet-stream', bytes: JPEG_WITH_GPS })
    assert.equal(saved.headers['location'], url)
    const page = await coordinator.open(url)
    assert.match(textOf(page.document.querySelector('.govuk-notification-banner')), /Photo saved/)
    assert.equal(page.document.querySelector('img.app-advocate-photo')?.getAttribute('src'), `${url}/photo`)
    for (const who of ['coordinator', 'admin', 'manager'] as const) {
      const browser = who === 'coordinator' ? coordinator : await signedIn(t, who)
      const photo = await served(browser, url)
      assert.equal(photo.statusCode, 200, who)
      assert.equal(photo.headers['content-type'], 'image/jpeg')
      assert.equal(photo.headers['cache-control'], 'private, no-store')
    }

    await coordinator.get(`${url}/photo/change`)
    assert.equal((await upload(coordinator, `${url}/photo/change`, { remove: 'yes' })).statusCode, 303)
    assert.equal((await coordinator.get(`${url}/photo`)).status, 404, 'removed')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', url.split('/').pop() ?? '')
      .where('action', 'in', ['advocate.photo-set', 'advocate.photo-removed'])
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audit.map((row) => row.action),
      ['advocate.photo-set', 'advocate.photo-removed'],
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
