import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, fieldError } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, draftWithPerson, referralAt, signedInAs, snapshot, validMeeting, versionsOf } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 8, item 14: a meeting in the past was accepted on the meeting step and on reschedule, and
 * the referral then said it was "made -7 days before the meeting". The test clock's today is
 * 24 November 2026.
 */
describe(`a meeting in the past (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the meeting step refuses a date in the past, keeps what was typed, and saves nothing', async () => {
    const { referrer } = await crewOf(t)
    const id = await draftWithPerson(referrer, 'Pastmeeting')
    await referrer.get(`/referrals/${id}/meeting`)
    const posted = await referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, 'date-day': '17', 'date-month': '11', version: '' })
    assert.equal(posted.location, `/referrals/${id}/meeting`)
    const page = await referrer.get(`/referrals/${id}/meeting`)
    assert.deepEqual(errorSummary(page.document), ['Date of the meeting must be today or in the future'])
    assert.deepEqual(errorSummaryLinks(page.document), ['#date-day'])
    assert.equal(fieldError(page.document, 'date'), 'Date of the meeting must be today or in the future')
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="date-day"]')?.value, '17')
    const stored = await t.database.db.selectFrom('referral').select('meeting_id').where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(stored.meeting_id, null, 'no meeting was saved')
  })

  test('a meeting today is accepted', async () => {
    const { referrer } = await crewOf(t)
    const id = await draftWithPerson(referrer, 'Todaymeeting')
    await referrer.get(`/referrals/${id}/meeting`)
    const posted = await referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, 'date-day': '24', 'date-month': '11', version: '' })
    assert.equal(posted.location, `/referrals/${id}/section-1`)
  })

  test('reschedule refuses a new date in the past, and the referral is unchanged', async () => {
    const crew = await crewOf(t)
    const id = await referralAt(t, crew, 'awaiting_admin', 'Pastreschedule')
    const before = await snapshot(t.database.db, id)
    await crew.referrer.get(`/referrals/${id}/reschedule`)
    const { meeting } = await versionsOf(t.database.db, id)
    const posted = await crew.referrer.post(`/referrals/${id}/reschedule`, {
      'date-day': '10',
      'date-month': '11',
      'date-year': '2026',
      lateReason: 'The conference was brought forward',
      version: meeting,
    })
    assert.equal(posted.location, `/referrals/${id}/reschedule`)
    const page = await crew.referrer.get(`/referrals/${id}/reschedule`)
    assert.deepEqual(errorSummary(page.document), ['New date of the meeting must be today or in the future'])
    assert.deepEqual(await snapshot(t.database.db, id), before)
  })

  test('reschedule judges "today" on the day it is sent, not the day the service started', async () => {
    const crew = await crewOf(t)
    const id = await referralAt(t, crew, 'awaiting_admin', 'Laterreschedule')
    t.clock.advanceDays(3)
    try {
      const referrer = await signedInAs(t, t.world.staff.referrer)
      await referrer.get(`/referrals/${id}/reschedule`)
      const { meeting } = await versionsOf(t.database.db, id)
      const posted = await referrer.post(`/referrals/${id}/reschedule`, {
        'date-day': '25',
        'date-month': '11',
        'date-year': '2026',
        lateReason: 'Moved',
        version: meeting,
      })
      assert.equal(posted.location, `/referrals/${id}/reschedule`, 'the 25th is in the past on the 27th')
    } finally {
      t.clock.advanceDays(-3)
    }
  })
})
