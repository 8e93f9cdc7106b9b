import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading, sentenceOf } from '../../../../test/support/family-steps.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Their meeting: what, when, where; what it is, who will be there, what they can ask for; a calendar file naming no one. */
describe(`your meeting (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('the meeting in plain words, with what the person can do, and a calendar file', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Meeting')
    const family = await familyReading(t, crew, referralId)
    const page = await family.get('/your-advocacy/meeting')
    assert.equal(heading(page.document), 'Your meeting')
    assert.equal(summaryValue(page.document, 'What'), 'Initial child protection conference')
    assert.equal(summaryValue(page.document, 'Date'), 'Tuesday 15 December 2026')
    assert.equal(summaryValue(page.document, 'Time'), '10:30am')
    assert.equal(summaryValue(page.document, 'Where'), 'Town Hall')
    const spanish = await family.get('/your-advocacy/meeting?language=es')
    assert.equal(summaryValue(spanish.document, 'Fecha'), 'martes 15 de diciembre de 2026')
    assert.equal(summaryValue(spanish.document, 'Hora'), '10:30')
    const arabic = await family.get('/your-advocacy/meeting?language=ar')
    assert.ok(!textOf(arabic.document.querySelector('main')).includes(','), 'no English comma in Arabic')
    await family.get('/your-advocacy/meeting?language=en')
    const text = sentenceOf(page.document)
    assert.match(text, /A meeting to decide if your child needs a child protection plan\./)
    assert.match(text, /The chair, who runs the meeting\./)
    for (const can of ['Bring someone with you', 'Ask for an interpreter', 'Ask to see the reports', 'Ask to speak first', 'Ask to meet the chair']) {
      assert.ok(text.includes(can), `they are told they can: ${can}`)
    }
    const calendar = await family.get('/your-advocacy/meeting.ics')
    assert.equal(calendar.status, 200)
    assert.match(calendar.html, /SUMMARY:My meeting: Initial child protection conference/)
    assert.match(calendar.html, /DTSTART;TZID=Europe\/London:20261215T103000/)
    assert.ok(!/Maria|Meeting \(|Garcia/.test(calendar.html), 'it names no one')
  })

  test('once the day has passed, it says so and offers no calendar', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Pastmeeting')
    t.clock.set('2026-12-20T10:00:00Z')
    const family = await familyReading(t, { admin: await signedInAs(t, t.world.staff.admin) }, referralId)
    const page = await family.get('/your-advocacy/meeting')
    assert.match(sentenceOf(page.document), /This meeting has already happened\./)
    assert.equal(page.document.querySelector('a[href="/your-advocacy/meeting.ics"]'), null)
    t.clock.set('2026-11-24T10:00:00Z')
  })
})
