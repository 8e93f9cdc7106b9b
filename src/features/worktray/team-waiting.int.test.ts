import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { crewOf, referralAt, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * Issue 8, item 18: an admin landed on "Nothing is waiting on you" while the team's work waited, and
 * "Back to my work" from a team item went to the wrong list.
 */
describe(`My work and my team's work (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('My work says how much waits on the team, and links to it', async () => {
    const quiet = await crew.admin.get('/')
    assert.equal(quiet.document.querySelector('.app-team-waiting'), null, 'nothing said when nothing waits')
    await referralAt(t, crew, 'awaiting_admin', 'Teamwaits')
    await referralAt(t, crew, 'awaiting_admin', 'Teamwaitstoo')
    const page = await crew.admin.get('/')
    assert.match(textOf(page.document.querySelector('main')), /Nothing is waiting on you\./)
    assert.match(textOf(page.document.querySelector('.app-team-waiting')), /^2 items are waiting on your team: go to my team’s work ?\.$/)
    assert.equal(page.document.querySelector('.app-team-waiting a')?.getAttribute('href'), '/team-work')
  })

  test('an item opened from the team’s work goes back to the team’s work', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Backtoteam')
    const team = await crew.admin.get('/team-work')
    const link = [...team.document.querySelectorAll('tbody a')].find((candidate) => textOf(candidate).includes('Backtoteam'))
    assert.equal(link?.getAttribute('href'), `/referrals/${id}?from=team`)
    const opened = await crew.admin.get(`/referrals/${id}?from=team`)
    const back = opened.document.querySelector('.govuk-back-link')
    assert.deepEqual([back?.getAttribute('href'), textOf(back)], ['/team-work', 'Back to my team’s work'])
    const plain = (await crew.admin.get(`/referrals/${id}?from=https://example.com`)).document.querySelector('.govuk-back-link')
    assert.deepEqual([plain?.getAttribute('href'), textOf(plain)], ['/', 'Back to my work'], 'anything else goes back to My work')
  })
})
