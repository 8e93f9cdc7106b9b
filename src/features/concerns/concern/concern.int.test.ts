import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { concernListSet, familyConcernRaised } from '../../../../test/support/concern-steps.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'
import { crewOf, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 11: a concern at the top of the work of those it reached; the person it is with acknowledges
 * it (what they will do), then closes it (what was done); two at once, one wins; nobody else sees it;
 * nothing deletes it.
 */
describe(`a safeguarding concern, acknowledged and closed (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    await concernListSet(crew.manager, [t.world.staff.manager.id, t.world.staff.otherManager.id])
  })
  after(async () => t.close())

  test('it is at the top of the first person’s work and the deputy’s; she reads it, acknowledges it, then closes it, every step audited', async () => {
    const { concernId, family } = await familyConcernRaised(t, crew, 'Acknowledged', { about: 'child', words: 'My ex came to the house.' })
    const work = await crew.manager.get('/')
    const top = work.document.querySelector('main h1')?.nextElementSibling
    assert.equal(top?.id, 'concerns-waiting', 'concerns come first')
    assert.equal(top?.querySelector('a')?.getAttribute('href'), `/concerns/${concernId}`)
    assert.match(textOf(top), /To acknowledge by 24 November 2026 at 2(:00)?pm/i)
    const deputy = await signedIn(t, 'otherManager')
    assert.equal(
      (await deputy.get('/')).document.querySelector('#concerns-waiting a')?.getAttribute('href'),
      `/concerns/${concernId}`,
      'the deputy sees it too',
    )

    const page = await crew.manager.get(`/concerns/${concernId}`)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Safeguarding concern')
    assert.match(textOf(page.document), /My ex came to the house\./)
    const empty = await crew.manager.submit(`/concerns/${concernId}/acknowledge`, { plan: '', version: versionOn(page.html) })
    assert.deepEqual(errorSummary(empty.document), ['Enter what you will do about this concern'])
    assert.equal(
      (await crew.manager.post(`/concerns/${concernId}/acknowledge`, { plan: 'Call her', version: versionOn(page.html) }, { withToken: false })).status,
      403,
    )

    const acknowledged = await crew.manager.submit(`/concerns/${concernId}/acknowledge`, {
      plan: 'Call her today and talk to her social worker.',
      version: versionOn(page.html),
    })
    assert.match(textOf(acknowledged.document.querySelector('.govuk-notification-banner')), /Concern acknowledged/)
    assert.equal(textOf(acknowledged.document.querySelector('[data-concern-state]')), 'Acknowledged')
    assert.equal(
      textOf((await family.get('/your-advocacy/concern')).document.querySelector('[data-your-concerns] [data-concern-state]')),
      'Someone has read it. They are doing something about it.',
      'the person sees it was read, not what staff wrote',
    )
    const closed = await crew.manager.submit(`/concerns/${concernId}/close`, {
      outcome: 'Spoke to her; referral made to children’s services.',
      version: versionOn(acknowledged.html),
    })
    assert.match(textOf(closed.document.querySelector('.govuk-notification-banner')), /Concern closed/)
    assert.equal(closed.document.querySelector('form[action$="/close"]'), null)
    assert.equal(textOf((await family.get('/your-advocacy/concern')).document.querySelector('[data-concern-state]')), 'This is done.')
    const steps = [...closed.document.querySelectorAll('[data-concern-steps] li')].map(textOf)
    assert.equal(steps.length, 5)
    assert.match(steps[3] ?? '', /Acknowledged by Manny Manager/)
    assert.match(steps[4] ?? '', /Closed by Manny Manager/)
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', concernId).orderBy('id').execute()
    for (const action of ['concern.raised', 'concern.viewed', 'concern.acknowledged', 'concern.closed'])
      assert.ok(
        audit.some((row) => row.action === action),
        action,
      )
    assert.equal((await crew.manager.get('/')).document.querySelector('#concerns-waiting'), null, 'a closed concern leaves the worktray')
  })

  test('two people acknowledge at once: one wins, the other is told who did, and nothing of theirs is kept', async () => {
    const { concernId } = await familyConcernRaised(t, crew, 'Twoatonce')
    const deputy = await signedIn(t, 'otherManager')
    const first = await crew.manager.get(`/concerns/${concernId}`)
    const second = await deputy.get(`/concerns/${concernId}`)
    const won = await crew.manager.submit(`/concerns/${concernId}/acknowledge`, { plan: 'I will call her.', version: versionOn(first.html) })
    assert.match(textOf(won.document.querySelector('.govuk-notification-banner')), /Concern acknowledged/)
    const lost = await deputy.submit(`/concerns/${concernId}/acknowledge`, { plan: 'I will visit.', version: versionOn(second.html) })
    assert.match(errorSummary(lost.document)[0] ?? '', /Manny Manager saved a change .* after you opened this page/)
    const row = await t.database.db.selectFrom('concern').select(['plan', 'acknowledged_by']).where('id', '=', concernId).executeTakeFirstOrThrow()
    assert.deepEqual(row, { plan: 'I will call her.', acknowledged_by: t.world.staff.manager.id })
    const acknowledgements = await t.database.db
      .selectFrom('concern_step')
      .select('id')
      .where('concern_id', '=', concernId)
      .where('step', '=', 'acknowledged')
      .execute()
    assert.equal(acknowledgements.length, 1)

    // And truly at the same moment: exactly one acknowledgement is kept.
    const { concernId: racedId } = await familyConcernRaised(t, crew, 'Raced')
    const [a, b] = [await crew.manager.get(`/concerns/${racedId}`), await deputy.get(`/concerns/${racedId}`)]
    const answers = await Promise.all([
      crew.manager.post(`/concerns/${racedId}/acknowledge`, { plan: 'Mine', version: versionOn(a.html) }),
      deputy.post(`/concerns/${racedId}/acknowledge`, { plan: 'Theirs', version: versionOn(b.html) }),
    ])
    assert.ok(answers.every((answer) => answer.status === 303))
    const raced = await t.database.db.selectFrom('concern_step').select('note').where('concern_id', '=', racedId).where('step', '=', 'acknowledged').execute()
    assert.equal(raced.length, 1)
  })

  test('nobody else may read it or act on it (not found), the list is for managers and the people on it, and hostile answers never crash', async () => {
    const { concernId } = await familyConcernRaised(t, crew, 'Private')
    const elsewhere = await signedInAs(t, t.world.elsewhere.manager)
    for (const [who, browser] of [
      ['referrer', crew.referrer],
      ['admin', crew.admin],
      ['advocate', await signedIn(t, 'advocate')],
      ['coordinator', await signedIn(t, 'coordinator')],
      ['analyst', await signedIn(t, 'analyst')],
      ['sysadmin', await signedIn(t, 'sysadmin')],
      ['elsewhere manager', elsewhere],
    ] as const) {
      assert.equal((await browser.get(`/concerns/${concernId}`)).status, 404, who)
      assert.equal((await browser.post(`/concerns/${concernId}/acknowledge`, { plan: 'Mine now', version: '1' })).status, 404, who)
      assert.ok([403, 200].includes((await browser.get('/concerns')).status), who)
      assert.ok(!(await browser.get('/')).html.includes(concernId), `${who}'s worktray does not show it`)
    }
    assert.equal((await crew.admin.get('/concerns')).status, 403, 'an admin not on the list')
    assert.equal((await elsewhere.get('/concerns')).document.querySelectorAll('[data-concerns] tbody tr').length, 0, 'another authority sees none of ours')
    const list = await crew.manager.get('/concerns')
    assert.ok([...list.document.querySelectorAll('[data-concerns] a')].some((link) => link.getAttribute('href') === `/concerns/${concernId}`))
    assert.equal((await crew.manager.get('/concerns/not-an-id')).status, 404)

    const page = await crew.manager.get(`/concerns/${concernId}`)
    for (const body of [
      { plan: ['a', 'b'], version: versionOn(page.html) },
      { plan: '<script>alert(1)</script>', version: 'x'.repeat(5000) },
      { plan: 'x'.repeat(10_000), version: versionOn(page.html) },
      { plan: '\u0000\u0007', version: '-1' },
    ]) {
      const answer = await crew.manager.post(`/concerns/${concernId}/acknowledge`, body)
      assert.ok(answer.status < 500, `${JSON.stringify(body).slice(0, 40)}: ${answer.status}`)
    }
    const shown = await crew.manager.get(`/concerns/${concernId}`)
    assert.ok(!shown.html.includes('<script>alert(1)</script>'))
    assert.equal((await t.database.db.selectFrom('concern').select('state').where('id', '=', concernId).executeTakeFirstOrThrow()).state, 'open')
  })

  test('an advocacy admin put on the list reads the concerns that reach her', async () => {
    await concernListSet(crew.manager, [t.world.staff.admin.id, t.world.staff.manager.id])
    const { concernId } = await familyConcernRaised(t, crew, 'Adminlist')
    assert.equal((await crew.admin.get(`/concerns/${concernId}`)).status, 200)
    assert.equal((await crew.admin.get('/concerns')).status, 200)
    assert.equal((await crew.admin.get('/')).document.querySelector('#concerns-waiting a')?.getAttribute('href'), `/concerns/${concernId}`)
    await concernListSet(crew.manager, [t.world.staff.manager.id, t.world.staff.otherManager.id])
  })

  test('the database refuses to delete a concern, to change one once closed or what was raised, and to change or delete a step', async () => {
    const { concernId } = await familyConcernRaised(t, crew, 'Undeletable', { words: 'Keep me' })
    const db = t.database.db
    await assert.rejects(sql`delete from concern where id = ${concernId}`.execute(db), /never deleted/)
    await assert.rejects(sql`update concern set words = 'changed' where id = ${concernId}`.execute(db), /keeps what was raised/)
    await assert.rejects(sql`delete from concern_step where concern_id = ${concernId}`.execute(db), /never deleted/)
    await assert.rejects(sql`update concern_step set note = 'changed' where concern_id = ${concernId}`.execute(db), /never deleted/)
    await sql`update concern set state = 'closed', outcome = 'done' where id = ${concernId}`.execute(db)
    await assert.rejects(sql`update concern set state = 'open' where id = ${concernId}`.execute(db), /closed concern does not change/)
    assert.equal((await db.selectFrom('concern').select('words').where('id', '=', concernId).executeTakeFirstOrThrow()).words, 'Keep me')
  })
})
