import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, textOf, type Browser, type FormValue, type Page } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import {
  addMember,
  advocate,
  bannerOf,
  cohortMade,
  coordinatorElsewhere,
  LONG,
  NONEXISTENT,
  NOT_COORDINATORS,
  refusesHostileInput,
  ticked,
} from '../../../../test/support/programme-steps.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

/** A register saved as its page sends it: the ticks, with the version the page was opened on. */
async function registerSaved(browser: Browser, url: string, answers: Record<string, FormValue>): Promise<Page> {
  const version = versionOn((await browser.get(url)).html)
  return browser.submit(url, { ...answers, version })
}

/** The cohort page's count of who attended a week: "1 of 2". */
function attendedIn(page: Page, week: number): string {
  return textOf(page.document.querySelector(`[data-week="${week}"]`))
}

describe(`each week's register (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a register is saved, shown and replaced; only the cohort’s members are counted', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Winter 2026', ['3', '11', '2026'])
    const amira = await advocate(t, { given_name: 'Amira', family_name: 'Attendee', stage: 'training' })
    const bea = await advocate(t, { given_name: 'Bea', family_name: 'Absent', stage: 'training' })
    const outsider = await advocate(t, { given_name: 'Otto', family_name: 'Outsider', stage: 'training' })
    await addMember(coordinator, cohortId, amira)
    await addMember(coordinator, cohortId, bea)

    const register = await coordinator.get(`/programme/cohorts/${cohortId}/sessions/1`)
    assert.equal(heading(register.document), 'Week 1 of 8: register')
    assert.match(textOf(register.document), /Advocacy skills and the role of the parent advocate, on Tuesday 3 November 2026/)
    const saved = await registerSaved(coordinator, `/programme/cohorts/${cohortId}/sessions/1`, { attended: amira })
    assert.match(bannerOf(saved), /Attendance for week 1 saved 1 of the cohort attended/)
    assert.equal(attendedIn(saved, 1), '1 of 2')
    assert.equal(attendedIn(saved, 2), '0 of 2')
    const attendedRows = await t.database.db
      .selectFrom('session_attendance')
      .innerJoin('training_session', 'training_session.id', 'session_attendance.session_id')
      .select(['session_attendance.advocate_id', 'training_session.week'])
      .where('training_session.cohort_id', '=', cohortId)
      .execute()
    assert.deepEqual(attendedRows, [{ advocate_id: amira, week: 1 }])
    assert.deepEqual(ticked(await coordinator.get(`/programme/cohorts/${cohortId}/sessions/1`), 'attended'), [amira], 'the register shows who attended')

    await registerSaved(coordinator, `/programme/cohorts/${cohortId}/sessions/2`, { attended: [amira, bea] })
    const replaced = await registerSaved(coordinator, `/programme/cohorts/${cohortId}/sessions/2`, { attended: bea })
    assert.equal(attendedIn(replaced, 2), '1 of 2', 'saving again replaces the attendance')
    const none = await registerSaved(coordinator, `/programme/cohorts/${cohortId}/sessions/1`, {})
    assert.equal(attendedIn(none, 1), '0 of 2', 'nobody ticked: nobody attended')

    const refused = await registerSaved(coordinator, `/programme/cohorts/${cohortId}/sessions/3`, { attended: [amira, outsider] })
    assert.deepEqual(errorSummary(refused.document), ['Select people from the list of the cohort’s members'])
    assert.deepEqual(ticked(refused, 'attended'), [amira], 'the ticks are kept')

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'programme.attendance-recorded')
      .where('actor_id', '=', t.world.staff.coordinator.id)
      .execute()
    assert.equal(audit.length, 4)

    await coordinator.post(`/programme/cohorts/${cohortId}/members/${amira}/remove`, {})
    assert.equal(attendedIn(await coordinator.get(`/programme/cohorts/${cohortId}`), 2), '1 of 1', 'only members are counted')
    await coordinator.post(`/programme/cohorts/${cohortId}/members/${bea}/remove`, {})
    assert.equal(attendedIn(await coordinator.get(`/programme/cohorts/${cohortId}`), 2), '0 of 0')
  })

  test('a week that is not 1 to 8, or a cohort that is not there, is not found; hostile input gets an error summary', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Hostile 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Hal', family_name: 'Hostile', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    await refusesHostileInput(
      coordinator,
      { url: `/programme/cohorts/${cohortId}/sessions/4`, valid: { attended: member, version: '1' }, fields: ['attended', 'version'] },
      member,
    )
    for (const week of ['0', '9', 'x', '1.5', '01', LONG.slice(0, 500)]) {
      assert.equal((await coordinator.get(`/programme/cohorts/${cohortId}/sessions/${week}`)).status, 404, week)
      assert.equal((await coordinator.post(`/programme/cohorts/${cohortId}/sessions/${week}`, { attended: member })).status, 404, week)
    }
    for (const id of ['not-an-id', NONEXISTENT, `${cohortId}x`]) {
      assert.equal((await coordinator.get(`/programme/cohorts/${id}/sessions/1`)).status, 404, id)
      assert.equal((await coordinator.post(`/programme/cohorts/${id}/sessions/1`, {})).status, 404, id)
    }
  })

  test('only the coordinator keeps the registers, and only their own authority’s', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Access 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Mia', family_name: 'Member', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    for (const who of NOT_COORDINATORS) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`/programme/cohorts/${cohortId}/sessions/1`)).status, 403, who)
      assert.equal((await browser.post(`/programme/cohorts/${cohortId}/sessions/1`, { attended: member })).status, 403, who)
    }
    const elsewhere = await coordinatorElsewhere(t)
    assert.equal((await elsewhere.get(`/programme/cohorts/${cohortId}/sessions/1`)).status, 404)
    assert.equal((await elsewhere.post(`/programme/cohorts/${cohortId}/sessions/1`, { attended: member })).status, 404)
    const recorded = await t.database.db.selectFrom('session_attendance').select('advocate_id').where('advocate_id', '=', member).execute()
    assert.deepEqual(recorded, [], 'nothing was recorded')
  })
})
