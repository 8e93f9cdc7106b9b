import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, summaryValue, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, completeDraft, validMeeting, versionsOf } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 8, item 18: "Check your answers" is the hub (the GOV.UK pattern). "Change" for the meeting
 * went forward to Section 1 instead of back; and the person's pronouns were not there to check.
 */

async function changeLink(browser: Browser, id: string, card: string): Promise<string> {
  const page = await browser.get(`/referrals/${id}/check`)
  const cards = [...page.document.querySelectorAll('.govuk-summary-card')]
  const found = cards.find((candidate) => candidate.querySelector('.govuk-summary-card__title')?.textContent?.trim() === card)
  const href = found?.querySelector('.govuk-summary-card__actions a')?.getAttribute('href')
  assert.ok(href, `a Change link on the ${card} card`)
  return href
}

describe(`changing an answer from "Check your answers" (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the meeting, changed from Check your answers, comes back to it (and so does a refused change)', async () => {
    const { referrer } = await crewOf(t)
    const id = await completeDraft(referrer, 'Hubmeeting')
    const href = await changeLink(referrer, id, 'Meeting')
    assert.equal(href, `/referrals/${id}/meeting?change=check`)
    const page = await referrer.get(href)
    assert.equal(page.document.querySelector('.govuk-back-link')?.getAttribute('href'), `/referrals/${id}/check`)
    const version = (await versionsOf(t.database.db, id)).meeting

    const refused = await referrer.post(href, { ...validMeeting, 'date-day': '', version, change: 'check' })
    assert.equal(refused.location, `/referrals/${id}/meeting`)
    const again = await referrer.get(`/referrals/${id}/meeting`)
    assert.deepEqual(errorSummary(again.document), ['Date of the meeting must include a day'])
    assert.equal(again.document.querySelector<HTMLInputElement>('input[name="change"]')?.value, 'check', 'still on its way back')

    const saved = await referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, 'date-day': '16', version, change: 'check' })
    assert.equal(saved.location, `/referrals/${id}/check`)
    assert.equal(summaryValue((await referrer.get(`/referrals/${id}/check`)).document, 'Date'), 'Wednesday 16 December 2026')
  })

  test('the children, changed from Check your answers, come back to it; from the task list they go on to the meeting', async () => {
    const { referrer } = await crewOf(t)
    const id = await completeDraft(referrer, 'Hubchildren')
    const href = await changeLink(referrer, id, 'Children')
    assert.equal(href, `/referrals/${id}/children?change=check`)
    const page = await referrer.get(href)
    const childIds = [...page.document.querySelectorAll<HTMLInputElement>('input[name="childIds"]')].map((box) => box.value)
    assert.equal((await referrer.post(href, { childIds, change: 'check' })).location, `/referrals/${id}/check`)
    await referrer.get(`/referrals/${id}/children`)
    assert.equal((await referrer.post(`/referrals/${id}/children`, { childIds })).location, `/referrals/${id}/meeting`)
  })

  test('nothing else sent in `change` chooses where the browser goes', async () => {
    const { referrer } = await crewOf(t)
    const id = await completeDraft(referrer, 'Hubelsewhere')
    await referrer.get(`/referrals/${id}/meeting`)
    for (const change of ['https://example.com/', '//example.com', '/admin/users', 'CHECK']) {
      const saved = await referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, version: (await versionsOf(t.database.db, id)).meeting, change })
      assert.equal(saved.location, `/referrals/${id}/section-1`, change)
    }
  })

  test('the person’s pronouns are on Check your answers', async () => {
    const { referrer } = await crewOf(t)
    const started = await referrer.post('/referrals', {})
    const id = /\/referrals\/([0-9a-f-]{36})\//.exec(started.location ?? '')?.[1] ?? ''
    await referrer.get(`/referrals/${id}/person/new`)
    const added = await referrer.post(`/referrals/${id}/person/new`, {
      givenName: 'Sam',
      familyName: 'Pronouns',
      pronouns: 'they/them',
      'dateOfBirth-day': '3',
      'dateOfBirth-month': '4',
      'dateOfBirth-year': '1990',
    })
    assert.equal(added.location, `/referrals/${id}/children`)
    const check = await referrer.get(`/referrals/${id}/check`)
    assert.equal(summaryValue(check.document, 'Pronouns'), 'they/them')
  })
})
