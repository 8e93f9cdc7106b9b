import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, errorSummary, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { referralSent, signedIn } from '../../../test/support/referral-steps.ts'

const newAdvocate = {
  kind: 'parent_peer_advocate',
  givenName: 'Rosa',
  familyName: 'Martinez',
  email: 'rosa@example.org',
  gender: 'woman',
  heritage: 'Latin American',
  language1: 'Spanish',
  languageLevel1: 'first_language',
  language2: 'English',
  languageLevel2: 'fluent',
  specialisms: ['dyslexia', 'young_parents'],
  areas: 'Camden Town, Holborn',
  availableDays: ['mon', 'wed'],
  capacity: '2',
  'dbsCheckedOn-day': '1',
  'dbsCheckedOn-month': '10',
  'dbsCheckedOn-year': '2026',
  aboutMe: 'I have been where you are.',
}

/** A multipart form, as a browser sends a file upload. */
async function upload(t: TestApp, browser: Browser, url: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
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

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

describe(`the advocate pool's records (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the coordinator adds a peer advocate, who starts at application; every answer is checked', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/advocates/new')
    const refused = await coordinator.submit('/advocates/new', {
      kind: 'peer',
      language1: 'Spanish',
      capacity: 'lots',
      'dbsCheckedOn-day': '1',
      'dbsCheckedOn-month': '1',
      'dbsCheckedOn-year': '2099',
    })
    assert.deepEqual(errorSummary(refused.html), [
      'Select the kind of advocate',
      'Enter their first name',
      'Enter their last name',
      'How many people they can support at once must be a whole number between 0 and 20',
      'The date of the DBS check must be today or in the past',
    ])
    const languageOnly = await coordinator.submit('/advocates/new', { ...newAdvocate, languageLevel1: '', language2: '', languageLevel2: 'fluent' })
    assert.deepEqual(errorSummary(languageOnly.html), ['Select how well they speak Spanish', 'Enter the language, or clear how well they speak it'])
    const added = await coordinator.post('/advocates/new', newAdvocate)
    const id = /\/advocates\/([0-9a-f-]{36})$/.exec(added.location ?? '')?.[1]
    assert.ok(id, 'the advocate’s page')
    const page = textOf((await coordinator.get(`/advocates/${id}`)).html)
    assert.match(page, /Rosa Martinez/)
    assert.match(page, /Application/)
    assert.match(page, /English \(fluent\), Spanish \(first language\)/)
    assert.match(page, /Cannot be offered work: is not yet active/)
  })

  test('moving through the stages is recorded; an active peer advocate without training is told why they cannot be offered work', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const added = await coordinator.post('/advocates/new', { ...newAdvocate, givenName: 'Stella', familyName: 'Stages' })
    const url = added.location ?? ''
    for (const stage of ['conversation', 'references', 'dbs', 'training', 'active']) {
      const page = await coordinator.get(`${url}/stage`)
      const version = /name="version" value="(\d+)"/.exec(page.html)?.[1] ?? ''
      assert.equal((await coordinator.post(`${url}/stage`, { stage, version })).location, url, stage)
    }
    const page = textOf((await coordinator.get(url)).html)
    assert.match(page, /Active/)
    assert.match(page, /has not completed 6 modules/)
    assert.match(page, /no one-to-one supervision/)
    const changes = await t.database.db
      .selectFrom('advocate_stage_change')
      .select('to_stage')
      .where('advocate_id', '=', url.split('/').pop() ?? '')
      .orderBy('id')
      .execute()
    assert.deepEqual(
      changes.map((row) => row.to_stage),
      ['application', 'conversation', 'references', 'dbs', 'training', 'active'],
    )
  })

  test('time away, a family they know, a photo and a sign-in', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = (await coordinator.post('/advocates/new', { ...newAdvocate, givenName: 'Petra', familyName: 'Photo' })).location ?? ''
    await coordinator.get(`${url}/absences`)
    const backwards = await coordinator.submit(`${url}/absences`, {
      'startsOn-day': '20',
      'startsOn-month': '12',
      'startsOn-year': '2026',
      'endsOn-day': '10',
      'endsOn-month': '12',
      'endsOn-year': '2026',
    })
    assert.deepEqual(errorSummary(backwards.html), ['The last day away must be the same as or after the first'])
    assert.equal(
      (
        await coordinator.post(`${url}/absences`, {
          'startsOn-day': '20',
          'startsOn-month': '12',
          'startsOn-year': '2026',
          'endsOn-day': '2',
          'endsOn-month': '1',
          'endsOn-year': '2027',
          note: 'Holiday',
        })
      ).location,
      url,
    )
    assert.match(textOf((await coordinator.get(url)).html), /20 December 2026 to 2 January 2027 \(Holiday\)/)

    await referralSent(await signedIn(t, 'referrer'), { familyName: 'Knownfamily' })
    const found = await coordinator.get(`${url}/known-families?name=Knownfamily`)
    const personId = /name="personId" value="([0-9a-f-]{36})"/.exec(found.html)?.[1] ?? ''
    assert.equal((await coordinator.post(`${url}/known-families`, { personId, note: 'Neighbours' })).location, url)
    assert.match(textOf((await coordinator.get(url)).html), /The family of Maria Knownfamily \(Neighbours\)/)

    await coordinator.get(`${url}/photo/change`)
    const notAnImage = await upload(
      t,
      coordinator,
      `${url}/photo/change`,
      {},
      { name: 'me.png', type: 'image/png', bytes: Buffer.from('<svg onload="alert(1)">') },
    )
    assert.equal(notAnImage.statusCode, 303)
    assert.deepEqual(errorSummary((await coordinator.get(`${url}/photo/change`)).html), ['The photo must be a JPEG or PNG image'])
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: `${url}/photo/change`,
      payload: '--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    })
    assert.notEqual(withoutToken.statusCode, 303, 'no form token, no upload')
    await coordinator.get(`${url}/photo/change`)
    assert.equal((await upload(t, coordinator, `${url}/photo/change`, {}, { name: 'me.png', type: 'image/png', bytes: PNG })).statusCode, 303)
    const photo = await t.app.inject({ method: 'GET', url: `${url}/photo`, headers: { cookie: coordinator.cookieHeader() } })
    assert.equal(photo.headers['content-type'], 'image/png')
    assert.deepEqual(photo.rawPayload, PNG)

    await coordinator.get(`${url}/sign-in`)
    const link = await coordinator.post(`${url}/sign-in`, { email: 'petra.photo@example.org' })
    assert.match(link.html, /\/set-password\/[A-Za-z0-9_-]{43}/)
    const account = await t.database.db.selectFrom('app_user').select(['roles']).where('email', '=', 'petra.photo@example.org').executeTakeFirstOrThrow()
    assert.deepEqual(account.roles, ['advocate'])
    assert.match(textOf((await coordinator.get(url)).html), /Sign-in Yes/)
    const firstLink = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(link.html)?.[1] ?? ''
    const again = await coordinator.post(`${url}/sign-in/link`, {})
    const secondLink = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(again.html)?.[1] ?? ''
    assert.ok(secondLink && secondLink !== firstLink, 'a new link for a forgotten password')
    const stranger = new Browser(t.app)
    assert.equal((await stranger.get(`/set-password/${firstLink}`)).status, 404, 'the old link stops working')
    assert.equal((await stranger.get(`/set-password/${secondLink}`)).status, 200)
  })

  test('the advocacy admins and managers can read the pool but not change it; others cannot see it', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const url = (await coordinator.post('/advocates/new', { ...newAdvocate, givenName: 'Rita', familyName: 'Readonly' })).location ?? ''
    for (const who of ['admin', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/advocates')).status, 200, who)
      assert.equal((await browser.get(url)).status, 200, who)
      assert.equal((await browser.get(`${url}/edit`)).status, 403, who)
      assert.equal((await browser.post(`${url}/stage`, { stage: 'left', version: '1' })).status, 403, who)
    }
    for (const who of ['referrer', 'advocate', 'analyst', 'sysadmin'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/advocates')).status, 403, who)
      assert.equal((await browser.get(url)).status, 403, who)
      assert.equal((await browser.get(`${url}/photo`)).status, 403, who)
    }
    const admin = await signedIn(t, 'admin')
    assert.equal((await admin.get('/advocates/not-an-id')).status, 404)
    const viewed = await t.database.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'advocate.viewed')
      .where('record_id', '=', url.split('/').pop() ?? '')
      .execute()
    assert.equal(viewed.length, 2, 'each view of an advocate’s record is audited, once each by the admin and the manager')
  })
})
