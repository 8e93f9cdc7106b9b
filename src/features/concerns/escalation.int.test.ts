import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { concernListSet, familyConcernRaised } from '../../../test/support/concern-steps.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * Issue 11, ADR 25: the `escalate-concerns` job on the test clock. A concern not acknowledged in time
 * passes down the authority's list, each with the same working hours again; when the list runs out it
 * goes to every service manager and stays there. Safe to run twice, and in two processes at once.
 */
describe(`a concern not acknowledged in time escalates, and is never lost (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  /** Referrals made on the first day, before the clock moves on past their meetings. */
  const made: Record<string, string> = {}
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    await concernListSet(crew.manager, [t.world.staff.manager.id, t.world.staff.otherManager.id, t.world.staff.admin.id])
    for (const name of ['Christmas', 'Intime', 'Twoprocesses', 'Passedover']) made[name] = await referralAt(t, crew, 'advocate_recorded', name)
  })
  after(async () => t.close())

  const concernOf = (id: string) =>
    t.database.db.selectFrom('concern').select(['state', 'with_user_id', 'with_every_manager', 'acknowledge_by']).where('id', '=', id).executeTakeFirstOrThrow()
  const noticesOf = async (id: string) =>
    (
      await t.database.db
        .selectFrom('notification')
        .select(['user_id', 'key'])
        .where('link', '=', `/concerns/${id}`)
        .orderBy('created_at')
        .orderBy('key')
        .execute()
    ).map((row) => `${row.key.split(':')[2]}:${row.user_id}`)
  /** Moves the clock, and signs the crew in again (a day on, their sessions have timed out). */
  const at = async (instant: string) => {
    t.clock.set(instant)
    crew = await crewOf(t)
  }
  const escalationsOf = (id: string) =>
    t.database.db.selectFrom('concern_step').select('to_user_id').where('concern_id', '=', id).where('step', '=', 'escalated').execute()
  const escalated = async () => (await t.scheduler.tick()).find((report) => report.job === 'escalate-concerns')?.done ?? 0

  test('down the list in order, in working hours, then to every service manager, where it stays at the top', async () => {
    const { manager, otherManager, admin } = t.world.staff
    await at('2026-11-24T10:00:00Z') // Tuesday
    const { concernId } = await familyConcernRaised(t, crew, 'Escalates')
    assert.deepEqual(await concernOf(concernId), {
      state: 'open',
      with_user_id: manager.id,
      with_every_manager: false,
      acknowledge_by: new Date('2026-11-24T14:00:00Z'),
    })
    assert.deepEqual(await noticesOf(concernId), [`sent:${manager.id}`, `told:${otherManager.id}`])

    await at('2026-11-24T13:59:00Z')
    assert.equal(await escalated(), 0, 'not yet')
    await at('2026-11-24T14:00:00Z')
    assert.equal(await escalated(), 1)
    assert.equal(await t.services.concerns.staff.escalateOverdueConcerns(), 0, 'run twice, it passes nothing on twice')
    // To the deputy, with 4 working hours again: 3 on Tuesday, 1 on Wednesday.
    assert.deepEqual(await concernOf(concernId), {
      state: 'open',
      with_user_id: otherManager.id,
      with_every_manager: false,
      acknowledge_by: new Date('2026-11-25T10:00:00Z'),
    })
    const deputy = await signedIn(t, 'otherManager')
    assert.equal((await deputy.get('/')).document.querySelector('#concerns-waiting a')?.getAttribute('href'), `/concerns/${concernId}`)

    await at('2026-11-25T10:00:00Z')
    assert.equal(await escalated(), 1)
    assert.equal((await concernOf(concernId)).with_user_id, admin.id, 'then the next on the list')
    assert.equal((await crew.admin.get(`/concerns/${concernId}`)).status, 200, 'who can now read it')

    await at('2026-11-25T14:00:00Z')
    assert.equal(await escalated(), 1)
    assert.deepEqual(await concernOf(concernId), { state: 'open', with_user_id: null, with_every_manager: true, acknowledge_by: null })
    assert.deepEqual(await noticesOf(concernId), [
      `sent:${manager.id}`,
      `told:${otherManager.id}`,
      `escalated:${otherManager.id}`,
      `escalated:${admin.id}`,
      ...[`every:${manager.id}`, `every:${otherManager.id}`].sort(),
    ])
    await at('2026-12-02T14:00:00Z')
    assert.equal(await t.services.concerns.staff.escalateOverdueConcerns(), 0, 'with every manager, nothing more to pass on')
    for (const who of ['manager', 'otherManager'] as const) {
      const work = await (await signedIn(t, who)).get('/')
      assert.equal(work.document.querySelector('main h1')?.nextElementSibling?.id, 'concerns-waiting', `still at the top of ${who}'s work`)
      assert.match(work.document.querySelector('#concerns-waiting')?.textContent ?? '', /Every service manager/)
    }
    const page = await crew.manager.get(`/concerns/${concernId}`)
    assert.ok(page.document.querySelector('form[action$="/acknowledge"]'), 'any service manager may now acknowledge it')
    const steps = await t.database.db.selectFrom('concern_step').select('step').where('concern_id', '=', concernId).orderBy('id').execute()
    assert.deepEqual(
      steps.map((row) => row.step),
      ['raised', 'sent', 'told', 'escalated', 'escalated', 'every_manager'],
    )
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'concern.escalated')
      .where('record_id', '=', concernId)
      .execute()
    assert.equal(audit.length, 3)
  })

  test('over Christmas the clock stops on bank holidays and at the weekend', async () => {
    await at('2026-12-24T15:00:00Z') // Thursday, Christmas Eve
    const { concernId } = await familyConcernRaised(t, crew, { referralId: made['Christmas'] ?? '' })
    assert.equal((await concernOf(concernId)).acknowledge_by?.toISOString(), '2026-12-29T11:00:00.000Z')
    await at('2026-12-28T16:00:00Z') // the Boxing Day bank holiday (substitute)
    assert.equal(await t.services.concerns.staff.escalateOverdueConcerns(), 0)
    await at('2026-12-29T11:00:00Z')
    assert.equal(await t.services.concerns.staff.escalateOverdueConcerns(), 1)
  })

  test('acknowledged in time, it goes nowhere', async () => {
    await at('2027-01-05T10:00:00Z')
    const { concernId } = await familyConcernRaised(t, crew, { referralId: made['Intime'] ?? '' })
    const page = await crew.manager.get(`/concerns/${concernId}`)
    const version = page.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''
    assert.equal((await crew.manager.post(`/concerns/${concernId}/acknowledge`, { plan: 'On it', version })).status, 303)
    await at('2027-01-06T10:00:00Z')
    await t.services.concerns.staff.escalateOverdueConcerns()
    assert.equal((await concernOf(concernId)).state, 'acknowledged')
    assert.deepEqual(await escalationsOf(concernId), [])
  })

  test('two processes at once pass each concern on once', async () => {
    await at('2027-01-07T10:00:00Z')
    const { concernId } = await familyConcernRaised(t, crew, { referralId: made['Twoprocesses'] ?? '' })
    await at('2027-01-07T14:00:00Z')
    const [a, b] = await Promise.all([t.services.concerns.staff.escalateOverdueConcerns(), t.services.concerns.staff.escalateOverdueConcerns()])
    // Others still waiting from earlier tests are passed on too: what matters is each once.
    const passed = await t.database.db
      .selectFrom('concern_step')
      .select('concern_id')
      .where('step', 'in', ['escalated', 'every_manager'])
      .where('at', '=', new Date('2027-01-07T14:00:00Z'))
      .execute()
    assert.equal(passed.length, a + b)
    assert.equal(new Set(passed.map((row) => row.concern_id)).size, passed.length, 'no concern passed on twice')
    assert.equal((await escalationsOf(concernId)).length, 1)
  })

  test('someone removed from the list, or whose account is closed, is passed over: never waited for', async () => {
    await at('2027-01-08T10:00:00Z')
    const { concernId } = await familyConcernRaised(t, crew, { referralId: made['Passedover'] ?? '' })
    await t.database.db.updateTable('app_user').set({ active: false }).where('id', '=', t.world.staff.otherManager.id).execute()
    await at('2027-01-08T14:00:00Z')
    await t.services.concerns.staff.escalateOverdueConcerns()
    assert.equal((await escalationsOf(concernId)).length, 1)
    assert.equal((await concernOf(concernId)).with_user_id, t.world.staff.admin.id)
    await t.database.db.updateTable('app_user').set({ active: true }).where('id', '=', t.world.staff.otherManager.id).execute()
  })
})
