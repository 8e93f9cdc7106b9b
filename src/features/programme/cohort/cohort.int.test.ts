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
  NONEXISTENT,
  NOT_COORDINATORS,
  refusesHostileInput,
  sectionText,
} from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`one cohort, and its members (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('parent peer advocates who have not left are added, once; taken out, what they did is kept', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Winter 2026', ['3', '11', '2026'])
    const amira = await advocate(t, { given_name: 'Amira', family_name: 'Attendee', stage: 'training' })
    const bea = await advocate(t, { given_name: 'Bea', family_name: 'Absent', stage: 'training' })
    const gone = await advocate(t, { given_name: 'Lena', family_name: 'Leftalready', stage: 'left' })
    const professional = await advocate(t, { given_name: 'Pat', family_name: 'Professional', stage: 'active', kind: 'professional_advocate' })

    const page = await coordinator.get(`/programme/cohorts/${cohortId}`)
    assert.equal(textOf(page.document.querySelector(`option[value="${amira}"]`)), 'Amira Attendee (Training)')
    assert.equal(page.document.querySelector(`option[value="${gone}"]`), null, 'someone who has left cannot be added')
    assert.equal(page.document.querySelector(`option[value="${professional}"]`), null, 'professional advocates do not train in cohorts')
    assert.match(textOf(page.document), /Progress Week 4 of 8/)

    assert.match(bannerOf(await addMember(coordinator, cohortId, amira)), /Amira Attendee added to the cohort/)
    await addMember(coordinator, cohortId, bea)
    const refusedLeft = await addMember(coordinator, cohortId, gone)
    assert.deepEqual(errorSummary(refusedLeft.document), ['Select who to add to the cohort from the list'])
    const nobody = await coordinator.submit(`/programme/cohorts/${cohortId}`, { advocateId: '' })
    assert.deepEqual(errorSummary(nobody.document), ['Select who to add to the cohort'])
    const twice = await coordinator.post(`/programme/cohorts/${cohortId}`, { advocateId: amira })
    assert.deepEqual(errorSummary((await coordinator.open(twice.location ?? '')).document), ['Amira Attendee is already in this cohort'])
    assert.match(sectionText((await coordinator.get(`/programme/cohorts/${cohortId}`)).document, 'members'), /Bea Absent .*Amira Attendee/, 'by family name')

    const removed = await coordinator.post(`/programme/cohorts/${cohortId}/members/${bea}/remove`, {})
    const after = await coordinator.open(removed.location ?? '')
    assert.match(bannerOf(after), /Bea Absent taken out of the cohort The sessions they attended and the modules they completed are kept\./)
    assert.doesNotMatch(sectionText(after.document, 'members'), /Bea Absent/)
    assert.ok(after.document.querySelector(`option[value="${bea}"]`), 'they can be added again')
    assert.equal((await coordinator.post(`/programme/cohorts/${cohortId}/members/${bea}/remove`, {})).status, 404, 'not a member any more')

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('record_id', '=', cohortId)
      .where('action', 'like', 'programme.cohort-member-%')
      .orderBy('id')
      .execute()
    assert.deepEqual(audit, [
      { action: 'programme.cohort-member-added', details: { advocateId: amira } },
      { action: 'programme.cohort-member-added', details: { advocateId: bea } },
      { action: 'programme.cohort-member-removed', details: { advocateId: bea } },
    ])
  })

  test('hostile input gets a GOV.UK error summary; a cohort or member that is not there is not found', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Hostile 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Hal', family_name: 'Hostile', stage: 'training' })
    await refusesHostileInput(coordinator, { url: `/programme/cohorts/${cohortId}`, valid: { advocateId: member }, fields: ['advocateId'] }, member)
    for (const id of ['not-an-id', NONEXISTENT, `${cohortId}x`, "1' or '1'='1"]) {
      assert.equal((await coordinator.get(`/programme/cohorts/${encodeURIComponent(id)}`)).status, 404, id)
      assert.equal((await coordinator.post(`/programme/cohorts/${encodeURIComponent(id)}`, {})).status, 404, `post ${id}`)
      assert.equal((await coordinator.post(`/programme/cohorts/${cohortId}/members/${encodeURIComponent(id)}/remove`, {})).status, 404, `remove ${id}`)
      assert.equal((await coordinator.post(`/programme/cohorts/${encodeURIComponent(id)}/members/${member}/remove`, {})).status, 404, `remove from ${id}`)
    }
  })

  test('only the coordinator may open a cohort or change who is in it, and only their own authority’s', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const cohortId = await cohortMade(coordinator, 'Access 2026', ['2', '11', '2026'])
    const member = await advocate(t, { given_name: 'Mia', family_name: 'Member', stage: 'training' })
    const other = await advocate(t, { given_name: 'Otto', family_name: 'Other', stage: 'training' })
    await addMember(coordinator, cohortId, member)
    const members = async () =>
      (await t.database.db.selectFrom('cohort_member').select('advocate_id').where('cohort_id', '=', cohortId).execute()).map((row) => row.advocate_id)
    for (const who of NOT_COORDINATORS) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`/programme/cohorts/${cohortId}`)).status, 403, who)
      assert.equal((await browser.post(`/programme/cohorts/${cohortId}`, { advocateId: other })).status, 403, who)
      assert.equal((await browser.post(`/programme/cohorts/${cohortId}/members/${member}/remove`, {})).status, 403, who)
    }
    const elsewhere = await coordinatorElsewhere(t)
    assert.equal((await elsewhere.get(`/programme/cohorts/${cohortId}`)).status, 404)
    assert.equal((await elsewhere.post(`/programme/cohorts/${cohortId}`, { advocateId: other })).status, 404)
    assert.equal((await elsewhere.post(`/programme/cohorts/${cohortId}/members/${member}/remove`, {})).status, 404)
    assert.deepEqual(await members(), [member], 'nothing changed')
  })
})
