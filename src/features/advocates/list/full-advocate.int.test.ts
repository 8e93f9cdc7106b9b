import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { eligibleAdvocate } from '../../../../test/support/pool.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { crewOf, referralAt } from '../../../../test/support/workflow-steps.ts'

/** Issue 8, item 18: a full advocate (every place taken) showed "Can be offered work: Yes". */
describe(`a full advocate (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('is shown as full, not as someone who can be offered work: eligible, but with no place free', async () => {
    const advocateId = await eligibleAdvocate(t, { givenName: 'Fay', familyName: 'Full', capacity: 1 })
    await referralAt(t, await crewOf(t), 'awaiting_advocate', 'Fillsaplace', { advocateId })
    const coordinator = await signedIn(t, 'coordinator')
    const list = await coordinator.get('/advocates')
    assert.deepEqual(
      tableRows(list.document).find((row) => row[0]?.startsWith('Fay Full')),
      ['Fay Full Parent peer advocate', 'Active', '1 of 1 taken', 'Full Eligible, but their only place is taken'],
    )
    const page = await coordinator.get(`/advocates/${advocateId}`)
    assert.match(
      textOf(page.document.querySelector('main .govuk-warning-text')),
      /Full: cannot be offered more work until a place is free \(their only place is taken\)\. They are eligible/,
    )
    assert.doesNotMatch(textOf(page.document.querySelector('main')), /Can be offered work\./)
  })
})
