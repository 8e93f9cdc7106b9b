import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, errorSummaryLinks, heading, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { logOptions } from '../../../platform/http/logging.ts'
import { ACCEPTED_PER_ADDRESS_PER_DAY, ACCEPTED_PER_AUTHORITY_PER_DAY, POSTS_PER_HOUR } from '../limits.ts'
import { addressHash } from '../receipts-service.ts'

/** A member of the public asks for an advocate, without signing in (issue 10). */
describe(`Ask for an advocate (${engine})`, () => {
  let t: TestApp
  const logLines: string[] = []
  let nextAddress = 1
  /** A browser at an address of its own, so one test's posts do not count against another's. */
  const stranger = (address = `198.51.100.${nextAddress++}`) => new Browser(t.app, { forwardedFor: address })

  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk))
        done()
      },
    })
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' }, { logger: { ...logOptions('trace'), stream } })
  })
  after(async () => t.close())

  /** Everything a parent asking for herself in Spanish fills in. */
  const answers = (overrides: Record<string, string | string[] | undefined> = {}) => ({
    authorityId: t.world.authorityId,
    asker: 'myself',
    name: 'Lucía Quintanilla',
    contactWay: 'phone',
    phone: '07700 900 982',
    safeToLeaveMessage: 'no',
    safeTimes: 'Mañanas entre semana',
    socialWorker: 'Equipo Norte',
    meetingType: 'initial_conference',
    'meetingDate-day': '10',
    'meetingDate-month': '12',
    'meetingDate-year': '2026',
    language: 'Español',
    anythingElse: 'Tengo dislexia.',
    ...overrides,
  })

  const enquiryCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('advocacy_enquiry')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  test('reads in English, Spanish and Arabic, Arabic right to left, each linking to the others', async () => {
    const browser = stranger()
    for (const [language, words, dir] of [
      ['en', 'Ask for an advocate', null],
      ['es', 'Pedir un defensor', null],
      ['ar', 'اطلب مناصرًا', 'rtl'],
    ] as const) {
      const page = await browser.get(`/advocacy/ask?language=${language}`)
      assert.equal(page.status, 200)
      assert.equal(heading(page.document), words)
      assert.equal(page.document.documentElement.getAttribute('lang'), language)
      assert.equal(page.document.body.getAttribute('dir'), dir)
      const others = [...page.document.querySelectorAll('.app-language-switcher a')].map((link) => link.getAttribute('hreflang'))
      assert.deepEqual(
        others.sort(),
        ['ar', 'en', 'es'].filter((code) => code !== language),
      )
    }
  })

  test('a parent asks in Spanish: it waits on the FGC Advocacy Admin team, due in 2 working days, and the next page shows none of it', async () => {
    const address = '198.51.100.250'
    const browser = stranger(address)
    await browser.get('/advocacy/ask?language=es')
    const sent = await browser.post('/advocacy/ask', answers())
    assert.equal(sent.status, 303, JSON.stringify(errorSummary(sent.html)))
    assert.equal(sent.location, '/advocacy/ask/sent')
    const confirmation = await browser.get('/advocacy/ask/sent')
    assert.equal(heading(confirmation.document), 'Hemos recibido su solicitud')
    assert.match(textOf(confirmation.document), /Nos pondremos en contacto en un plazo de 2 días laborables/)
    for (const given of ['Lucía', 'Quintanilla', '07700', 'Equipo Norte', 'dislexia']) assert.ok(!confirmation.html.includes(given), `not echoed: ${given}`)

    const row = await t.database.db.selectFrom('advocacy_enquiry').selectAll().where('name', '=', 'Lucía Quintanilla').executeTakeFirstOrThrow()
    assert.equal(row.authority_id, t.world.authorityId)
    assert.equal(row.team_id, t.world.fgcTeamId)
    assert.equal(row.state, 'open')
    assert.equal(row.page_language, 'es')
    assert.equal(row.due_on, '2026-11-26', 'Tuesday 24 November, 2 working days on')
    assert.equal(row.meeting_date, '2026-12-10')
    assert.equal(row.safe_to_leave_message, false)
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('record_id', '=', row.id).execute()
    assert.deepEqual(
      audit.map((event) => [event.action, event.actor_id, event.ip]),
      [['enquiry.received', null, address]],
    )
    assert.ok(!JSON.stringify(audit).includes('Quintanilla'), 'the audit trail says an enquiry came, not what it says')

    // It lands in the team's worktray, and an admin opens it (audited).
    const admin = await signedIn(t, 'admin')
    const teamWork = await admin.get('/team-work')
    assert.ok(
      tableRows(teamWork.document).some((cells) => cells[0] === 'Lucía Quintanilla'),
      'listed in the FGC Advocacy Admin team’s worktray',
    )
    assert.match(textOf((await admin.get('/')).document.querySelector('.app-enquiries-waiting')), /from the public (is|are) waiting/)
    const opened = await admin.get(`/enquiries/${row.id}`)
    assert.equal(opened.status, 200)
    assert.match(textOf(opened.document), /It is not safe to leave a message\. Speak only to Lucía Quintanilla/)
    assert.match(textOf(opened.document), /Asked in Spanish/)
    const viewed = await t.database.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('record_id', '=', row.id)
      .where('action', '=', 'enquiry.viewed')
      .execute()
    assert.deepEqual(
      viewed.map((event) => event.actor_id),
      [t.world.staff.admin.id],
    )
  })

  test('the same form sent twice (a double click) is one enquiry', async () => {
    const browser = stranger()
    await browser.get('/advocacy/ask')
    const [first, second] = await Promise.all([
      browser.post('/advocacy/ask', answers({ name: 'Double Click' })),
      browser.post('/advocacy/ask', answers({ name: 'Double Click' })),
    ])
    assert.deepEqual([first.location, second.location], ['/advocacy/ask/sent', '/advocacy/ask/sent'])
    const rows = await t.database.db.selectFrom('advocacy_enquiry').select('id').where('name', '=', 'Double Click').execute()
    assert.equal(rows.length, 1)
  })

  test('someone asking for a parent gives their own name and says the parent agrees, or nothing is sent', async () => {
    const browser = stranger()
    await browser.get('/advocacy/ask')
    const refused = await browser.post('/advocacy/ask', answers({ asker: 'someone_else', askerName: '', parentAgreed: undefined }))
    assert.equal(refused.status, 400)
    assert.deepEqual(errorSummary(refused.document), ['Enter your name', 'You can only ask for someone who agrees to it. Ask them first'])
    const sent = await browser.post(
      '/advocacy/ask',
      answers({ asker: 'someone_else', askerName: 'Ana Amiga', askerRelationship: 'Friend', parentAgreed: 'yes', name: 'Rosa Agreed' }),
    )
    assert.equal(sent.location, '/advocacy/ask/sent')
    const row = await t.database.db.selectFrom('advocacy_enquiry').selectAll().where('name', '=', 'Rosa Agreed').executeTakeFirstOrThrow()
    assert.deepEqual([row.asker, row.asker_name, row.asker_relationship, row.parent_agreed], ['someone_else', 'Ana Amiga', 'Friend', true])
  })

  test('each error, in the order the page asks, in the reader’s language, linked to its field', async () => {
    const browser = stranger()
    await browser.get('/advocacy/ask?language=en')
    const empty = await browser.post('/advocacy/ask', {})
    assert.equal(empty.status, 400)
    assert.deepEqual(errorSummary(empty.document), [
      'Select a council',
      'Select who needs an advocate',
      'Enter the name of the parent or carer',
      'Select how we should contact them',
      'Select if it is safe to leave a message',
    ])
    assert.deepEqual(errorSummaryLinks(empty.document), ['#authorityId', '#asker', '#name', '#contactWay', '#safeToLeaveMessage'])
    assert.match(empty.document.title, /^Error: Ask for an advocate/)

    const wrong = await browser.post(
      '/advocacy/ask',
      answers({
        contactWay: 'email',
        email: 'not an email',
        name: 'x'.repeat(101),
        'meetingDate-day': '31',
        'meetingDate-month': '2',
        anythingElse: 'y'.repeat(1001),
      }),
    )
    assert.deepEqual(errorSummary(wrong.document), [
      'The name must be 100 characters or fewer',
      'Enter an email address, like name@example.com',
      'The date of the meeting must be a real date, like 27 3 2026',
      'This must be 1,000 characters or fewer',
    ])
    assert.equal(errorSummaryLinks(wrong.document)[2], '#meetingDate-day')
    const noPhone = await browser.post('/advocacy/ask', answers({ phone: '', meetingType: 'a meeting we never heard of' }))
    assert.deepEqual(errorSummary(noPhone.document), ['Enter a phone number', 'Select the meeting from the list'])
    const badPhone = await browser.post('/advocacy/ask', answers({ phone: 'call me maybe' }))
    assert.deepEqual(errorSummary(badPhone.document), ['Enter a phone number, like 07700 900 982'])

    const spanish = await browser.get('/advocacy/ask?language=es')
    assert.equal(spanish.status, 200)
    assert.deepEqual(errorSummary((await browser.post('/advocacy/ask', answers({ name: '' }))).document), [
      'Escriba el nombre de la madre, el padre o el cuidador',
    ])
    await browser.get('/advocacy/ask?language=ar')
    const arabic = await browser.post('/advocacy/ask', answers({ name: '' }))
    assert.deepEqual(errorSummary(arabic.document), ['اكتب اسم الأب أو الأم أو مقدم الرعاية'])
    assert.equal(arabic.document.body.getAttribute('dir'), 'rtl')
    assert.equal(arabic.document.querySelector<HTMLInputElement>('#phone')?.value, '07700 900 982', 'what was typed is kept')
  })

  test('a post without its token is refused, and nothing is kept', async () => {
    const before = await enquiryCount()
    const browser = stranger()
    await browser.get('/advocacy/ask')
    const refused = await browser.post('/advocacy/ask', answers(), { withToken: false })
    assert.equal(refused.status, 403)
    assert.equal(heading(refused.document), 'Your form could not be sent')
    await browser.get('/advocacy/ask?language=es')
    const spanish = await browser.post('/advocacy/ask', answers(), { withToken: false })
    assert.equal(heading(spanish.document), 'No se pudo enviar su formulario', 'in the reader’s language')
    assert.ok(!spanish.html.includes('Quintanilla'), 'nothing echoed')
    const forged = await browser.post('/advocacy/ask', answers(), { token: 'a'.repeat(43) })
    assert.equal(forged.status, 403)
    assert.equal(await enquiryCount(), before)
  })

  test('hostile input is refused plainly, never a crash, and never runs as markup', async () => {
    const browser = stranger()
    await browser.get('/advocacy/ask')
    const before = await enquiryCount()
    const attempts: Record<string, string | string[] | undefined>[] = [
      answers({ name: ['Two', 'Names'], phone: ['1', '2'] }),
      answers({ authorityId: 'not-a-uuid' }),
      answers({ authorityId: '00000000-0000-0000-0000-000000000000' }),
      answers({ asker: '__proto__', contactWay: 'constructor' }),
      answers({ name: '<script>alert(1)</script>'.repeat(10) }),
      answers({ 'meetingDate-day': ['1', '2'], 'meetingDate-month': 'x', 'meetingDate-year': '99999' }),
      answers({ email: 'a@b.c\u0000', contactWay: 'email' }),
      answers({ anythingElse: 'z'.repeat(30_000) }),
      { __proto__: 'x', constructor: 'y', 'toString-day': '1' },
    ]
    for (const attempt of attempts) {
      const page = await browser.post('/advocacy/ask', attempt)
      assert.equal(page.status, 400, JSON.stringify(Object.keys(attempt)))
      assert.ok(errorSummary(page.document).length > 0)
      assert.ok(!page.html.includes('<script>alert(1)</script>'), 'escaped')
    }
    assert.equal(await enquiryCount(), before, 'none of them was kept')
    const control = await browser.post('/advocacy/ask', answers({ name: 'Nul\u0000 Byte\u0007 Person' }))
    assert.equal(control.location, '/advocacy/ask/sent')
    assert.ok(
      await t.database.db.selectFrom('advocacy_enquiry').select('id').where('name', '=', 'Nul Byte Person').executeTakeFirst(),
      'control characters removed',
    )
  })

  test('one address may send a few a day, then is asked to try tomorrow; other addresses are not held up', async () => {
    const most = ACCEPTED_PER_ADDRESS_PER_DAY.enquiry
    // An IPv6 address counts by its /64: stepping through the block's addresses does not help.
    for (let sent = 0; sent < most; sent += 1) {
      const browser = stranger(`2001:db8:77:1::${sent + 1}`)
      await browser.get('/advocacy/ask')
      assert.equal((await browser.post('/advocacy/ask', answers({ name: `Flood ${sent}` }))).location, '/advocacy/ask/sent')
    }
    const browser = stranger('2001:db8:77:1:ffff::9')
    await browser.get('/advocacy/ask?language=es')
    const refused = await browser.post('/advocacy/ask', answers({ name: 'One too many' }))
    assert.equal(refused.status, 429)
    assert.equal(heading(refused.document), 'Vuelva a intentarlo más tarde')
    assert.match(textOf(refused.document), /muchos formularios desde esta conexión/)
    assert.ok(!refused.html.includes('One too many'))
    assert.equal(await t.database.db.selectFrom('advocacy_enquiry').select('id').where('name', '=', 'One too many').executeTakeFirst(), undefined)

    const neighbour = stranger('2001:db8:77:2::1')
    await neighbour.get('/advocacy/ask')
    assert.equal((await neighbour.post('/advocacy/ask', answers({ name: 'Next door' }))).location, '/advocacy/ask/sent')

    t.clock.advanceDays(1)
    t.clock.advanceMinutes(1)
    assert.equal((await browser.post('/advocacy/ask', answers({ name: 'The next day' }))).location, '/advocacy/ask/sent', 'a day later it is accepted')
    t.clock.set('2026-11-24T10:00:00Z')
  })

  test('posts from one address, sent or refused, stop after 10 an hour, in the reader’s language', async () => {
    const browser = stranger()
    await browser.get('/advocacy/ask?language=ar')
    for (let post = 0; post < POSTS_PER_HOUR; post += 1) assert.equal((await browser.post('/advocacy/ask', {})).status, 400)
    const refused = await browser.post('/advocacy/ask', answers())
    assert.equal(refused.status, 429)
    assert.equal(heading(refused.document), 'يرجى المحاولة لاحقًا')
    assert.equal(refused.document.body.getAttribute('dir'), 'rtl')
    assert.ok(Number(refused.response.headers['retry-after']) > 0)
    assert.equal((await browser.get('/advocacy/ask')).status, 200, 'reading the page is not held up')
  })

  test('a flood from many addresses stops at the authority’s ceiling for the day, and says to try tomorrow', async () => {
    const t2 = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' })
    try {
      const ceiling = ACCEPTED_PER_AUTHORITY_PER_DAY.enquiry
      await t2.database.db
        .insertInto('public_form_receipt')
        .values(
          Array.from({ length: ceiling }, (_, index) => ({
            authority_id: t2.world.authorityId,
            form: 'enquiry' as const,
            address_hash: addressHash(`203.0.113.${index}`),
            received_at: t2.clock.now(),
          })),
        )
        .execute()
      const browser = new Browser(t2.app, { forwardedFor: '192.0.2.200' })
      await browser.get('/advocacy/ask')
      const refused = await browser.post('/advocacy/ask', { ...answers(), authorityId: t2.world.authorityId })
      assert.equal(refused.status, 429)
      assert.match(textOf(refused.document), /cannot take any more online/)
      const elsewhere = await browser.post('/advocacy/ask', { ...answers(), authorityId: t2.world.elsewhere.authorityId })
      assert.equal(elsewhere.location, '/advocacy/ask/sent', 'another council’s form is not held up')
    } finally {
      await t2.close()
    }
  })

  test('with one council, nobody is asked to choose it', async () => {
    const t2 = await startTestApp()
    try {
      await t2.database.db.deleteFrom('team_member').execute()
      await t2.database.db.deleteFrom('role_grant').execute()
      await t2.database.db.deleteFrom('app_user').where('authority_id', '=', t2.world.elsewhere.authorityId).execute()
      await t2.database.db.deleteFrom('team').where('authority_id', '=', t2.world.elsewhere.authorityId).execute()
      await t2.database.db.deleteFrom('authority').where('id', '=', t2.world.elsewhere.authorityId).execute()
      const browser = new Browser(t2.app)
      const form = await browser.get('/advocacy/ask')
      assert.equal(form.document.querySelector('#authorityId'), null)
      const sent = await browser.post('/advocacy/ask', { ...answers(), authorityId: undefined })
      assert.equal(sent.location, '/advocacy/ask/sent', JSON.stringify(errorSummary(sent.html)))
      const row = await t2.database.db.selectFrom('advocacy_enquiry').select('authority_id').executeTakeFirstOrThrow()
      assert.equal(row.authority_id, t2.world.authorityId)
    } finally {
      await t2.close()
    }
  })

  test('the logs hold nothing anyone typed', async () => {
    const browser = stranger()
    await browser.get('/advocacy/ask')
    await browser.post(
      '/advocacy/ask',
      answers({ name: 'Zebedee Loggable', phone: '07700 900 555', email: 'zebedee@example.org', anythingElse: 'Secretive detail' }),
    )
    await browser.post('/advocacy/ask', answers({ name: 'Zebedee Loggable', safeToLeaveMessage: undefined }))
    const log = logLines.join('')
    assert.ok(logLines.length > 10)
    for (const secret of ['Zebedee', '900 555', 'zebedee@', 'Secretive', 'Quintanilla']) assert.ok(!log.includes(secret), `not in the logs: ${secret}`)
  })
})
