import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { textArray } from '../../../platform/db/text-array.ts'
import { eligibleAdvocate } from '../../../../test/support/pool.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

// The smallest PNG there is: one transparent pixel.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** Their advocate: who, with a photo and "about me", how to reach them; or what is being done to find one. */
describe(`your advocate (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('the advocate’s name, photo, “about me”, languages and how to reach them', async () => {
    const advocateId = await eligibleAdvocate(t, {
      givenName: 'Pilar',
      familyName: 'Sanchez',
      languages: [
        { language: 'Spanish', level: 'first_language' },
        { language: 'English', level: 'fluent' },
      ],
    })
    await t.database.db
      .updateTable('advocate')
      .set({
        about_me: 'I am a mum of three.\nI know how hard these meetings are.',
        phone: '07700 900123',
        available_days: textArray(['mon', 'wed']),
        photo: PIXEL,
        photo_type: 'image/png',
      })
      .where('id', '=', advocateId)
      .execute()
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Withadvocate', { advocateId })
    const family = await familyReading(t, crew, referralId)
    const page = await family.get('/your-advocacy/advocate')
    assert.equal(heading(page.document), 'Your advocate')
    assert.equal(textOf(page.document.querySelector('[data-advocate-name]')), 'Pilar Sanchez')
    assert.match(textOf(page.document), /I am a mum of three\./)
    assert.equal(page.document.querySelector('img.app-advocate-photo')?.getAttribute('alt'), 'Photo of Pilar Sanchez')
    assert.equal(summaryValue(page.document, 'Phone'), '07700 900123')
    assert.equal(summaryValue(page.document, 'Days they usually work'), 'Monday, Wednesday')
    assert.match(textOf(page.document), /Spanish/)
    const photo = await family.get('/your-advocacy/advocate/photo')
    assert.equal(photo.status, 200)
    assert.equal(photo.response.headers['content-type'], 'image/png')
    assert.deepEqual(photo.response.rawPayload, PIXEL)
  })

  test('before there is an advocate, it says what is being done; and there is no photo to fetch', async () => {
    const finding = await familyReading(t, crew, await referralAt(t, crew, 'in_review', 'Stillfinding'))
    const page = await finding.get('/your-advocacy/advocate')
    assert.equal(textOf(page.document.querySelector('[data-no-advocate]')), 'You do not have an advocate yet. We are looking for the right person for you.')
    assert.equal((await finding.get('/your-advocacy/advocate/photo')).status, 404)

    const asking = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_advocate', 'Asking'))
    const offered = await asking.get('/your-advocacy/advocate')
    assert.equal(
      textOf(offered.document.querySelector('[data-no-advocate]')),
      'We have asked an advocate to work with you. We will tell you who it is when they say yes.',
    )
    assert.ok(!offered.html.includes('ForAsking'), 'the advocate asked is not named before they say yes')

    const deciding = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_decision', 'Deciding'))
    assert.equal(
      textOf((await deciding.get('/your-advocacy/advocate')).document.querySelector('[data-no-advocate]')),
      'You do not have an advocate yet. The advocacy service will decide first.',
    )
  })
})
