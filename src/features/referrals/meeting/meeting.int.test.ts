import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { TestApp } from '../../../../test/support/app.ts'
import { errorSummary, fieldValue } from '../../../../test/support/browser.ts'
import { pageTests } from '../../../../test/support/page-tests.ts'
import { versionOn } from '../../../../test/support/referral-steps.ts'
import { referralAt, signedInAs, validMeeting, versionsOf, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Whether a field of the form holds what was typed (a text area's text, or an input's value). */
function fieldHolds(html: string, name: string, value: string): boolean {
  return fieldValue(html, name) === value
}

pageTests(
  {
    page: 'meeting',
    heading: 'The meeting',
    who: 'referrer',
    stage: 'complete_draft',
    valid: async ({ fixture, id }) => ({ ...validMeeting, venue: 'Civic Centre', version: (await versionsOf(fixture.t.database.db, id)).meeting }),
    then: { location: (id) => `/referrals/${id}/section-1`, state: 'draft' },
    errors: [
      {
        label: 'nothing answered',
        body: async ({ fixture, id }) => ({ version: (await versionsOf(fixture.t.database.db, id)).meeting }),
        messages: ['Select the type of meeting', 'Enter the date of the meeting', 'Select the stage the family is at'],
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
      test('the meeting in two windows: the second save is refused and nothing of it is stored', async () => {
        const second = await signedInAs(t, t.world.staff.referrer)
        const id = await referralAt(t, crew, 'complete_draft')
        const path = `/referrals/${id}/meeting`
        const version = versionOn((await crew.referrer.get(path)).html)
        assert.equal(versionOn((await second.get(path)).html), version)
        assert.equal((await crew.referrer.post(path, { ...validMeeting, venue: 'First venue', version })).location, `/referrals/${id}/section-1`)
        const refused = await second.post(path, { ...validMeeting, venue: 'Second venue', version })
        assert.equal(refused.location, path)
        const shown = await second.get(path)
        assert.match(errorSummary(shown.html)[0] ?? '', /saved a change.* after you opened this page/)
        assert.ok(fieldHolds(shown.html, 'venue', 'Second venue'))
        const meeting = await t.database.db
          .selectFrom('meeting')
          .innerJoin('referral', 'referral.meeting_id', 'meeting.id')
          .select('meeting.venue')
          .where('referral.id', '=', id)
          .executeTakeFirstOrThrow()
        assert.equal(meeting.venue, 'First venue')
      })
    })
  },
)
