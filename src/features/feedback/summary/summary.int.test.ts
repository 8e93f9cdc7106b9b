import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/** The service's feedback figures: counted by hand, words for the advocacy service only, one authority's alone. */
describe(`what families said about their meetings (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    const first = await referralAt(t, crew, 'advocate_recorded', 'Summaryone')
    const second = await referralAt(t, crew, 'advocate_recorded', 'Summarytwo')
    t.clock.set('2026-12-20T10:00:00Z')
    crew = await crewOf(t)
    for (const [id, answers] of [
      [first, { listened: 'yes', understood: 'no', better: 'Kinder words, please' }],
      [second, { listened: 'yes', reportsInTime: 'no', better: 'He hit me before the meeting' }],
    ] as const) {
      await crew.admin.get(`/referrals/${id}/feedback`)
      assert.equal((await crew.admin.post(`/referrals/${id}/feedback/answers`, answers)).location, `/referrals/${id}/feedback`)
    }
  })
  after(async () => t.close())

  test('the analyst reads the figures, counted as a person would, and never anyone’s words', async () => {
    const analyst = await signedInAs(t, t.world.staff.analyst)
    const page = await analyst.get('/feedback')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'What families said about their meetings')
    assert.deepEqual(tableRows(page.html, 'Did you feel listened to?'), [
      ['Yes', '2'],
      ['A bit', '0'],
      ['No', '0'],
      ['Not answered', '0'],
    ])
    assert.deepEqual(tableRows(page.html, 'Did you understand what was decided, and why?').at(-2), ['No', '1'])
    assert.deepEqual(tableRows(page.html, 'How people answered')[4], ['On paper', '2'])
    assert.deepEqual(tableRows(page.html, 'How long after the meeting')[1], ['Within a week', '2'])
    assert.match(textOf(page.html), /2 people wrote what would have made it better/)
    assert.ok(!page.html.includes('Kinder words') && !page.html.includes('hit me'), 'no words')
  })

  test('the advocacy admin reads their words, the worrying ones first and marked', async () => {
    const page = await crew.admin.get('/feedback')
    const cards = [...page.document.querySelectorAll('.govuk-summary-card')].map((card) => textOf(card))
    assert.equal(cards.length, 2)
    assert.match(cards[0] ?? '', /Read now: hit.*He hit me before the meeting/s)
    assert.match(cards[1] ?? '', /Kinder words, please/)
    assert.match(textOf(page.html), /1 answer has words that may mean someone is not safe/)
  })

  test('no one else reads them, and another authority sees none of this one’s', async () => {
    assert.equal((await crew.referrer.get('/feedback')).status, 403)
    assert.equal((await (await signedInAs(t, t.world.staff.advocate)).get('/feedback')).status, 403)
    const elsewhere = await signedInAs(t, t.world.elsewhere.admin)
    const theirs = await elsewhere.get('/feedback')
    assert.equal(theirs.status, 200)
    assert.match(textOf(theirs.html), /Nobody has given feedback in this period yet/)
  })

  test('a period the page does not know is read as the last 12 months, never an error', async () => {
    for (const query of ['?period=decade', '?period=quarter&period=year', '?period[]=x', '?period=%00']) {
      const page = await crew.admin.get(`/feedback${query}`)
      assert.equal(page.status, 200, query)
    }
    assert.match(textOf((await crew.admin.get('/feedback?period=quarter')).html), /2 answers given/)
  })
})
