import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, draftWithPerson, referralAt, validMeeting, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 12: the conference clock on the meeting step. The test clock's today is Tuesday
 * 24 November 2026. A strategy discussion on Monday 16 November puts the initial conference due
 * 15 working days later, on Monday 7 December 2026.
 */
const strategy = { 'strategyDiscussionOn-day': '16', 'strategyDiscussionOn-month': '11', 'strategyDiscussionOn-year': '2026' }
const onThe = (day: string) => ({ 'date-day': day, 'date-month': '12', 'date-year': '2026' })

describe(`the conference clock on the meeting step (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function storedMeeting(id: string) {
    return t.database.db
      .selectFrom('meeting')
      .innerJoin('referral', 'referral.meeting_id', 'meeting.id')
      .select(['meeting.meeting_date', 'meeting.strategy_discussion_on', 'meeting.conference_late_reason', 'meeting.previous_conference_on'])
      .where('referral.id', '=', id)
      .executeTakeFirst()
  }

  test('an initial conference on time is saved with its strategy discussion, and the page then says when it is due', async () => {
    const id = await draftWithPerson(crew.referrer, 'Ontimeclock')
    const posted = await crew.referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, ...onThe('4'), ...strategy, version: '' })
    assert.equal(posted.location, `/referrals/${id}/section-1`)
    const stored = await storedMeeting(id)
    assert.equal(stored?.strategy_discussion_on, '2026-11-16')
    assert.equal(stored?.conference_late_reason, null)
    const page = await crew.referrer.get(`/referrals/${id}/meeting`)
    assert.equal(
      textOf(page.document.querySelector('#conference-due')),
      'This initial conference is due by Monday 7 December 2026: 15 working days after the strategy discussion on 16 November 2026.',
    )
  })

  test('a conference after its due date needs a reason: refused without one (nothing saved), accepted with one, and flagged on the referral', async () => {
    const id = await draftWithPerson(crew.referrer, 'Lateclock')
    const refused = await crew.referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, ...onThe('15'), ...strategy, version: '' })
    assert.equal(refused.location, `/referrals/${id}/meeting`)
    const page = await crew.referrer.get(`/referrals/${id}/meeting`)
    assert.deepEqual(errorSummary(page.document), [
      'This initial conference is 8 days after it was due on 7 December 2026 (15 working days after the strategy discussion on 16 November 2026). Say why it is late.',
    ])
    assert.deepEqual(errorSummaryLinks(page.document), ['#conferenceLateReason'])
    assert.ok(page.document.querySelector('textarea[name="conferenceLateReason"]'), 'the reason is asked for')
    assert.equal(await storedMeeting(id), undefined, 'no meeting was saved')

    const accepted = await crew.referrer.post(`/referrals/${id}/meeting`, {
      ...validMeeting,
      ...onThe('15'),
      ...strategy,
      conferenceLateReason: 'The chair was not free sooner',
      version: '',
    })
    assert.equal(accepted.location, `/referrals/${id}/section-1`)
    assert.equal((await storedMeeting(id))?.conference_late_reason, 'The chair was not free sooner')
  })

  test('the referral page flags a late conference with its reason, for the referrer and the advocacy service', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Flaggedclock')
    const meeting = await t.database.db.selectFrom('referral').select('meeting_id').where('id', '=', id).executeTakeFirstOrThrow()
    await t.database.db
      .updateTable('meeting')
      .set({ strategy_discussion_on: '2026-11-16', conference_late_reason: 'The family asked for a later date' })
      .where('id', '=', meeting.meeting_id ?? '')
      .execute()
    for (const browser of [crew.referrer, crew.admin]) {
      const page = await browser.get(`/referrals/${id}`)
      assert.equal(page.status, 200)
      assert.ok(
        [...page.document.querySelectorAll('.govuk-tag')].some((tag) => textOf(tag) === 'Conference late'),
        'the conference is tagged late',
      )
      assert.match(
        textOf(page.document.querySelector('.govuk-warning-text')),
        /set 8 days after it was due on 7 December 2026.*The family asked for a later date/,
      )
      assert.match(
        summaryValue(page.document, 'Conference due') ?? '',
        /^Due by 7 December 2026 \(15 working days after the strategy discussion on 16 November 2026\)/,
      )
    }
  })

  test('a meeting that is not a conference keeps no conference dates', async () => {
    const id = await draftWithPerson(crew.referrer, 'Coregroupclock')
    const posted = await crew.referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, type: 'core_group', ...onThe('15'), ...strategy, version: '' })
    assert.equal(posted.location, `/referrals/${id}/section-1`)
    const stored = await storedMeeting(id)
    assert.equal(stored?.strategy_discussion_on, null)
    assert.equal(stored?.conference_late_reason, null)
  })

  describe('its errors', () => {
    test('a strategy discussion in the future', async () => {
      const id = await draftWithPerson(crew.referrer, 'Futureclock')
      await crew.referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, ...strategy, 'strategyDiscussionOn-day': '30', version: '' })
      const page = await crew.referrer.get(`/referrals/${id}/meeting`)
      assert.deepEqual(errorSummary(page.document), ['Date of the strategy discussion must be today or in the past'])
      assert.equal(await storedMeeting(id), undefined)
    })

    test('a review’s last conference without saying which it was, and an impossible date', async () => {
      const id = await draftWithPerson(crew.referrer, 'Reviewclock')
      await crew.referrer.post(`/referrals/${id}/meeting`, {
        ...validMeeting,
        type: 'review_conference',
        'previousConferenceOn-day': '10',
        'previousConferenceOn-month': '9',
        'previousConferenceOn-year': '2026',
        version: '',
      })
      assert.deepEqual(errorSummary((await crew.referrer.get(`/referrals/${id}/meeting`)).document), ['Select which conference the last one was'])
      await crew.referrer.post(`/referrals/${id}/meeting`, {
        ...validMeeting,
        type: 'review_conference',
        'previousConferenceOn-day': '31',
        'previousConferenceOn-month': '2',
        'previousConferenceOn-year': '2026',
        previousConference: 'initial_conference',
        version: '',
      })
      assert.equal(errorSummary((await crew.referrer.get(`/referrals/${id}/meeting`)).document).length, 1)
      assert.equal(await storedMeeting(id), undefined)
    })

    test('a first review after its 3 months is late', async () => {
      const id = await draftWithPerson(crew.referrer, 'Lateclockreview')
      await crew.referrer.post(`/referrals/${id}/meeting`, {
        ...validMeeting,
        type: 'review_conference',
        'previousConferenceOn-day': '31',
        'previousConferenceOn-month': '8',
        'previousConferenceOn-year': '2026',
        previousConference: 'initial_conference',
        ...onThe('15'),
        version: '',
      })
      assert.deepEqual(errorSummary((await crew.referrer.get(`/referrals/${id}/meeting`)).document), [
        'This review conference is 15 days after it was due on 30 November 2026 (3 months after the initial conference on 31 August 2026). Say why it is late.',
      ])
    })
  })
})
