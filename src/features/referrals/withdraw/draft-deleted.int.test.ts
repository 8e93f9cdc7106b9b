import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, draftWithPerson, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Issue 8, item 18: deleting a draft confirmed "Referral withdrawn". */
describe(`deleting a draft (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('says the draft was deleted', async () => {
    const id = await draftWithPerson(crew.referrer, 'Deleteddraft')
    await crew.referrer.get(`/referrals/${id}/withdraw`)
    const done = await crew.referrer.submit(`/referrals/${id}/withdraw`, { reason: 'made_in_error' })
    assert.equal(textOf(done.document.querySelector('.govuk-notification-banner__heading')), 'Draft deleted')
    assert.match(textOf(done.document.querySelector('.govuk-notification-banner')), /It is no longer in your work\. Nothing was sent\./)
  })

  test('a referral that was sent is still withdrawn', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Withdrawnsent')
    await crew.referrer.get(`/referrals/${id}/withdraw`)
    const done = await crew.referrer.submit(`/referrals/${id}/withdraw`, { reason: 'meeting_cancelled' })
    assert.equal(textOf(done.document.querySelector('.govuk-notification-banner__heading')), 'Referral withdrawn')
  })
})
