import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, referralAt, versionsOf, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Issue 8, item 18: the timeline in the service's words, with its dates as every other date is shown. */
describe(`the timeline's words (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function timeline(id: string): Promise<{ title: string; description: string }[]> {
    const page = await crew.admin.get(`/referrals/${id}`)
    return [...page.document.querySelectorAll('.moj-timeline__item')].map((item) => ({
      title: textOf(item.querySelector('.moj-timeline__title')),
      description: textOf(item.querySelector('.moj-timeline__description')),
    }))
  }

  test('the sign-off request reads as the Advocacy Outcome sent for sign-off, not as a second "Pass to FGC Service Manager" request', async () => {
    const id = await referralAt(t, crew, 'awaiting_sign_off', 'Signoffwords')
    const [newest] = await timeline(id)
    assert.equal(newest?.title, 'Advocacy Outcome sent to FGC Service Manager for sign-off')
    const titles = (await timeline(id)).map((entry) => entry.title)
    assert.equal(titles.filter((title) => title.includes("'Pass to FGC Service Manager' request")).length, 1, 'only the referral’s own request')
  })

  test('a reschedule shows its dates as every other date is shown', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Reschedulewords')
    await crew.referrer.get(`/referrals/${id}/reschedule`)
    const { meeting } = await versionsOf(t.database.db, id)
    const moved = await crew.referrer.post(`/referrals/${id}/reschedule`, {
      'date-day': '16',
      'date-month': '12',
      'date-year': '2026',
      time: '2pm',
      version: meeting,
    })
    assert.equal(moved.location, `/referrals/${id}`)
    const [newest] = await timeline(id)
    assert.deepEqual(newest, {
      title: 'Meeting rescheduled',
      description: 'Moved from Tuesday 15 December 2026 at 10:30am to Wednesday 16 December 2026 at 2pm',
    })
  })
})
