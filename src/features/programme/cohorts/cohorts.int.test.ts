import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import {
  bannerOf,
  cohortMade,
  CONTROLS,
  coordinatorElsewhere,
  dateParts,
  LONG,
  MARKUP,
  NOT_COORDINATORS,
  refusesHostileInput,
} from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { weeklySessions } from '../../../vocabulary/advocates.ts'

describe(`training cohorts: the list, and adding one (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('creating a cohort makes its eight weekly sessions, on the right dates and modules', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Spring 2027', ['11', '1', '2027'])

    const sessions = await t.database.db
      .selectFrom('training_session')
      .select(['week', 'module', 'held_on', 'authority_id'])
      .where('cohort_id', '=', cohortId)
      .orderBy('week')
      .execute()
    assert.deepEqual(
      sessions.map((session) => [session.week, session.module, session.held_on]),
      [
        [1, 'advocacy_skills', '2027-01-11'],
        [2, 'advocacy_skills', '2027-01-18'],
        [3, 'legal_framework', '2027-01-25'],
        [4, 'conferences', '2027-02-01'],
        [5, 'professionals_concerns', '2027-02-08'],
        [6, 'safeguarding', '2027-02-15'],
        [7, 'data_protection', '2027-02-22'],
        [8, 'advocacy_skills', '2027-03-01'],
      ],
    )
    assert.deepEqual(
      sessions.map((session) => session.module),
      [...weeklySessions],
    )
    assert.ok(sessions.every((session) => session.authority_id === t.world.authorityId))

    const page = await coordinator.get(`/programme/cohorts/${cohortId}`)
    assert.equal(page.status, 200)
    assert.match(bannerOf(page), /Cohort added Its 8 weekly sessions start on 11 January 2027\. Add the people taking part\./)
    assert.match(textOf(page.document), /First session 11 January 2027 Last session 1 March 2027 Progress Not started/)

    const list = await coordinator.get('/programme/cohorts')
    assert.deepEqual(
      tableRows(list.document).find((row) => row[0] === 'Spring 2027'),
      ['Spring 2027', '11 January 2027 to 1 March 2027', '0', 'Not started'],
    )

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'details'])
      .where('action', '=', 'programme.cohort-created')
      .where('record_id', '=', cohortId)
      .execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]?.actor_id, t.world.staff.coordinator.id)
    assert.doesNotMatch(JSON.stringify(audit[0]?.details), /Spring/, 'no names in the audit details')
  })

  test('a cohort needs a name and a real start date; names are not used twice', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/programme/cohorts')
    const empty = await coordinator.submit('/programme/cohorts', {})
    assert.deepEqual(errorSummary(empty.document), ['Enter a name for the cohort', 'Enter the date of the first session'])
    const unreal = await coordinator.submit('/programme/cohorts', { name: 'Summer 2027', ...dateParts('startsOn', ['31', '2', '2027']) })
    assert.deepEqual(errorSummary(unreal.document), ['Date of the first session must be a real date'])
    assert.equal(unreal.document.querySelector<HTMLInputElement>('input[name="name"]')?.value, 'Summer 2027', 'the answers are kept')
    await cohortMade(coordinator, 'Autumn 2026', ['7', '9', '2026'])
    const again = await coordinator.submit('/programme/cohorts', { name: 'autumn 2026', ...dateParts('startsOn', ['1', '10', '2026']) })
    assert.deepEqual(errorSummary(again.document), ['A cohort with that name already exists'])
    assert.deepEqual(
      tableRows((await coordinator.get('/programme/cohorts')).document).find((row) => row[0] === 'Autumn 2026'),
      ['Autumn 2026', '7 September 2026 to 26 October 2026', '0', 'Finished'],
    )
  })

  test('hostile input gets a GOV.UK error summary, never a 500; markup is kept as text, control characters are removed', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const valid = { name: 'A cohort', ...dateParts('startsOn', ['1', '2', '2027']) }
    await refusesHostileInput(coordinator, { url: '/programme/cohorts', valid, fields: ['name', 'startsOn-day', 'startsOn-month', 'startsOn-year'] }, '')
    const long = await coordinator.submit('/programme/cohorts', { name: LONG, ...dateParts('startsOn', ['1', '2', '2027']) })
    assert.deepEqual(errorSummary(long.document), ['Cohort name must be 100 characters or fewer'])
    const marked = await coordinator.submit('/programme/cohorts', { name: `${CONTROLS}Cohort ${MARKUP}`, ...dateParts('startsOn', ['8', '2', '2027']) })
    assert.match(textOf(marked.document.querySelector('h1')), /Cohort <script>alert\(1\)<\/script>/, 'markup is shown as text')
    assert.ok(
      [...marked.document.querySelectorAll('script')].every((script) => !script.textContent?.includes('alert(1)')),
      'and never runs',
    )
    const stored = await t.database.db.selectFrom('training_cohort').select('name').where('name', 'like', 'Cohort <script>%').executeTakeFirstOrThrow()
    assert.equal(stored.name, `Cohort ${MARKUP}`, 'control characters are removed')
  })

  test('a post without the form token is refused and changes nothing', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/programme/cohorts')
    const refused = await coordinator.post('/programme/cohorts', { name: 'Forged 2027', ...dateParts('startsOn', ['1', '3', '2027']) }, { withToken: false })
    assert.equal(refused.status, 403)
    assert.equal(
      (await coordinator.post('/programme/cohorts', { name: 'Forged 2027', ...dateParts('startsOn', ['1', '3', '2027']) }, { token: 'forged' })).status,
      403,
    )
    assert.equal((await t.database.db.selectFrom('training_cohort').select('id').where('name', '=', 'Forged 2027').execute()).length, 0)
  })

  test('only the coordinator may see or add cohorts, and only their own authority’s', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await cohortMade(coordinator, 'Ours 2026', ['2', '11', '2026'])
    const intruders = { name: 'Intruders 2027', ...dateParts('startsOn', ['1', '3', '2027']) }
    for (const who of NOT_COORDINATORS) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/programme/cohorts')).status, 403, who)
      assert.equal((await browser.post('/programme/cohorts', intruders)).status, 403, who)
    }
    assert.deepEqual(await t.database.db.selectFrom('training_cohort').select('id').where('name', '=', 'Intruders 2027').execute(), [])

    const elsewhere = await coordinatorElsewhere(t)
    const theirList = await elsewhere.get('/programme/cohorts')
    assert.equal(theirList.status, 200)
    assert.doesNotMatch(textOf(theirList.document), /Ours 2026/, 'nothing of ours')
    await elsewhere.post('/programme/cohorts', intruders)
    const theirs = await t.database.db.selectFrom('training_cohort').select('authority_id').where('name', '=', 'Intruders 2027').execute()
    assert.deepEqual(theirs, [{ authority_id: t.world.elsewhere.authorityId }], 'their cohort is their own')
  })
})
