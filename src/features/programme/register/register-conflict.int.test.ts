import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { addMember, advocate, cohortMade, ticked } from '../../../../test/support/programme-steps.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'
import { addStaff, signedInAs } from '../../../../test/support/workflow-steps.ts'

describe(`two people saving one week's register (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the second is told who saved first, with their own ticks kept, and the first save stands', async () => {
    const first = await signedIn(t, 'coordinator')
    const second = await signedInAs(t, await addStaff(t, 'secondCoordinator', 'Cai Cocoordinator', ['coordinator']))
    const cohortId = await cohortMade(first, 'Shared register', ['3', '11', '2026'])
    const amira = await advocate(t, { given_name: 'Amira', family_name: 'Attendee', stage: 'training' })
    const bea = await advocate(t, { given_name: 'Bea', family_name: 'Latecomer', stage: 'training' })
    await addMember(first, cohortId, amira)
    await addMember(first, cohortId, bea)
    const url = `/programme/cohorts/${cohortId}/sessions/1`

    const version = versionOn((await first.get(url)).html)
    assert.notEqual(version, '', 'the register carries the version it was opened on')
    assert.equal(versionOn((await second.get(url)).html), version)
    assert.equal((await first.post(url, { attended: amira, version })).status, 303)

    const conflict = await second.submit(url, { attended: bea, version })
    assert.match(errorSummary(conflict.document)[0] ?? '', /^Cora Coordinator saved a change at .*, after you opened this page\./)
    assert.deepEqual(ticked(conflict, 'attended'), [bea], 'the second person’s ticks are kept')
    const attendance = async () =>
      (
        await t.database.db
          .selectFrom('session_attendance')
          .innerJoin('training_session', 'training_session.id', 'session_attendance.session_id')
          .select('session_attendance.advocate_id')
          .where('training_session.cohort_id', '=', cohortId)
          .where('training_session.week', '=', 1)
          .execute()
      ).map((row) => row.advocate_id)
    assert.deepEqual(await attendance(), [amira], 'the first save stands')
    const newer = versionOn(conflict.html)
    assert.notEqual(newer, version, 'the form now carries the newer version')

    assert.equal((await second.post(url, { attended: [amira, bea], version: newer })).status, 303)
    assert.deepEqual((await attendance()).sort(), [amira, bea].sort(), 'saved again, knowing what the first had done')
    assert.equal((await first.post(url, { attended: [], version })).location, url, 'a stale page never overwrites')
  })
})
