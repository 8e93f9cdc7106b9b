import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { tableRows, type Browser } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { worldAdvocate } from '../../../test/support/pool.ts'
import { crewOf, referralAt, signedInAs, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * Issue 12: readiness items still to do appear in the worktray of whoever they wait on, overdue
 * first. The referral's meeting is an initial conference on Tuesday 15 December 2026; the report is
 * due by Thursday 10 December (3 working days before), everything else by Monday 14 December.
 */
const CAPTION = 'Meetings not ready for the family yet'
/** Each item's link, as a screen reader reads it: what, and for whom. */
const forThem = (what: string) => `${what} for Maria Notready`

describe(`meetings not ready yet, in the worktrays (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let id: string

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    id = await referralAt(t, crew, 'advocate_recorded', 'Notready', { advocateId: await worldAdvocate(t) })
  })
  after(async () => {
    t.clock.set('2026-11-24T10:00:00Z')
    await t.close()
  })

  /** [person, still to do, due, meeting] of each row. */
  async function listed(browser: Browser, path = '/') {
    return tableRows((await browser.get(path)).html, CAPTION)
  }

  test('each sees what waits on them: the referrer the report, adjustments and venue; the admin team the chair and the FGC; the advocate their meeting with the person', async () => {
    const referrer = await listed(crew.referrer)
    assert.deepEqual(
      referrer.map((row) => [row[1], row[2]]),
      [
        [forThem('Social worker’s report shared with the family'), '10 Dec 2026'],
        [forThem('Adjustments in place'), '14 Dec 2026'],
        [forThem('Venue and time suit the family'), '14 Dec 2026'],
      ],
    )
    assert.match(referrer[0]?.[0] ?? '', /^Maria Notready/)
    assert.deepEqual(
      (await listed(crew.admin, '/team-work')).map((row) => row[1]),
      [forThem('Chair has met the family'), forThem('Family Group Conference offered')],
    )
    assert.deepEqual(await listed(crew.admin), [], 'nothing of it in the admin’s own work')
    const avril = await signedInAs(t, t.world.staff.advocate)
    assert.deepEqual(
      (await listed(avril)).map((row) => row[1]),
      [forThem('Advocate has met the person')],
    )
    for (const outsider of [t.world.staff.otherReferrer, t.world.staff.coordinator, t.world.elsewhere.admin]) {
      const browser = await signedInAs(t, outsider)
      assert.deepEqual(await listed(browser), [], `${outsider.displayName} sees none of it`)
      assert.deepEqual(await listed(browser, '/team-work'), [], `${outsider.displayName}'s team sees none of it`)
    }
  })

  test('once recorded an item leaves the list; once its due date has passed it comes first, overdue', async () => {
    const page = await crew.admin.get(`/referrals/${id}/readiness`)
    const version = page.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''
    await crew.admin.submit(`/referrals/${id}/readiness`, { adjustmentsInPlace: 'yes', version })
    t.clock.set('2026-12-11T10:00:00Z')
    const referrer = await signedInAs(t, t.world.staff.referrer)
    const rows = await listed(referrer)
    assert.deepEqual(
      rows.map((row) => [row[1], row[2]]),
      [
        [forThem('Social worker’s report shared with the family'), '10 Dec 2026 Overdue'],
        [forThem('Venue and time suit the family'), '14 Dec 2026'],
      ],
    )
  })
})
