import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { checkedValues, errorSummary, fieldValue, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { startMailServer, type MailServer } from '../../../../test/support/mail.ts'
import { addStaff, advocateUser, crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 12: staff record whether a family member wants reminders of their meeting, and how; the
 * `remind-families` job then sends one reminder per meeting, in their language, naming nothing about them.
 */
describe(`reminders of their meeting, for a family member (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let mail: MailServer
  before(async () => {
    mail = await startMailServer()
    t = await startTestApp({ SMTP_URL: mail.url })
    crew = await crewOf(t)
  })
  after(async () => {
    await t.close()
    await mail.close()
  })

  const page = (id: string) => `/referrals/${id}/way-in/reminders`
  const choiceOf = (id: string) => t.database.db.selectFrom('family_reminder_choice').selectAll().where('referral_id', '=', id).executeTakeFirst()

  test('the admin records that the person wants reminders by email; the page shows it again, and the change is audited without the address', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Remindme')
    const wayIn = await crew.admin.get(`/referrals/${id}/way-in`)
    assert.ok(wayIn.document.querySelector(`a[href="${page(id)}"]`), 'the way-in page links to it')
    const opened = await crew.admin.get(page(id))
    assert.equal(opened.status, 200)
    assert.equal(heading(opened.document), 'Reminders of their meeting')
    assert.equal(fieldValue(opened.document, 'version'), '0')
    const saved = await crew.admin.post(page(id), { wants: 'email', email: ' maria@example.com ', phone: '', version: '0' })
    assert.equal(saved.location, `/referrals/${id}/way-in`)
    assert.deepEqual(
      { ...(await choiceOf(id)), updated_at: undefined, updated_by: undefined, authority_id: undefined },
      {
        referral_id: id,
        wants_reminders: true,
        channel: 'email',
        address: 'maria@example.com',
        version: 1,
        updated_at: undefined,
        updated_by: undefined,
        authority_id: undefined,
      },
    )
    const again = await crew.admin.get(page(id))
    assert.match(textOf(again.document.querySelector('main')), /Last recorded .* by /)
    assert.deepEqual(checkedValues(again.document, 'wants'), ['email'])
    assert.equal(fieldValue(again.document, 'email'), 'maria@example.com')
    assert.equal(fieldValue(again.document, 'version'), '1')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('record_id', '=', id)
      .where('action', 'like', 'family.reminders%')
      .execute()
    assert.deepEqual(
      audit.map((row) => row.action),
      ['family.reminders-viewed', 'family.reminders-changed', 'family.reminders-viewed'],
    )
    assert.doesNotMatch(JSON.stringify(audit), /maria@example/)

    // Then by text, then not at all.
    assert.equal((await crew.admin.post(page(id), { wants: 'sms', email: 'maria@example.com', phone: '07700 900 982', version: '1' })).status, 303)
    assert.deepEqual([(await choiceOf(id))?.channel, (await choiceOf(id))?.address], ['sms', '07700900982'])
    assert.equal((await crew.admin.post(page(id), { wants: 'no', phone: '07700 900 982', version: '2' })).status, 303)
    assert.deepEqual([(await choiceOf(id))?.wants_reminders, (await choiceOf(id))?.channel, (await choiceOf(id))?.address], [false, null, null])
  })

  test('each error shows in the error summary and saves nothing; a post without its token is refused', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Wrongly')
    await crew.admin.get(page(id))
    for (const [form, message] of [
      [{ version: '0' }, 'Select whether they want reminders of their meeting'],
      [{ wants: 'email', email: '', version: '0' }, 'Enter their email address'],
      [{ wants: 'email', email: 'not an address', version: '0' }, 'Enter an email address in the correct format, like name@example.com'],
      [{ wants: 'sms', phone: '', version: '0' }, 'Enter their mobile phone number'],
      [{ wants: 'sms', phone: '020 7946 0000', version: '0' }, 'Enter a UK mobile phone number, like 07700 900 982'],
    ] as const) {
      const shown = await crew.admin.submit(page(id), form)
      assert.deepEqual(errorSummary(shown.document), [message])
    }
    assert.equal(await choiceOf(id), undefined)
    const refused = await crew.admin.post(page(id), { wants: 'no', version: '0' }, { withToken: false })
    assert.equal(refused.status, 403)
    assert.equal(await choiceOf(id), undefined)
  })

  test('two people saving at once: one is saved, the other is told someone saved first', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Twowindows')
    const second = await signedInAs(t, await addStaff(t, 'remindadmin', 'Rita Second', ['advocacy_admin'], { fgc: true }))
    await Promise.all([crew.admin.get(page(id)), second.get(page(id))])
    const [a, b] = await Promise.all([
      crew.admin.post(page(id), { wants: 'email', email: 'first@example.com', version: '0' }),
      second.post(page(id), { wants: 'sms', phone: '07700900982', version: '0' }),
    ])
    const told = [a, b].filter((posted) => posted.location === page(id))
    assert.equal(told.length, 1, 'one is sent back to the form')
    const browser = told[0] === a ? crew.admin : second
    const shown = await browser.get(page(id))
    assert.match(errorSummary(shown.document)[0] ?? '', /saved a change.*after you opened this page/)
    assert.equal((await choiceOf(id))?.version, 1)
  })

  test('the advocate working with the person may record it; another advocate, the referrer and the manager may not', async () => {
    const mine = await advocateUser(t, 'remindmine', 'Rosa Mine')
    const theirs = await advocateUser(t, 'remindtheirs', 'Rob Theirs')
    const id = await referralAt(t, crew, 'advocate_recorded', 'Advocated', { advocateId: mine.advocateId })
    const advocate = await signedInAs(t, mine.person)
    await advocate.get(page(id))
    assert.equal((await advocate.post(page(id), { wants: 'email', email: 'p@example.com', version: '0' })).status, 303)
    assert.equal((await (await signedInAs(t, theirs.person)).get(page(id))).status, 404)
    assert.equal((await crew.referrer.get(page(id))).status, 403)
    assert.equal((await crew.manager.get(page(id))).status, 403)
  })

  test('the job sends one reminder per meeting, from two days before, in the person’s language, naming no one', async () => {
    // The test world's meetings are on 15 December 2026 at 10:30.
    const english = await referralAt(t, crew, 'in_review', 'Englishreminded')
    const spanish = await referralAt(t, crew, 'in_review', 'Spanishreminded')
    const declined = await referralAt(t, crew, 'in_review', 'Declinedreminder')
    // The test world's Section 1 records Spanish; this person's records English.
    await t.database.db
      .updateTable('section_one')
      .set({ preferred_languages: ['English'] })
      .where('referral_id', '=', english)
      .execute()
    for (const [id, form] of [
      [english, { wants: 'email', email: 'english.family@example.com', version: '0' }],
      [spanish, { wants: 'email', email: 'spanish.family@example.com', version: '0' }],
      [declined, { wants: 'no', version: '0' }],
    ] as const) {
      await crew.admin.get(page(id))
      assert.equal((await crew.admin.post(page(id), form)).status, 303)
    }
    const before = mail.received.length
    const remind = () => t.services.family.reminders.remindFamiliesOfMeetings()

    t.clock.set('2026-12-12T09:00:00Z')
    assert.equal(await remind(), 0, 'three days before: not yet')
    t.clock.set('2026-12-13T09:00:00Z')
    // Everyone who asked, these two among them (the tests above recorded others' choices).
    const asked = await t.database.db.selectFrom('family_reminder_choice').select(['referral_id', 'channel']).where('wants_reminders', '=', true).execute()
    assert.ok(asked.length >= 2)
    assert.equal(await remind(), asked.length, 'two days before: those who asked')
    assert.equal(await remind(), 0, 'run again: nothing more')
    await t.scheduler.tick()
    await t.scheduler.tick()
    // A text cannot go by SMTP (no Notify here): it is given up, and each email is sent once.
    assert.equal(mail.received.length - before, asked.filter((choice) => choice.channel === 'email').length, 'each email sent once')
    const sent = mail.received.slice(before).filter((message) => message.to.some((to) => to.endsWith('.family@example.com')))
    assert.deepEqual(sent.map((message) => message.to).sort(), [['english.family@example.com'], ['spanish.family@example.com']])
    const toEnglish = sent.find((message) => message.to.includes('english.family@example.com'))
    assert.equal(toEnglish?.subject, 'A reminder from Alongside')
    assert.equal(
      toEnglish?.text,
      `You have a meeting on Tuesday 15 December 2026 at 10:30am. Your advocate can help. Sign in to Alongside to see more.\n\n${t.config.baseUrl}/your-advocacy`,
    )
    assert.match(sent.find((message) => message.to.includes('spanish.family@example.com'))?.text ?? '', /^Tiene una reunión el martes 15 de diciembre de 2026/)
    for (const message of sent) {
      assert.doesNotMatch(message.raw, /reminded|Maria|child|protection/i, 'no name, no child, no "child protection"')
    }

    // The meeting moves: one reminder for the new day.
    t.clock.set('2026-12-14T09:00:00Z')
    const meetingId = (await t.database.db.selectFrom('referral').select('meeting_id').where('id', '=', english).executeTakeFirstOrThrow()).meeting_id
    await t.database.db
      .updateTable('meeting')
      .set({ meeting_date: '2026-12-16' })
      .where('id', '=', meetingId ?? '')
      .execute()
    assert.equal(await remind(), 1)
    assert.equal(await remind(), 0)
    assert.equal(
      (await t.database.db.selectFrom('audit_event').select('action').where('action', '=', 'family.meeting-reminder-queued').execute()).length,
      asked.length + 1,
      'each reminder queued is in the audit trail',
    )
  })
})
