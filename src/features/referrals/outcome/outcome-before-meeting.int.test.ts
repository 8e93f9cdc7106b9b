import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 8, item 18: the Advocacy Outcome could be recorded and signed off days before the meeting
 * with no warning. The meeting is on 15 December 2026; the test clock starts on 24 November.
 */
const WARNING = /The meeting is not until Tuesday 15 December 2026\. The Advocacy Outcome says what happened at the meeting/

async function warningOn(browser: Browser, path: string): Promise<string> {
  const page = await browser.get(path)
  assert.equal(page.status, 200, path)
  return textOf(page.document.querySelector('main .govuk-warning-text'))
}

describe(`the Advocacy Outcome before the meeting (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('recording it, sending it for sign-off and signing it off before the meeting are each warned about', async () => {
    const recorded = await referralAt(t, crew, 'advocate_recorded', 'Earlyoutcome')
    assert.match(await warningOn(crew.admin, `/referrals/${recorded}/outcome`), WARNING)
    assert.match(await warningOn(crew.admin, `/referrals/${recorded}/outcome`), /record it once the meeting has taken place/)

    const outcome = await referralAt(t, crew, 'outcome_recorded', 'Earlysignoffrequest')
    assert.match(await warningOn(crew.admin, `/referrals/${outcome}/sign-off-request`), /send it for sign-off once the meeting has taken place/)

    const waiting = await referralAt(t, crew, 'awaiting_sign_off', 'Earlysignoff')
    assert.match(await warningOn(crew.manager, `/referrals/${waiting}/sign-off`), /check the meeting has taken place before you mark it Advocacy Completed/)
  })

  test('after the meeting there is no warning', async () => {
    const id = await referralAt(t, crew, 'awaiting_sign_off', 'Aftermeeting')
    t.clock.set('2026-12-16T10:00:00Z')
    try {
      const manager = await signedInAs(t, t.world.staff.manager)
      assert.equal(await warningOn(manager, `/referrals/${id}/sign-off`), '')
    } finally {
      t.clock.set('2026-11-24T10:00:00Z')
    }
  })
})
