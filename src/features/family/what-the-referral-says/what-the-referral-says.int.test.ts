import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Open records: Section 1's answers and the manager's reasons as written; never the safety notes. */
describe(`what the referral says about you (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('the answers and the reasons as written, without the safety notes', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Openrecords')
    await t.database.db.updateTable('section_one').set({ safety_notes: 'Do not send post to the family home.' }).where('referral_id', '=', referralId).execute()
    const family = await familyReading(t, crew, referralId)
    const page = await family.get('/your-advocacy/what-the-referral-says')
    assert.equal(heading(page.document), 'What the referral says about you')
    assert.equal(
      summaryValue(page.document, 'Why your social worker asked for an advocate'),
      'The parent is experiencing barriers that affect their ability to take part in decisions.',
    )
    assert.match(summaryValue(page.document, 'Did you agree to have an advocate?') ?? '', /^Yes The parent has given verbal consent/)
    assert.match(
      summaryValue(page.document, 'Any disability or learning needs') ?? '',
      /Dyslexia: extra time and visual aids help\..*Extra time to take things in/,
    )
    assert.match(summaryValue(page.document, 'What kind of advocate you would like') ?? '', /A woman/)
    assert.equal(summaryValue(page.document, 'What the advocacy service decided'), 'Yes, you will get an advocate.')
    assert.equal(summaryValue(page.document, 'Why'), 'The parent would benefit from an advocate.')
    assert.ok(!page.html.includes('Do not send post'), 'never the safety notes')
  })

  test("the glossary's words in the referrer's own answers are explained where they appear", async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Explained')
    await t.database.db
      .updateTable('section_one')
      .set({ other_needs_details: 'She asked to meet before the core group, not at the conference.' })
      .where('referral_id', '=', referralId)
      .execute()
    const family = await familyReading(t, crew, referralId)
    const page = await family.get('/your-advocacy/what-the-referral-says')
    const terms = [...page.document.querySelectorAll('.app-glossary-term')].map((term) => textOf(term).toLowerCase())
    assert.ok(terms.includes('core group'), `core group is marked (${terms.join(', ')})`)
    const summaries = [...page.document.querySelectorAll('.app-glossary-explanation summary')].map((summary) => textOf(summary))
    assert.ok(
      summaries.some((summary) => /core group/i.test(summary)),
      `core group is explained (${summaries.join(', ')})`,
    )
  })

  test('before the decision, it says the service has not decided yet', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Notdecided'))
    assert.match(textOf((await family.get('/your-advocacy/what-the-referral-says')).document), /The advocacy service has not decided yet\./)
  })
})
