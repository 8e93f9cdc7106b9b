import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { TestApp } from '../../../../test/support/app.ts'
import { errorSummary, fieldValue } from '../../../../test/support/browser.ts'
import { pageTests } from '../../../../test/support/page-tests.ts'
import { versionOn } from '../../../../test/support/referral-steps.ts'
import { addStaff, referralAt, signedInAs, validOutcome, versionsOf, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Whether a field of the form holds what was typed (a text area's text, or an input's value). */
function fieldHolds(html: string, name: string, value: string): boolean {
  return fieldValue(html, name) === value
}

pageTests(
  {
    page: 'outcome',
    heading: 'Advocacy Outcome',
    who: 'admin',
    stage: 'advocate_recorded',
    valid: async ({ fixture, id }) => ({ ...validOutcome, version: (await versionsOf(fixture.t.database.db, id)).review }),
    then: { location: (id) => `/referrals/${id}`, state: 'in_review' },
    errors: [
      {
        label: 'nothing answered',
        body: async ({ fixture, id }) => ({ version: (await versionsOf(fixture.t.database.db, id)).review }),
        messages: [
          'Enter how many times the advocate was in contact with the person',
          'Select whether the advocate attended the meeting',
          'Enter the hours of advocacy, like 2 or 3.5',
        ],
      },
    ],
  },
  (get) => {
    let t: TestApp
    let crew: Crew
    before(() => {
      t = get().t
      crew = get().crew
    })

    describe('saving the same record twice', () => {
      test('the Advocacy Outcome by two admins: the second is refused with a message, keeps what they typed, and the first is what is stored', async () => {
        const secondAdmin = await addStaff(t, 'secondAdmin', 'Adele Secondadmin', ['advocacy_admin'], { fgc: true })
        const first = crew.admin
        const second = await signedInAs(t, secondAdmin)
        const id = await referralAt(t, crew, 'advocate_recorded')
        const path = `/referrals/${id}/outcome`

        const firstPage = await first.get(path)
        const secondPage = await second.get(path)
        assert.equal(secondPage.status, 200, 'the second admin can open the outcome form')
        const version = versionOn(firstPage.html)
        assert.ok(version)
        assert.equal(versionOn(secondPage.html), version)

        const saved = await first.post(path, { ...validOutcome, notes: 'Notes from the first admin', version })
        assert.equal(saved.location, `/referrals/${id}`, JSON.stringify(errorSummary((await first.get(path)).html)))

        const secondAnswers = {
          ...validOutcome,
          contactCount: '7',
          contactSummary: 'Seven calls, by the second admin',
          notes: 'Notes from the second admin',
          minutesSpent: '9.25',
          version,
        }
        const refused = await second.post(path, secondAnswers)
        assert.equal(refused.status, 303)
        assert.equal(refused.location, path, 'sent back to the outcome form')

        const review = await t.database.db.selectFrom('review').selectAll().where('referral_id', '=', id).executeTakeFirstOrThrow()
        assert.equal(review.notes, 'Notes from the first admin')
        assert.equal(review.contact_count, 4)
        assert.equal(review.outcome_recorded_by, t.world.staff.admin.id)

        const shown = await second.get(path)
        const summary = errorSummary(shown.html)
        assert.equal(summary.length, 1, JSON.stringify(summary))
        assert.match(summary[0] ?? '', /saved a change.* after you opened this page/)
        assert.match(summary[0] ?? '', /Your answers have not been saved yet/)
        assert.ok(fieldHolds(shown.html, 'notes', 'Notes from the second admin'), 'the second admin’s notes are still shown')
        assert.ok(fieldHolds(shown.html, 'contactCount', '7'), 'and their number of contacts')
        assert.ok(fieldHolds(shown.html, 'minutesSpent', '9.25'), 'and their hours')
        assert.equal(versionOn(shown.html), String(review.version), 'the page now carries the version the first admin saved')

        const again = await second.post(path, { ...secondAnswers, version: versionOn(shown.html) })
        assert.equal(again.location, `/referrals/${id}`)
        const now = await t.database.db.selectFrom('review').select(['notes', 'contact_count']).where('referral_id', '=', id).executeTakeFirstOrThrow()
        assert.deepEqual(now, { notes: 'Notes from the second admin', contact_count: 7 })
      })
    })
  },
)
