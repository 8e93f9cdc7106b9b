import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import {
  addMember,
  advocate,
  bannerOf,
  cohortMade,
  coordinatorElsewhere,
  dateParts,
  NONEXISTENT,
  NOT_COORDINATORS,
  refusesHostileInput,
  ticked,
  formVersion,
  modulesSaved,
} from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`module completion (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('module completion is saved and shown; a date already recorded is kept; the date cannot be in the future', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Modules 2026', ['6', '10', '2026'])
    const cara = await advocate(t, { given_name: 'Cara', family_name: 'Completer', stage: 'training' })
    const dev = await advocate(t, { given_name: 'Dev', family_name: 'Starter', stage: 'training' })
    await addMember(coordinator, cohortId, cara)
    await addMember(coordinator, cohortId, dev)

    const form = await coordinator.get(`/programme/cohorts/${cohortId}/modules`)
    assert.equal(form.document.querySelector<HTMLInputElement>('input[name="completedOn-day"]')?.value, '24', 'the date is today unless changed')
    const first = await modulesSaved(coordinator, cohortId, {
      shown: [cara, dev],
      completed: [`${cara}:advocacy_skills`, `${cara}:legal_framework`, `${dev}:safeguarding`],
      ...dateParts('completedOn', ['20', '11', '2026']),
    })
    assert.match(bannerOf(first), /Module completion saved 3 modules recorded as completed/)
    const rows = async () =>
      (
        await t.database.db
          .selectFrom('module_completion')
          .select(['advocate_id', 'module', 'completed_on'])
          .where('advocate_id', 'in', [cara, dev])
          .orderBy('advocate_id')
          .orderBy('module')
          .execute()
      ).map((row) => `${row.advocate_id === cara ? 'cara' : 'dev'} ${row.module} ${row.completed_on}`)
    assert.deepEqual((await rows()).sort(), ['cara advocacy_skills 2026-11-20', 'cara legal_framework 2026-11-20', 'dev safeguarding 2026-11-20'])
    assert.match(
      textOf(first.document.querySelector(`[data-member="${cara}"]`)),
      /Cara Completer Training 0 of 8 2 of 6 Not yet: Child protection conferences; Understanding professionals’ concerns; Safeguarding; Data protection and safe data handling/,
    )

    const again = await modulesSaved(coordinator, cohortId, {
      shown: [cara, dev],
      completed: [`${cara}:advocacy_skills`, `${cara}:legal_framework`, `${cara}:conferences`],
      ...dateParts('completedOn', ['23', '11', '2026']),
    })
    assert.match(bannerOf(again), /1 module recorded as completed; 1 no longer recorded as completed/)
    assert.deepEqual(
      (await rows()).sort(),
      ['cara advocacy_skills 2026-11-20', 'cara conferences 2026-11-23', 'cara legal_framework 2026-11-20'],
      'earlier dates are kept; an unticked module is removed',
    )
    const shown = await coordinator.get(`/programme/cohorts/${cohortId}/modules`)
    assert.ok(ticked(shown, 'completed').includes(`${cara}:advocacy_skills`))
    assert.match(textOf(shown.document), /Advocacy skills and the role of the parent advocate Completed on 20 November 2026/)

    const future = await modulesSaved(coordinator, cohortId, {
      shown: [cara],
      completed: `${cara}:safeguarding`,
      ...dateParts('completedOn', ['25', '11', '2026']),
    })
    assert.deepEqual(errorSummary(future.document), ['The date the modules were completed must be today or in the past'])
    assert.ok(ticked(future, 'completed').includes(`${cara}:safeguarding`), 'the ticks are kept')

    const outsider = await advocate(t, { given_name: 'Otto', family_name: 'Outsider', stage: 'training' })
    const notMember = await modulesSaved(coordinator, cohortId, {
      shown: [cara, outsider],
      completed: `${outsider}:safeguarding`,
      ...dateParts('completedOn', ['24', '11', '2026']),
    })
    assert.deepEqual(errorSummary(notMember.document), ['Select modules from the list'])
    assert.equal((await t.database.db.selectFrom('module_completion').select('module').where('advocate_id', '=', outsider).execute()).length, 0)

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'record_id', 'details'])
      .where('action', 'like', 'programme.module-%')
      .where('record_id', 'in', [cara, dev])
      .orderBy('id')
      .execute()
    assert.deepEqual(audit.map((row) => row.action).sort(), [
      'programme.module-completed',
      'programme.module-completed',
      'programme.module-completed',
      'programme.module-completion-removed',
    ])
    assert.ok(audit.every((row) => !/Cara|Dev|Completer|Starter/.test(JSON.stringify(row.details))))
  })

  test('hostile input gets a GOV.UK error summary; a cohort that is not there is not found', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Hostile 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Hal', family_name: 'Hostile', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    const version = formVersion(await coordinator.get(`/programme/cohorts/${cohortId}/modules`))
    await refusesHostileInput(
      coordinator,
      {
        url: `/programme/cohorts/${cohortId}/modules`,
        valid: { shown: member, completed: `${member}:safeguarding`, ...dateParts('completedOn', ['1', '11', '2026']), version },
        fields: ['shown', 'completed', 'completedOn-day', 'completedOn-year', 'version'],
      },
      member,
    )
    for (const id of ['not-an-id', NONEXISTENT]) {
      assert.equal((await coordinator.get(`/programme/cohorts/${id}/modules`)).status, 404, id)
      assert.equal((await coordinator.post(`/programme/cohorts/${id}/modules`, {})).status, 404, id)
    }
  })

  test('only the coordinator records modules, and only for their own authority’s cohorts', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Access 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Mia', family_name: 'Member', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    const body = { shown: member, completed: `${member}:safeguarding`, ...dateParts('completedOn', ['1', '11', '2026']) }
    for (const who of NOT_COORDINATORS) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`/programme/cohorts/${cohortId}/modules`)).status, 403, who)
      assert.equal((await browser.post(`/programme/cohorts/${cohortId}/modules`, body)).status, 403, who)
    }
    const elsewhere = await coordinatorElsewhere(t)
    assert.equal((await elsewhere.get(`/programme/cohorts/${cohortId}/modules`)).status, 404)
    assert.equal((await elsewhere.post(`/programme/cohorts/${cohortId}/modules`, body)).status, 404)
    assert.equal((await t.database.db.selectFrom('module_completion').select('module').where('advocate_id', '=', member).execute()).length, 0)
  })
})
