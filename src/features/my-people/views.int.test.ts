import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { checkedValues, errorSummary, fieldValue } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { allocationOn, worldAdvocate } from '../../../test/support/pool.ts'
import { versionOn } from '../../../test/support/referral-steps.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../test/support/workflow-steps.ts'

/** Whether a field of the form holds what was typed (a text area's text, or an input's value). */
function fieldHolds(html: string, name: string, value: string): boolean {
  return fieldValue(html, name) === value
}

/** The person's views, as their advocate records them on /my-people/people/:allocationId/views. */
describe(`the person's views (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  describe("the person's views, by their advocate in two windows", () => {
    test('the second save is refused with a message, keeps what was typed, and the first is what is stored', async () => {
      const avrilId = await worldAdvocate(t)
      const id = await referralAt(t, crew, 'advocate_recorded', 'Views', { advocateId: avrilId })
      const allocationId = await allocationOn(t, id)
      const first = await signedInAs(t, t.world.staff.advocate)
      const second = await signedInAs(t, t.world.staff.advocate)
      const path = `/my-people/people/${allocationId}/views`
      const views = () => t.database.db.selectFrom('person_views').selectAll().where('referral_id', '=', id).executeTakeFirst()

      const firstPage = await first.get(path)
      const secondPage = await second.get(path)
      assert.equal(firstPage.status, 200)
      const version = versionOn(firstPage.html)
      assert.equal(version, '0', 'no views yet')
      assert.equal(versionOn(secondPage.html), version, 'both opened the same version')

      const saved = await first.post(path, { views: 'Views from the first window', version })
      assert.equal(saved.location, `/my-people/people/${allocationId}`, JSON.stringify(errorSummary((await first.get(path)).html)))

      const typed = { views: 'Views typed in the second window', agreed: 'yes', 'agreedOn-day': '24', 'agreedOn-month': '11', 'agreedOn-year': '2026' }
      const refused = await second.post(path, { ...typed, version })
      assert.equal(refused.status, 303)
      assert.equal(refused.location, path, 'sent back to the views form')

      const stored = await views()
      assert.equal(stored?.views, 'Views from the first window', 'the first save is what is stored')
      assert.equal(stored?.person_agreed_to_share, false)
      assert.equal(stored?.agreed_on, null)

      const shown = await second.get(path)
      assert.equal(shown.status, 200)
      const summary = errorSummary(shown.html)
      assert.equal(summary.length, 1, JSON.stringify(summary))
      assert.match(summary[0] ?? '', /saved a change.* after you opened this page/)
      assert.match(summary[0] ?? '', /Your answers have not been saved yet/)
      assert.ok(fieldHolds(shown.html, 'views', 'Views typed in the second window'), 'the second window’s views are still shown')
      assert.deepEqual(checkedValues(shown.document, 'agreed'), ['yes'], 'and their agreement, ticked')
      assert.ok(fieldHolds(shown.html, 'agreedOn-day', '24'), 'and the day they agreed')
      assert.equal(versionOn(shown.html), String(stored?.version), 'the page now carries the version saved by the first window')

      // Having checked them, the second window saves again, and now its views are stored.
      const again = await second.post(path, { ...typed, version: versionOn(shown.html) })
      assert.equal(again.location, `/my-people/people/${allocationId}`, JSON.stringify(errorSummary((await second.get(path)).html)))
      const now = await views()
      assert.deepEqual([now?.views, now?.person_agreed_to_share, now?.agreed_on], ['Views typed in the second window', true, '2026-11-24'])
    })
  })
})
