import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, checkedValues, errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/** The kiosk in the meeting room: opened by an admin for one meeting, it shows no one and keeps nothing for the next person. */
describe(`the feedback kiosk (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let referralId: string
  let reference: string
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    referralId = await referralAt(t, crew, 'advocate_recorded', 'Kioskperson')
    reference = (await t.database.db.selectFrom('referral').select('reference').where('id', '=', referralId).executeTakeFirstOrThrow()).reference
    // The meeting (15 December) is today.
    t.clock.set('2026-12-15T13:00:00Z')
    crew = await crewOf(t)
  })
  after(async () => t.close())

  const responses = () => t.database.db.selectFrom('feedback_response').selectAll().where('referral_id', '=', referralId).orderBy('given_at').execute()

  let device: Browser

  test('the admin opens a kiosk on the device: they are signed out there, and the kiosk asks with no one’s name', async () => {
    device = await signedInAs(t, t.world.staff.admin)
    await device.get(`/referrals/${referralId}/feedback`)
    const opened = await device.post(`/referrals/${referralId}/feedback/kiosk`, {})
    assert.equal(opened.location, '/kiosk')
    const work = await device.get('/team-work')
    assert.match(work.location ?? '', /^\/sign-in/, 'signed out on this device')
    const kiosk = await device.get('/kiosk')
    assert.equal(kiosk.status, 200)
    assert.equal(String(kiosk.response.headers['cache-control']), 'no-store')
    assert.equal(heading(kiosk.document), 'How did the meeting go?')
    for (const secret of ['Kioskperson', reference, 'Town Hall']) assert.ok(!kiosk.html.includes(secret), `the kiosk does not show ${secret}`)
    const staff = await crew.admin.get(`/referrals/${referralId}/feedback`)
    assert.match(textOf(staff.html), /A kiosk opened by Ada Admin/)
  })

  test('a parent answers in Spanish; the kiosk thanks them and starts again in English with nothing chosen', async () => {
    const spanish = await device.get('/kiosk?language=es')
    assert.equal(heading(spanish.document), '¿Cómo fue la reunión?')
    const sent = await device.post('/kiosk', { listened: 'no', chairMetFirst: 'not_sure', better: 'Más tiempo para leer los informes' })
    assert.equal(sent.location, '/kiosk/thank-you')
    const thanks = await device.get('/kiosk/thank-you')
    assert.equal(heading(thanks.document), 'Gracias')
    const next = thanks.document.querySelector('a.govuk-button')?.getAttribute('href')
    assert.equal(next, '/kiosk?language=en')
    const again = await device.get(next ?? '')
    assert.equal(heading(again.document), 'How did the meeting go?')
    assert.deepEqual(checkedValues(again.html, 'listened'), [])
    assert.ok(!again.html.includes('Más tiempo'), 'nothing of the last person')
    const [response] = await responses()
    assert.equal(response?.channel, 'kiosk')
    assert.equal(response?.language, 'es')
    assert.equal(response?.entered_by, null)
    assert.equal(response?.days_after, 0)
    assert.equal(response?.listened, 'no')
  })

  test('a kiosk answer with nothing in it, or hostile, is refused in the reader’s language, never a 500', async () => {
    await device.get('/kiosk?language=es')
    const empty = await device.post('/kiosk', {})
    assert.equal(empty.status, 400)
    assert.deepEqual(errorSummary(empty.html), ['Responda una pregunta, o escriba en el cuadro'])
    for (const body of [{ listened: ['yes', 'no'] }, { listened: '<script>alert(1)</script>' }, { better: '\u0000'.repeat(5) + 'x'.repeat(5000) }]) {
      const page = await device.post('/kiosk', body)
      assert.equal(page.status, 400, JSON.stringify(body).slice(0, 40))
      assert.ok(!page.html.includes('<script>alert'), 'nothing shown unescaped')
    }
    assert.equal((await responses()).length, 1)
  })

  test('a flood of posts from one kiosk is refused after sixty in an hour, in the reader’s language; another kiosk is not held up', async () => {
    const flood = await signedInAs(t, t.world.staff.admin)
    await flood.get(`/referrals/${referralId}/feedback`)
    await flood.post(`/referrals/${referralId}/feedback/kiosk`, {})
    await flood.get('/kiosk?language=es')
    const statuses: number[] = []
    for (let i = 0; i < 61; i += 1) statuses.push((await flood.post('/kiosk', {})).status)
    assert.deepEqual(new Set(statuses.slice(0, 60)), new Set([400]))
    const refused = await flood.post('/kiosk', { listened: 'yes' })
    assert.equal(refused.status, 429)
    assert.match(textOf(refused.html), /[Dd]emasiad/, 'in Spanish')
    const other = await device.post('/kiosk', {})
    assert.equal(other.status, 400, 'the first kiosk still answers')
    assert.equal((await responses()).length, 1, 'nothing kept from the flood')
  })

  test('without a kiosk, or with a made-up one, the page says so and an answer is refused', async () => {
    for (const browser of [new Browser(t.app), new Browser(t.app)]) {
      const page = await browser.get('/kiosk')
      assert.equal(heading(page.document), 'This tablet is not taking answers now')
    }
    const forged = new Browser(t.app)
    await forged.get('/kiosk')
    const refused = await forged.post('/kiosk', { listened: 'yes' })
    assert.equal(refused.status, 403)
    assert.equal((await responses()).length, 1)
  })

  test('closed by an admin, or eight hours on, the kiosk takes no more answers', async () => {
    const closed = await crew.admin.post(`/referrals/${referralId}/feedback/kiosk/close`, {})
    assert.equal(closed.location, `/referrals/${referralId}/feedback`)
    assert.equal(heading((await device.get('/kiosk?language=en')).document), 'This tablet is not taking answers now')
    // Another kiosk, left open past its hours.
    const other = await signedInAs(t, t.world.staff.admin)
    await other.get(`/referrals/${referralId}/feedback`)
    await other.post(`/referrals/${referralId}/feedback/kiosk`, {})
    assert.equal(heading((await other.get('/kiosk')).document), 'How did the meeting go?')
    t.clock.advanceMinutes(8 * 60 + 1)
    assert.equal(heading((await other.get('/kiosk')).document), 'This tablet is not taking answers now')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', referralId)
      .where('action', 'like', 'feedback.%')
      .execute()
    assert.deepEqual(
      audit.map((row) => row.action).filter((action) => action !== 'feedback.viewed'),
      ['feedback.kiosk-opened', 'feedback.given', 'feedback.kiosk-opened', 'feedback.kiosk-closed', 'feedback.kiosk-opened'],
    )
  })
})
