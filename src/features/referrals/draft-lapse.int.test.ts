import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'
import { draftWithPerson, stateOf, validMeeting } from '../../../test/support/workflow-steps.ts'

/**
 * Issue 8, item 18: abandoned drafts showed as overdue for ever. A draft nobody changes is warned
 * about from 21 days (on the draft and in My work) and closed by the service at 30, as a workflow
 * step of the service's own: nothing is deleted.
 */
const START = '2026-11-24T10:00:00Z'

describe(`drafts nobody changes (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  function daysOn(days: number): void {
    t.clock.set(START)
    t.clock.advanceDays(days)
  }

  test('are warned about from 21 days, closed by the service at 30, and say why', async () => {
    daysOn(0)
    const id = await draftWithPerson(await signedIn(t, 'referrer'), 'Abandoned')

    daysOn(20)
    let referrer = await signedIn(t, 'referrer')
    assert.equal((await referrer.get('/')).document.querySelector('.app-drafts-closing'), null, 'no warning at 20 days')
    assert.equal((await referrer.get(`/referrals/${id}`)).document.querySelector('.app-draft-closing'), null)

    daysOn(21)
    referrer = await signedIn(t, 'referrer')
    const myWork = textOf((await referrer.get('/')).document.querySelector('.app-drafts-closing'))
    assert.match(myWork, /1 draft will be closed soon/)
    assert.match(myWork, /Maria Abandoned \(\S+\): closes on 24 December 2026/)
    assert.match(
      textOf((await referrer.get(`/referrals/${id}`)).document.querySelector('.app-draft-closing')),
      /This draft will be closed on 24 December 2026 Nobody has changed it for 3 weeks\./,
    )

    daysOn(29)
    assert.equal(await t.services.referrals.lapseAbandonedDrafts(), 0, 'not yet at 29 days')
    assert.equal(await stateOf(t.database.db, id), 'draft')

    daysOn(30)
    assert.equal(await t.services.referrals.lapseAbandonedDrafts(), 1)
    assert.equal(await t.services.referrals.lapseAbandonedDrafts(), 0, 'safe to run again')
    const row = await t.database.db
      .selectFrom('referral')
      .select(['state', 'closed_reason', 'waiting_on_user_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { state: 'withdrawn', closed_reason: 'lapsed', waiting_on_user_id: null })
    const step = await t.database.db
      .selectFrom('referral_event')
      .select(['event', 'actor_id'])
      .where('referral_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    assert.deepEqual(step, { event: 'lapse_draft', actor_id: null }, 'a step the service took itself')
    assert.equal(
      (await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', id).where('action', '=', 'referral.lapse_draft').execute())
        .length,
      1,
    )

    referrer = await signedIn(t, 'referrer')
    const home = await referrer.get('/')
    assert.doesNotMatch(textOf(home.document.querySelector('table')), /Abandoned/, 'no longer in My work')
    assert.match(textOf(home.document.querySelector('main')), /Referrals that have ended.*Maria Abandoned/s, 'but among the referrals that have ended')
    const page = textOf((await referrer.get(`/referrals/${id}`)).document.querySelector('main'))
    assert.match(page, /This draft was not changed for 30 days, so the service closed it\. Nothing was sent\./)
    assert.match(page, /Draft closed by the service: not changed for 30 days by The service/)
  })

  test('a change keeps a draft open for another 30 days', async () => {
    daysOn(0)
    const id = await draftWithPerson(await signedIn(t, 'referrer'), 'Keptgoing')
    daysOn(25)
    const referrer = await signedIn(t, 'referrer')
    await referrer.get(`/referrals/${id}/meeting`)
    const saved = await referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, 'date-day': '30', 'date-month': '12', version: '' })
    assert.equal(saved.location, `/referrals/${id}/section-1`)
    daysOn(30)
    await t.services.referrals.lapseAbandonedDrafts()
    assert.equal(await stateOf(t.database.db, id), 'draft')
    daysOn(55)
    await t.services.referrals.lapseAbandonedDrafts()
    assert.equal(await stateOf(t.database.db, id), 'withdrawn', '30 days after the change')
    t.clock.set(START)
  })
})
