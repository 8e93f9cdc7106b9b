import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, textOf } from '../../../../test/support/browser.ts'
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
  modulesSaved,
} from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`the Level 2 accreditation (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the accreditation is refused until the advocacy module is completed, and then kept on the advocate’s record', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Accreditation 2026', ['1', '9', '2026'])
    const ife = await advocate(t, { given_name: 'Ife', family_name: 'Accredited', stage: 'accreditation' })
    await addMember(coordinator, cohortId, ife)

    const form = await coordinator.get(`/programme/cohorts/${cohortId}/accreditation`)
    assert.match(textOf(form.document), /Ife Accredited Module not completed yet/)
    const refused = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.deepEqual(errorSummary(refused.document), [
      'Ife Accredited has not completed “Advocacy skills and the role of the parent advocate”: record the module as completed before the accreditation',
    ])
    assert.equal(refused.document.querySelector<HTMLInputElement>('input[name="accreditedOn-day"]')?.value, '20', 'the answers are kept')
    const row = () => t.database.db.selectFrom('advocate').select(['accredited_on', 'version']).where('id', '=', ife).executeTakeFirstOrThrow()
    assert.equal((await row()).accredited_on, null)

    // Another module is not enough: it must be the advocacy module.
    await coordinator.get(`/programme/cohorts/${cohortId}/modules`)
    await modulesSaved(coordinator, cohortId, {
      shown: ife,
      completed: `${ife}:safeguarding`,
      ...dateParts('completedOn', ['10', '11', '2026']),
    })
    const stillRefused = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.equal(errorSummary(stillRefused.document).length, 1)

    await modulesSaved(coordinator, cohortId, {
      shown: ife,
      completed: [`${ife}:safeguarding`, `${ife}:advocacy_skills`],
      ...dateParts('completedOn', ['10', '11', '2026']),
    })
    const future = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['1', '12', '2026']),
    })
    assert.deepEqual(errorSummary(future.document), ['The date of the accreditation must be today or in the past'])
    const versionBefore = (await row()).version
    const accredited = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: ife,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.match(bannerOf(accredited), /Ife Accredited's Level 2 accreditation recorded Accredited on 20 November 2026/)
    assert.match(textOf(accredited.document.getElementById('members')), /Accredited on 20 November 2026/)
    assert.deepEqual(await row(), { accredited_on: '2026-11-20', version: versionBefore + 1 }, 'a change to the advocate’s record')

    const unticked = await modulesSaved(coordinator, cohortId, {
      shown: ife,
      completed: `${ife}:safeguarding`,
      ...dateParts('completedOn', ['24', '11', '2026']),
    })
    assert.deepEqual(errorSummary(unticked.document), [
      'Ife Accredited has a Level 2 accreditation, so “Advocacy skills and the role of the parent advocate” must stay completed',
    ])
    assert.deepEqual(errorSummaryLinks(unticked.document), [`#completed-${ife}`])

    const nobody = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, { ...dateParts('accreditedOn', ['20', '11', '2026']) })
    assert.deepEqual(errorSummary(nobody.document), ['Select who was accredited'])
    const stranger = await advocate(t, { given_name: 'Sam', family_name: 'Stranger', stage: 'accreditation' })
    const notMember = await coordinator.submit(`/programme/cohorts/${cohortId}/accreditation`, {
      advocateId: stranger,
      ...dateParts('accreditedOn', ['20', '11', '2026']),
    })
    assert.deepEqual(errorSummary(notMember.document), ['Select who was accredited from the list'])

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'programme.accredited')
      .where('record_id', '=', ife)
      .execute()
    assert.equal(audit.length, 1)
    assert.deepEqual(audit[0]?.details, { cohortId, module: 'advocacy_skills', accreditedOn: '2026-11-20', previously: null })
  })

  test('hostile input gets a GOV.UK error summary; a cohort that is not there is not found', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Hostile 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Hal', family_name: 'Hostile', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    await refusesHostileInput(
      coordinator,
      {
        url: `/programme/cohorts/${cohortId}/accreditation`,
        valid: { advocateId: member, ...dateParts('accreditedOn', ['1', '11', '2026']) },
        fields: ['advocateId', 'accreditedOn-month'],
      },
      member,
    )
    for (const id of ['not-an-id', NONEXISTENT]) {
      assert.equal((await coordinator.get(`/programme/cohorts/${id}/accreditation`)).status, 404, id)
      assert.equal((await coordinator.post(`/programme/cohorts/${id}/accreditation`, {})).status, 404, id)
    }
  })

  test('only the coordinator records accreditations, and only for their own authority’s cohorts', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Access 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Mia', family_name: 'Member', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    const body = { advocateId: member, ...dateParts('accreditedOn', ['1', '11', '2026']) }
    for (const who of NOT_COORDINATORS) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`/programme/cohorts/${cohortId}/accreditation`)).status, 403, who)
      assert.equal((await browser.post(`/programme/cohorts/${cohortId}/accreditation`, body)).status, 403, who)
    }
    const elsewhere = await coordinatorElsewhere(t)
    assert.equal((await elsewhere.get(`/programme/cohorts/${cohortId}/accreditation`)).status, 404)
    assert.equal((await elsewhere.post(`/programme/cohorts/${cohortId}/accreditation`, body)).status, 404)
    const row = await t.database.db.selectFrom('advocate').select('accredited_on').where('id', '=', member).executeTakeFirstOrThrow()
    assert.equal(row.accredited_on, null)
  })
})
