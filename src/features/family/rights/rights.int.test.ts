import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Their rights and how to complain, with the authority's own contacts where it has set them. */
describe(`your rights (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('rights in plain words; how to complain, to the contacts the authority keeps', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Rights'))
    const before = await family.get('/your-advocacy/rights')
    assert.equal(heading(before.document), 'Your rights')
    assert.match(textOf(before.document), /You can have an advocate\. An advocate is on your side/)
    assert.match(textOf(before.document), /Ask your advocate or your social worker how to contact the advocacy service\./)
    await t.database.db
      .insertInto('authority_setting')
      .values([
        { authority_id: t.world.authorityId, key: 'contactEmail', value: 'advocacy@council.example', updated_at: new Date() },
        { authority_id: t.world.authorityId, key: 'contactPhone', value: '020 7974 0000', updated_at: new Date() },
      ])
      .execute()
    const after = await family.get('/your-advocacy/rights')
    assert.equal(summaryValue(after.document, 'Email'), 'advocacy@council.example')
    assert.equal(summaryValue(after.document, 'Phone'), '020 7974 0000')
    assert.match(textOf(after.document), /Local Government and Social Care Ombudsman/)
  })
})
