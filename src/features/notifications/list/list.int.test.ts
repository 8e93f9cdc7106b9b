import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { startMailServer, type MailServer } from '../../../../test/support/mail.ts'
import { worldAdvocate } from '../../../../test/support/pool.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 12: each member of staff has notifications (a count in the header, a list) for what needs
 * them; each says what and by when, links to it, and can be marked done, by its own user alone.
 */
describe(`notifications (${engine})`, () => {
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

  const count = async (browser: Crew['admin']) => {
    const page = await browser.get('/')
    return textOf(page.document.querySelector('a[href="/notifications"]'))
  }

  test('a referral waiting on a manager’s decision: in their count and their list, with its date and link; done when they mark it', async () => {
    const id = await referralAt(t, crew, 'awaiting_decision', 'Decideme')
    assert.equal(await count(crew.manager), 'Notifications', 'nothing before the job has run')
    assert.ok((await t.services.notifications.raiseDueNotifications()) >= 1)
    assert.equal(await t.services.notifications.raiseDueNotifications(), 0, 'raised once')
    assert.match(await count(crew.manager), /^Notifications [1-9]\d*$/)
    const list = await crew.manager.get('/notifications')
    assert.equal(heading(list.document), 'Notifications')
    const item = [...list.document.querySelectorAll('.app-notification')].find((li) => li.querySelector(`a[href="/referrals/${id}/decision"]`))
    assert.ok(item, 'it links to the decision')
    assert.match(textOf(item), /Referral \S+ is waiting for your decision/)
    assert.match(textOf(item), /By \d{1,2} \w+ 2026/)

    // Another user cannot mark it done: not found, and it stays.
    const notificationId = item.getAttribute('data-notification') ?? ''
    await crew.admin.get('/notifications')
    assert.equal((await crew.admin.post(`/notifications/${notificationId}/done`, {})).status, 404)
    assert.equal((await crew.admin.get('/notifications')).document.querySelector(`[data-notification="${notificationId}"]`), null, 'nor see it')
    const row = () => t.database.db.selectFrom('notification').select('done_at').where('id', '=', notificationId).executeTakeFirstOrThrow()
    assert.equal((await row()).done_at, null)

    // Without its token: refused.
    await crew.manager.get('/notifications')
    assert.equal((await crew.manager.post(`/notifications/${notificationId}/done`, {}, { withToken: false })).status, 403)
    assert.equal((await row()).done_at, null)

    const done = await crew.manager.post(`/notifications/${notificationId}/done`, {})
    assert.equal(done.location, '/notifications')
    assert.ok((await row()).done_at)
    assert.equal((await crew.manager.get('/notifications')).document.querySelector(`[data-notification="${notificationId}"]`), null)
    // Marking it done twice (a second window): not found, nothing more.
    assert.equal((await crew.manager.post(`/notifications/${notificationId}/done`, {})).status, 404)
  })

  test('an offer waiting for an advocate’s answer, and done by the service once answered', async () => {
    const id = await referralAt(t, crew, 'awaiting_advocate', 'Offerme', { advocateId: await worldAdvocate(t) })
    await t.services.notifications.raiseDueNotifications()
    const advocate = await signedInAs(t, t.world.staff.advocate)
    const list = await advocate.get('/notifications')
    const offer = await t.database.db
      .selectFrom('allocation')
      .select('id')
      .where('referral_id', '=', id)
      .where('status', '=', 'offered')
      .executeTakeFirstOrThrow()
    assert.ok(list.document.querySelector(`a[href="/my-people/offers/${offer.id}"]`), 'the offer, with its link')
    await t.database.db.updateTable('allocation').set({ status: 'declined' }).where('id', '=', offer.id).execute()
    await t.services.notifications.raiseDueNotifications()
    assert.equal((await advocate.get('/notifications')).document.querySelector(`a[href="/my-people/offers/${offer.id}"]`), null, 'answered: done')
  })

  test('notify, the one function other features call, raises a notification once, and emails only those who chose email, naming no one', async () => {
    const manager = t.world.staff.manager
    const notice = {
      authorityId: t.world.authorityId,
      userId: manager.id,
      kind: 'report_due' as const,
      key: 'report:test-1',
      about: 'The social worker’s report for Maria Secretname is due to the family',
      link: '/',
      dueOn: '2026-12-10',
    }
    const before = mail.received.length
    assert.equal(await t.services.notifications.notify(notice), true)
    assert.equal(await t.services.notifications.notify(notice), false)
    await t.scheduler.tick()
    assert.equal(mail.received.length, before, 'no email: they have not chosen it')

    // They choose email as well.
    await crew.manager.get('/notifications/settings')
    assert.equal((await crew.manager.post('/notifications/settings', { email: 'yes', version: '0' })).location, '/notifications')
    t.clock.advanceMinutes(1)
    assert.equal(await t.services.notifications.notify({ ...notice, key: 'report:test-2' }), true)
    await t.scheduler.tick()
    const sent = mail.received.slice(before)
    assert.equal(sent.length, 1)
    assert.deepEqual(sent[0]?.to, [manager.email])
    assert.equal(sent[0]?.text, `Something in Alongside needs you: a report is due to a family.\n\nSign in to see it:\n${t.config.baseUrl}/notifications`)
    assert.doesNotMatch(sent[0]?.raw ?? '', /Maria|Secretname/)
  })

  test('the settings page: each error, a post without its token, and a second window told someone saved first', async () => {
    const admin = crew.admin
    const page = await admin.get('/notifications/settings')
    assert.equal(page.status, 200)
    assert.deepEqual(errorSummary((await admin.submit('/notifications/settings', { version: '0' })).document), ['Select whether you want an email as well'])
    assert.equal((await admin.post('/notifications/settings', { email: 'yes', version: '0' }, { withToken: false })).status, 403)
    assert.equal((await admin.post('/notifications/settings', { email: 'yes', version: '0' })).status, 303)
    const stale = await admin.submit('/notifications/settings', { email: 'no', version: '0' })
    assert.match(errorSummary(stale.document)[0] ?? '', /saved a change.*after you opened this page/)
    const row = await t.database.db
      .selectFrom('notification_preference')
      .select(['email', 'version'])
      .where('user_id', '=', t.world.staff.admin.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { email: true, version: 1 })
  })

  test('a meeting’s report late to the family, and other readiness items late, are raised for whom they wait on, once', async () => {
    // Avril is in the pool already (the offer above).
    const avril = await t.database.db.selectFrom('advocate').select('id').where('user_id', '=', t.world.staff.advocate.id).executeTakeFirstOrThrow()
    const id = await referralAt(t, crew, 'advocate_recorded', 'Readyme', { advocateId: avril.id })
    // The conference is on 15 December; the family should have the report three working days before.
    t.clock.set('2026-12-11T09:00:00Z')
    await t.services.notifications.raiseDueNotifications()
    const raised = await t.database.db
      .selectFrom('notification')
      .select(['user_id', 'kind', 'about', 'link', 'due_on'])
      .where('link', '=', `/referrals/${id}/readiness`)
      .orderBy('kind')
      .execute()
    const referrers = raised.filter((row) => row.user_id === t.world.staff.referrer.id)
    assert.deepEqual(
      referrers.find((row) => row.kind === 'report_due'),
      {
        user_id: t.world.staff.referrer.id,
        kind: 'report_due',
        about: referrers.find((row) => row.kind === 'report_due')?.about,
        link: `/referrals/${id}/readiness`,
        due_on: '2026-12-10',
      },
    )
    assert.match(referrers.find((row) => row.kind === 'report_due')?.about ?? '', /^Referral \S+: the family should have had the report by now$/)
    assert.ok(
      raised.every((row) => row.user_id === t.world.staff.referrer.id || row.user_id === t.world.staff.advocate.id),
      'only those it waits on',
    )
    assert.ok(!raised.some((row) => row.about.includes('Readyme')), 'no one’s name')
    const before = raised.length
    await t.services.notifications.raiseDueNotifications()
    const again = await t.database.db.selectFrom('notification').select('id').where('link', '=', `/referrals/${id}/readiness`).execute()
    assert.equal(again.length, before, 'raised once')
  })
})
