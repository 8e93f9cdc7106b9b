import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, type Page } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { addMember, advocate, cohortMade, dateParts, ticked } from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { addStaff, signedInAs } from '../../../../test/support/workflow-steps.ts'

function versionOf(page: Page): string {
  return page.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''
}

describe(`two people saving one cohort's module completion (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the second is told, with their own ticks kept, and nothing of the first save is lost', async () => {
    const first = await signedIn(t, 'coordinator')
    const second = await signedInAs(t, await addStaff(t, 'secondCoordinator', 'Cai Cocoordinator', ['coordinator']))
    const cohortId = await cohortMade(first, 'Shared modules', ['6', '10', '2026'])
    const cara = await advocate(t, { given_name: 'Cara', family_name: 'Completer', stage: 'training' })
    const dev = await advocate(t, { given_name: 'Dev', family_name: 'Starter', stage: 'training' })
    await addMember(first, cohortId, cara)
    await addMember(first, cohortId, dev)
    const url = `/programme/cohorts/${cohortId}/modules`
    const on = dateParts('completedOn', ['20', '11', '2026'])

    const version = versionOf(await first.get(url))
    assert.notEqual(version, '', 'the form carries the version it was opened on')
    assert.equal(versionOf(await second.get(url)), version)
    assert.equal((await first.post(url, { shown: [cara, dev], completed: [`${cara}:advocacy_skills`], ...on, version })).status, 303)

    // The second ticks Dev's module on a page that still shows Cara's unticked: saving it would untick hers.
    const conflict = await second.submit(url, { shown: [cara, dev], completed: [`${dev}:safeguarding`], ...on, version })
    assert.match(errorSummary(conflict.document)[0] ?? '', /saved a change.*after you opened this page\./)
    assert.deepEqual(ticked(conflict, 'completed'), [`${dev}:safeguarding`], 'the second person’s ticks are kept')
    const completions = async () =>
      (await t.database.db.selectFrom('module_completion').select(['advocate_id', 'module']).where('advocate_id', 'in', [cara, dev]).execute())
        .map((row) => `${row.advocate_id === cara ? 'cara' : 'dev'} ${row.module}`)
        .sort()
    assert.deepEqual(await completions(), ['cara advocacy_skills'], 'the first save stands')
    const newer = versionOf(conflict)
    assert.notEqual(newer, version, 'the form now carries the newer version')

    const both = [`${cara}:advocacy_skills`, `${dev}:safeguarding`]
    assert.equal((await second.post(url, { shown: [cara, dev], completed: both, ...on, version: newer })).status, 303)
    assert.deepEqual(await completions(), ['cara advocacy_skills', 'dev safeguarding'])
  })

  test('a change made elsewhere (another cohort, the advocate’s history) also makes the page out of date', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Elsewhere modules', ['6', '10', '2026'])
    const otherCohort = await cohortMade(coordinator, 'Second cohort', ['13', '10', '2026'])
    const eve = await advocate(t, { given_name: 'Eve', family_name: 'Twocohorts', stage: 'training' })
    await addMember(coordinator, cohortId, eve)
    await addMember(coordinator, otherCohort, eve)
    const on = dateParts('completedOn', ['20', '11', '2026'])
    const stale = versionOf(await coordinator.get(`/programme/cohorts/${cohortId}/modules`))
    const other = versionOf(await coordinator.get(`/programme/cohorts/${otherCohort}/modules`))
    assert.equal(
      (await coordinator.post(`/programme/cohorts/${otherCohort}/modules`, { shown: eve, completed: `${eve}:safeguarding`, ...on, version: other })).status,
      303,
    )
    const conflict = await coordinator.submit(`/programme/cohorts/${cohortId}/modules`, {
      shown: eve,
      completed: `${eve}:legal_framework`,
      ...on,
      version: stale,
    })
    assert.match(errorSummary(conflict.document)[0] ?? '', /after you opened this page/)
    const rows = await t.database.db.selectFrom('module_completion').select('module').where('advocate_id', '=', eve).execute()
    assert.deepEqual(
      rows.map((row) => row.module),
      ['safeguarding'],
    )
  })
})
