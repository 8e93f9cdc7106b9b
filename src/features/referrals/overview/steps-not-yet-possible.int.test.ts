import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 8, item 17: the referral page offered "Send for sign-off" and "Change the advocate" before
 * any advocate was allocated, and "Find an advocate" with its Offer buttons after; the change page
 * then read "'s allocation will end." A step is a button only when the workflow allows it now;
 * otherwise it is what is still needed, or (when it does not apply) not offered at all, and its
 * page sends the user back to the referral saying why.
 */

async function buttons(browser: Browser, id: string): Promise<string[]> {
  const page = await browser.get(`/referrals/${id}`)
  return [...page.document.querySelectorAll('.govuk-button-group .govuk-button')].map((button) => textOf(button))
}

async function stillNeeded(browser: Browser, id: string): Promise<string[]> {
  const page = await browser.get(`/referrals/${id}`)
  return [...page.document.querySelectorAll('.app-still-needed li')].map((item) => textOf(item))
}

/** Opens a step's page and follows where it goes: the page it lands on, and the banner there. */
async function openStep(browser: Browser, id: string, step: string): Promise<{ location: string | undefined; banner: string }> {
  const first = await browser.get(`/referrals/${id}/${step}`)
  const landed = first.location ? await browser.get(first.location) : first
  return { location: first.location, banner: textOf(landed.document.querySelector('.govuk-notification-banner')) }
}

describe(`steps that cannot be taken yet (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('before an advocate is allocated: find one; sign-off is what is still needed; nothing to change', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Noadvocateyet')
    assert.deepEqual(await buttons(crew.admin, id), ['Find an advocate', 'Withdraw this referral', 'Record that the meeting was rescheduled'])
    assert.deepEqual(await stillNeeded(crew.admin, id), [
      'Before you can complete the Advocacy Outcome form: allocate an advocate first.',
      'Before you can send to FGC Service Manager for sign-off: allocate an advocate first; complete the Advocacy Outcome form first.',
    ])

    const change = await openStep(crew.admin, id, 'change-advocate')
    assert.equal(change.location, `/referrals/${id}`)
    assert.equal(change.banner, 'Important This cannot be done now No advocate is allocated yet, so there is none to change.')

    const signOff = await openStep(crew.admin, id, 'sign-off-request')
    assert.equal(signOff.location, `/referrals/${id}`)
    assert.equal(signOff.banner, 'Important This cannot be done yet Allocate an advocate first. Complete the Advocacy Outcome form first.')

    const outcome = await openStep(crew.admin, id, 'outcome')
    assert.equal(outcome.location, `/referrals/${id}`)
    assert.match(outcome.banner, /This cannot be done yet Allocate an advocate first\./)
  })

  test('once an advocate is allocated: no more finding or offering; the advocate can be changed, by name', async () => {
    const id = await referralAt(t, crew, 'advocate_recorded', 'Advocateallocated')
    const shown = await buttons(crew.admin, id)
    assert.ok(!shown.includes('Find an advocate'), JSON.stringify(shown))
    assert.deepEqual(shown, ['Complete the Advocacy Outcome form', 'Change the advocate', 'Withdraw this referral', 'Record that the meeting was rescheduled'])
    assert.deepEqual(await stillNeeded(crew.admin, id), ['Before you can send to FGC Service Manager for sign-off: complete the Advocacy Outcome form first.'])

    const matches = await openStep(crew.admin, id, 'matches')
    assert.equal(matches.location, `/referrals/${id}`)
    assert.equal(matches.banner, 'Important This cannot be done now An advocate is already allocated: change the advocate first.')
    const triage = await openStep(crew.admin, id, 'triage')
    assert.equal(triage.location, `/referrals/${id}`)

    const change = await crew.admin.get(`/referrals/${id}/change-advocate`)
    assert.equal(change.status, 200)
    assert.match(textOf(change.document.querySelector('main p')), /^\S+ ForAdvocateallocated's allocation will end\./)
  })

  test('with the outcome recorded, sign-off is a button', async () => {
    const id = await referralAt(t, crew, 'outcome_recorded', 'Outcomerecorded')
    assert.deepEqual((await buttons(crew.admin, id)).slice(0, 1), ['Send to FGC Service Manager for sign-off'])
    assert.deepEqual(await stillNeeded(crew.admin, id), [])
  })

  test('someone whose step it is not is sent back to the referral, told so', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Notyours')
    const refused = await openStep(crew.manager, id, 'sign-off-request')
    assert.equal(refused.location, `/referrals/${id}`)
    assert.equal(refused.banner, 'Important This cannot be done now This step is not open to you for this referral now. This page shows what can be done next.')
  })
})
