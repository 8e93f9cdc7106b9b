import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedInAs } from '../../../../test/support/workflow-steps.ts'
import { advocateUser, crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Issue 11: an advocate raises a safeguarding concern from the page of a person they work with. */
describe(`an advocate raises a concern from a person's page (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function workingWith(key: string, familyName: string) {
    const { person, advocateId } = await advocateUser(t, key, `Ava ${key}`)
    const referralId = await referralAt(t, crew, 'advocate_recorded', familyName, { advocateId })
    const allocation = await t.database.db
      .selectFrom('allocation')
      .select('id')
      .where('referral_id', '=', referralId)
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow()
    return { browser: await signedInAs(t, person), referralId, allocationId: allocation.id, userId: person.id }
  }

  test('from the person’s page: the form, 999 first; raised, it goes to the first on the list and the deputy is told, audited', async () => {
    const manager = crew.manager
    const settings = await manager.get('/admin/settings/concerns')
    await manager.submit('/admin/settings/concerns', {
      recipient1: t.world.staff.manager.id,
      recipient2: t.world.staff.otherManager.id,
      acknowledgeHours: '4',
      version: settings.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? '0',
    })
    const { browser, referralId, allocationId, userId } = await workingWith('raiser', 'Raised')
    const person = await browser.get(`/my-people/people/${allocationId}`)
    assert.equal(person.document.querySelector('.app-raise-concern a')?.getAttribute('href'), `/my-people/people/${allocationId}/concern`)
    const form = await browser.get(`/my-people/people/${allocationId}/concern`)
    assert.equal(form.status, 200)
    assert.equal(heading(form.document), 'Raise a safeguarding concern')
    assert.match(textOf(form.document.querySelector('.app-emergency')), /call 999 first/)
    const raised = await browser.submit(`/my-people/people/${allocationId}/concern`, { about: 'child', words: 'Bruises on the child’s arm at the visit.' })
    assert.match(textOf(raised.document.querySelector('.govuk-notification-banner')), /Concern raised/)
    const concern = await t.database.db.selectFrom('concern').selectAll().where('referral_id', '=', referralId).executeTakeFirstOrThrow()
    assert.equal(concern.raised_by, userId)
    assert.equal(concern.with_user_id, t.world.staff.manager.id)
    assert.equal(concern.acknowledge_by?.toISOString(), '2026-11-24T14:00:00.000Z', '4 working hours from 10:00 on a Tuesday')
    const steps = await t.database.db.selectFrom('concern_step').select(['step', 'to_user_id']).where('concern_id', '=', concern.id).orderBy('id').execute()
    assert.deepEqual(steps.map((step) => step.step).sort(), ['raised', 'sent', 'told'])
    assert.equal(steps.find((step) => step.step === 'told')?.to_user_id, t.world.staff.otherManager.id)
    const notified = await t.database.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'concern_raised')
      .where('link', '=', `/concerns/${concern.id}`)
      .execute()
    assert.deepEqual(notified.map((row) => row.user_id).sort(), [t.world.staff.manager.id, t.world.staff.otherManager.id].sort())
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'concern.raised')
      .where('record_id', '=', concern.id)
      .execute()
    assert.deepEqual(audit, [{ actor_id: userId }])
  })

  test('each error shows in the summary and nothing is raised; a post without its token is refused', async () => {
    const { browser, referralId, allocationId } = await workingWith('errors', 'Raiseerrors')
    await browser.get(`/my-people/people/${allocationId}/concern`)
    const empty = await browser.submit(`/my-people/people/${allocationId}/concern`, {})
    assert.deepEqual(errorSummary(empty.document), ['Select whose safety you are worried about', 'Enter what you saw or heard that worries you'])
    const long = await browser.submit(`/my-people/people/${allocationId}/concern`, { about: 'me', words: 'x'.repeat(4001) })
    assert.deepEqual(errorSummary(long.document), ['What worries you must be 4,000 characters or fewer'])
    assert.equal((await browser.post(`/my-people/people/${allocationId}/concern`, { about: 'me', words: 'Words' }, { withToken: false })).status, 403)
    assert.deepEqual(await t.database.db.selectFrom('concern').select('id').where('referral_id', '=', referralId).execute(), [])
  })

  test('another advocate’s person, or an id that is not an allocation, is not found; nobody but an advocate may use it', async () => {
    const mine = await workingWith('mine', 'Raisemine')
    const theirs = await workingWith('theirs', 'Raisetheirs')
    assert.equal((await mine.browser.get(`/my-people/people/${theirs.allocationId}/concern`)).status, 404)
    assert.equal((await mine.browser.post(`/my-people/people/${theirs.allocationId}/concern`, { about: 'me', words: 'Words' })).status, 404)
    assert.equal((await mine.browser.get('/my-people/people/not-an-id/concern')).status, 404)
    for (const who of [crew.referrer, crew.admin, crew.manager]) assert.equal((await who.get(`/my-people/people/${theirs.allocationId}/concern`)).status, 403)
    assert.deepEqual(await t.database.db.selectFrom('concern').select('id').where('referral_id', '=', theirs.referralId).execute(), [])
  })
})
