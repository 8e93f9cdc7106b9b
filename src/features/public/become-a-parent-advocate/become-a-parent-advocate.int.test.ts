import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, errorSummaryLinks, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { modules, weeklySessions } from '../../../vocabulary/advocates.ts'
import { ACCEPTED_PER_ADDRESS_PER_DAY, POSTS_PER_HOUR } from '../limits.ts'

/** Someone who has been through children's services applies to become a parent advocate (issue 10). */
describe(`Become a parent advocate (${engine})`, () => {
  let t: TestApp
  let nextAddress = 1
  const stranger = (address = `198.51.100.${nextAddress++}`) => new Browser(t.app, { forwardedFor: address })
  before(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' })
  })
  after(async () => t.close())

  const application = (overrides: Record<string, string | string[] | undefined> = {}) => ({
    authorityId: t.world.authorityId,
    givenName: 'Samira',
    familyName: 'Haddad',
    phone: '07700 900 123',
    email: '',
    experience: 'My children were on a plan two years ago. An advocate helped me, and I want to help others.',
    area: 'Kentish Town',
    days: ['mon', 'thu'],
    languages: 'العربية، English, english',
    agree: 'yes',
    ...overrides,
  })

  test('the page describes the role, the eight weeks module by module, the Level 2 and supervision, in each language', async () => {
    const browser = stranger()
    const english = await browser.get('/advocacy/become-a-parent-advocate?language=en')
    assert.equal(heading(english.document), 'Become a parent advocate')
    const weeks = [...english.document.querySelectorAll('#weeks li')].map((item) => textOf(item))
    assert.equal(weeks.length, 8)
    assert.equal(weeks.length, weeklySessions.length)
    assert.equal(weeks[0], 'Week 1: Advocacy skills and the role of the parent advocate')
    assert.equal(weeks[6], 'Week 7: Keeping information safe')
    assert.equal(english.document.querySelectorAll('#modules .govuk-summary-list__row').length, modules.values.length)
    assert.match(textOf(english.document), /accredited at Level 2 by the Open College Network/)
    assert.match(textOf(english.document), /You need to go to these group meetings/)
    const spanish = await browser.get('/advocacy/become-a-parent-advocate?language=es')
    assert.equal(textOf(spanish.document.querySelector('#weeks li')), 'Semana 1: Habilidades de defensa y el papel del defensor de padres')
    const arabic = await browser.get('/advocacy/become-a-parent-advocate?language=ar')
    assert.equal(arabic.document.body.getAttribute('dir'), 'rtl')
    assert.equal(heading(arabic.document), 'كن مناصرًا للوالدين')
  })

  test('an application joins the coordinator’s pipeline at “Application”, audited, and the next page shows none of it', async () => {
    const address = '198.51.100.200'
    const browser = stranger(address)
    await browser.get('/advocacy/become-a-parent-advocate/apply?language=ar')
    const sent = await browser.post('/advocacy/become-a-parent-advocate/apply', application())
    assert.equal(sent.location, '/advocacy/become-a-parent-advocate/applied', JSON.stringify(errorSummary(sent.html)))
    const applied = await browser.get(sent.location)
    assert.equal(heading(applied.document), 'وصلنا طلبك')
    for (const given of ['Samira', 'Haddad', '07700', 'Kentish']) assert.ok(!applied.html.includes(given))

    const advocate = await t.database.db
      .selectFrom('advocate')
      .selectAll()
      .where('family_name', '=', 'Haddad')
      .where('authority_id', '=', t.world.authorityId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      [advocate.kind, advocate.stage, advocate.given_name, advocate.phone, advocate.email, advocate.areas, advocate.available_days, advocate.user_id],
      ['parent_peer_advocate', 'application', 'Samira', '07700 900 123', null, ['Kentish Town'], ['mon', 'thu'], null],
    )
    assert.match(advocate.lived_experience ?? '', /An advocate helped me/)
    assert.equal(advocate.about_me, null, 'nothing is shown to families until the coordinator writes it')
    const languages = await t.database.db
      .selectFrom('advocate_language')
      .select('language')
      .where('advocate_id', '=', advocate.id)
      .orderBy('language')
      .execute()
    assert.deepEqual(
      languages.map((row) => row.language),
      ['English', 'العربية'],
      'split on an Arabic comma too, each once',
    )
    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'actor_id', 'ip']).where('record_id', '=', advocate.id).execute()
    assert.deepEqual(
      audit.map((event) => [event.action, event.actor_id, event.ip]),
      [['advocate.applied', null, address]],
    )

    const coordinator = await signedIn(t, 'coordinator')
    const programme = await coordinator.get('/programme')
    assert.equal(programme.document.querySelector('[data-stage="application"]')?.textContent?.trim(), '1')
    assert.ok(programme.document.querySelector(`#stage-application + ul a[href="/advocates/${advocate.id}"]`), 'listed under Application')
    const record = await coordinator.get(`/advocates/${advocate.id}`)
    assert.equal(record.status, 200)
    assert.match(textOf(record.document), /Samira Haddad/)
  })

  test('each error, in the order the page asks, in the reader’s language', async () => {
    const browser = stranger()
    await browser.get('/advocacy/become-a-parent-advocate/apply?language=en')
    const empty = await browser.post('/advocacy/become-a-parent-advocate/apply', {})
    assert.equal(empty.status, 400)
    assert.deepEqual(errorSummary(empty.document), [
      'Select a council',
      'Enter your first name',
      'Enter your last name',
      'Enter a phone number or an email address',
      'Tell us about your experience and why you would like to help',
      'Tick the box to say you agree we can keep your details',
    ])
    assert.deepEqual(errorSummaryLinks(empty.document), ['#authorityId', '#givenName', '#familyName', '#phone', '#experience', '#agree'])
    const wrong = await browser.post(
      '/advocacy/become-a-parent-advocate/apply',
      application({
        email: 'nope',
        phone: '12',
        days: ['mon', 'someday'],
        languages: Array.from({ length: 11 }, (_, i) => `Language ${i}`).join(', '),
        experience: 'e'.repeat(2001),
      }),
    )
    assert.deepEqual(errorSummary(wrong.document), [
      'Enter a phone number, like 07700 900 982',
      'Enter an email address, like name@example.com',
      'This must be 2,000 characters or fewer',
      'Select days from the list',
      'Enter up to 10 languages',
    ])
    await browser.get('/advocacy/become-a-parent-advocate/apply?language=es')
    const spanish = await browser.post('/advocacy/become-a-parent-advocate/apply', application({ givenName: '' }))
    assert.deepEqual(errorSummary(spanish.document), ['Escriba su nombre'])
    assert.ok(spanish.document.querySelector('#days-4')?.hasAttribute('checked'), 'Thursday stays ticked')
  })

  test('a post without its token, hostile input, and floods are refused, and nobody is added', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('advocate')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const browser = stranger()
    await browser.get('/advocacy/become-a-parent-advocate/apply')
    assert.equal((await browser.post('/advocacy/become-a-parent-advocate/apply', application(), { withToken: false })).status, 403)
    for (const attempt of [
      application({ givenName: ['A', 'B'] }),
      application({ agree: ['yes', 'no'], days: 'constructor' }),
      // An authority that does not exist (changing a real one's last digit was that one, one time in sixteen).
      application({ authorityId: randomUUID() }),
      application({ languages: ['a', 'b'] }),
    ]) {
      const page = await browser.post('/advocacy/become-a-parent-advocate/apply', attempt)
      assert.equal(page.status, 400, JSON.stringify(attempt))
    }
    assert.equal(await count(), before)

    const flooder = stranger('203.0.113.9')
    await flooder.get('/advocacy/become-a-parent-advocate/apply')
    for (let sent = 0; sent < ACCEPTED_PER_ADDRESS_PER_DAY.application; sent += 1) {
      assert.equal((await flooder.post('/advocacy/become-a-parent-advocate/apply', application({ familyName: `Flood${sent}` }))).status, 303)
    }
    const refused = await flooder.post('/advocacy/become-a-parent-advocate/apply', application({ familyName: 'FloodTooMany' }))
    assert.equal(refused.status, 429)
    assert.equal(await count(), before + ACCEPTED_PER_ADDRESS_PER_DAY.application)

    const fast = stranger()
    await fast.get('/advocacy/become-a-parent-advocate/apply')
    for (let post = 0; post < POSTS_PER_HOUR; post += 1) await fast.post('/advocacy/become-a-parent-advocate/apply', {})
    assert.equal((await fast.post('/advocacy/become-a-parent-advocate/apply', application())).status, 429)
  })
})
