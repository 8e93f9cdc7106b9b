import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { errorSummary, textOf, type Browser } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { localService, offerOn, worldAdvocate } from '../../../test/support/pool.ts'
import { completeSectionOne, versionOn } from '../../../test/support/referral-steps.ts'
import { crewOf, emptyDraft, referralAt, signedInAs, validMeeting, validOutcome, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * The audit trail: every view and change of a referral is recorded, as whose and of which record;
 * every workflow step as `referral.<event>`; and the trail cannot be rewritten.
 */

interface Row {
  readonly id: number
  readonly action: string
  readonly actor_id: string | null
  readonly authority_id: string | null
  readonly record_type: string
  readonly record_id: string | null
  readonly ip: string | null
  readonly details: Record<string, unknown>
}

describe(`the audit trail (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  /** The pool's record of the world's advocate, who answers offers with their own sign-in. */
  let avrilId: string

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    avrilId = await worldAdvocate(t)
  })
  after(async () => t.close())

  async function rowsFor(recordId: string): Promise<Row[]> {
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['id', 'action', 'actor_id', 'authority_id', 'record_type', 'record_id', 'ip', 'details'])
      .where('record_id', '=', recordId)
      .orderBy('id')
      .execute()
    return rows.map((row) => ({ ...row, id: Number(row.id) }))
  }

  async function take(browser: Browser, path: string, form: Record<string, string | readonly string[]>, expected: string): Promise<void> {
    await browser.get(path)
    const page = await browser.post(path, form)
    if (page.location !== expected)
      assert.fail(`${path}: ${page.status} ${page.location ?? ''} ${JSON.stringify(errorSummary((await browser.get(path)).html))}`)
  }

  test('viewing a referral writes referral.viewed, with who viewed it and which referral, once per page seen', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin')
    const viewed = async () => (await rowsFor(id)).filter((row) => row.action === 'referral.viewed')

    const before = (await viewed()).length
    assert.equal((await crew.admin.get(`/referrals/${id}`)).status, 200)
    const afterOne = await viewed()
    assert.equal(afterOne.length, before + 1)
    const row = afterOne.at(-1)
    assert.ok(row)
    assert.equal(row.actor_id, t.world.staff.admin.id)
    assert.equal(row.authority_id, t.world.authorityId)
    assert.equal(row.record_type, 'referral')
    assert.equal(row.record_id, id)
    assert.ok(row.ip, 'where it was viewed from')

    assert.equal((await crew.manager.get(`/referrals/${id}/withdraw`)).status, 200)
    const afterTwo = await viewed()
    assert.equal(afterTwo.length, before + 2, 'a step page is a view of the referral too')
    assert.equal(afterTwo.at(-1)?.actor_id, t.world.staff.manager.id)

    // Someone refused the page has not viewed it, and the trail does not say they did.
    const outsider = await signedInAs(t, t.world.staff.otherReferrer)
    assert.equal((await outsider.get(`/referrals/${id}`)).status, 404)
    const afterRefused = await viewed()
    assert.equal(afterRefused.length, before + 2)
    assert.ok(!afterRefused.some((entry) => entry.actor_id === t.world.staff.otherReferrer.id))
  })

  test('every workflow step writes referral.<event>, as the person who took it, with where the referral went', async () => {
    const { referrer, admin, manager } = crew
    const { staff } = t.world
    const id = await emptyDraft(referrer)
    const base = `/referrals/${id}`
    await take(referrer, `${base}/person/new`, { givenName: 'Audrey', familyName: 'Audited' }, `${base}/children`)
    await take(referrer, `${base}/children/new`, { givenName: 'Ali', familyName: 'Audited' }, `${base}/children`)
    await take(referrer, `${base}/meeting`, { ...validMeeting, version: '' }, `${base}/section-1`)
    const sectionOne = await referrer.get(`${base}/section-1`)
    await take(
      referrer,
      `${base}/section-1`,
      { ...completeSectionOne, reason: 'A reason that must not be in the audit trail', version: versionOn(sectionOne.html) },
      `${base}/check`,
    )
    await take(referrer, `${base}/check`, { note: 'A note that must not be in the audit trail' }, `${base}/sent`)
    const reschedule = await referrer.get(`${base}/reschedule`)
    await take(
      referrer,
      `${base}/reschedule`,
      { 'date-day': '16', 'date-month': '12', 'date-year': '2026', time: '11am', venue: 'Civic Centre', version: versionOn(reschedule.html) },
      base,
    )
    await take(admin, `${base}/pass-to-manager`, { managerId: staff.manager.id }, '/team-work')
    await take(manager, `${base}/return`, { note: 'Which language?' }, '/')
    await take(referrer, `${base}/check`, { note: 'Spanish' }, base)
    await take(
      manager,
      `${base}/decision`,
      {
        nextAction: 'child_protection_advocacy_review',
        reasons: 'Reasons that must not be in the audit trail',
        advocateType: 'parent_peer_advocate',
        priority: 'high',
      },
      base,
    )
    const consent = await admin.get(`${base}/consent`)
    await take(
      admin,
      `${base}/consent`,
      { method: 'written', 'date-day': '20', 'date-month': '11', 'date-year': '2026', version: versionOn(consent.html) },
      base,
    )
    // The offer, declined by the advocate; offered again, accepted; their work with the person; then the advocate changed, and a local service found.
    const avril = await signedInAs(t, staff.advocate)
    await take(admin, `${base}/matches`, { advocateId: avrilId }, base)
    const declined = await offerOn(t, id)
    await take(
      avril,
      `/my-people/offers/${declined}`,
      { answer: 'decline', reason: 'A reason for declining that must not be in the audit trail' },
      '/my-people',
    )
    await take(admin, `${base}/matches`, { advocateId: avrilId }, base)
    const accepted = await offerOn(t, id)
    const person = `/my-people/people/${accepted}`
    await take(avril, `/my-people/offers/${accepted}`, { answer: 'accept' }, person)
    await take(
      avril,
      `${person}/contacts`,
      {
        'contactedOn-day': '23',
        'contactedOn-month': '11',
        'contactedOn-year': '2026',
        method: 'phone',
        minutes: '20',
        notes: 'Contact notes that must not be in the audit trail',
      },
      person,
    )
    await take(
      avril,
      `${person}/views`,
      {
        views: 'Views that must not be in the audit trail',
        agreed: 'yes',
        'agreedOn-day': '24',
        'agreedOn-month': '11',
        'agreedOn-year': '2026',
        version: '0',
      },
      person,
    )
    await admin.get(base)
    assert.equal((await admin.post(`${base}/share-views`, {})).location, base, 'the views are shared')
    await take(admin, `${base}/change-advocate`, { reason: 'A reason for the change that must not be in the audit trail' }, `${base}/matches`)
    const service = await localService(t, { name: 'Audited Local Service' })
    await take(admin, `${base}/triage`, { localServiceId: service, note: 'A triage note that must not be in the audit trail' }, base)
    const outcome = await admin.get(`${base}/outcome`)
    await take(admin, `${base}/outcome`, { ...validOutcome, version: versionOn(outcome.html) }, base)
    await take(admin, `${base}/sign-off-request`, { managerId: staff.manager.id }, '/team-work')
    await take(manager, `${base}/sign-off`, { nextAction: 'return', note: 'Add the hours' }, '/')
    await take(admin, `${base}/sign-off-request`, { managerId: staff.manager.id }, '/team-work')
    await take(manager, `${base}/sign-off`, { nextAction: 'advocacy_completed' }, base)

    const steps: readonly (readonly [string, string, string | null, string | null])[] = [
      ['referral.started', staff.referrer.id, null, null],
      ['referral.save_referral', staff.referrer.id, 'draft', 'draft'],
      ['referral.save_referral', staff.referrer.id, 'draft', 'draft'],
      ['referral.section-1-saved', staff.referrer.id, null, null],
      ['referral.send_request', staff.referrer.id, 'draft', 'awaiting_admin'],
      ['referral.reschedule', staff.referrer.id, 'awaiting_admin', 'awaiting_admin'],
      ['referral.pass_to_manager', staff.admin.id, 'awaiting_admin', 'awaiting_decision'],
      ['referral.return_for_information', staff.manager.id, 'awaiting_decision', 'returned'],
      ['referral.resubmit', staff.referrer.id, 'returned', 'awaiting_decision'],
      ['referral.decide_review', staff.manager.id, 'awaiting_decision', 'in_review'],
      ['referral.record_consent', staff.admin.id, 'in_review', 'in_review'],
      ['referral.offer', staff.admin.id, 'in_review', 'awaiting_advocate'],
      ['referral.decline_offer', staff.advocate.id, 'awaiting_advocate', 'in_review'],
      ['referral.offer', staff.admin.id, 'in_review', 'awaiting_advocate'],
      ['referral.accept_offer', staff.advocate.id, 'awaiting_advocate', 'in_review'],
      ['advocacy.contact-recorded', staff.advocate.id, null, null],
      ['advocacy.views-saved', staff.advocate.id, null, null],
      ['advocacy.views-shared', staff.admin.id, null, null],
      ['referral.end_allocation', staff.admin.id, 'in_review', 'in_review'],
      ['referral.triage', staff.admin.id, 'in_review', 'in_review'],
      ['referral.record_outcome', staff.admin.id, 'in_review', 'in_review'],
      ['referral.request_sign_off', staff.admin.id, 'in_review', 'awaiting_sign_off'],
      ['referral.return_outcome', staff.manager.id, 'awaiting_sign_off', 'in_review'],
      ['referral.request_sign_off', staff.admin.id, 'in_review', 'awaiting_sign_off'],
      ['referral.complete', staff.manager.id, 'awaiting_sign_off', 'completed'],
    ]
    const rows = (await rowsFor(id)).filter((row) => row.action !== 'referral.viewed')
    // Each step, in the order taken (other entries, such as the children being changed, may sit between them).
    let from = 0
    for (const [action, actor, fromState, toState] of steps) {
      const index = rows.findIndex((row, position) => position >= from && row.action === action)
      assert.ok(
        index >= 0,
        `${action} is recorded (after entry ${from}); recorded: ${rows
          .slice(from)
          .map((row) => row.action)
          .join(', ')}`,
      )
      const row = rows[index]
      assert.ok(row)
      assert.equal(row.actor_id, actor, `${action} is recorded as its actor's`)
      assert.equal(row.authority_id, t.world.authorityId)
      assert.equal(row.record_type, 'referral')
      if (fromState) assert.deepEqual([row.details['from'], row.details['to']], [fromState, toState], `${action} says where the referral went`)
      from = index + 1
    }

    // The timeline and the trail agree: every step on the timeline has its audit entry, by the same person.
    const timeline = await t.database.db.selectFrom('referral_event').select(['event', 'actor_id']).where('referral_id', '=', id).orderBy('id').execute()
    for (const event of timeline.filter((entry) => entry.event !== 'start')) {
      assert.ok(
        rows.some((row) => row.action === `referral.${event.event}` && row.actor_id === event.actor_id),
        `the timeline's ${event.event} is in the audit trail`,
      )
    }
    assert.equal(rows.filter((row) => row.action === 'referral.request_sign_off').length, 2, 'each time a step is taken, it is recorded')
    assert.equal(rows.filter((row) => row.action === 'referral.offer').length, 2, 'each offer is recorded')

    // The answers name the offer they answer, and say the advocate gave them themselves.
    const answers = rows.filter((row) => row.action === 'referral.decline_offer' || row.action === 'referral.accept_offer')
    assert.deepEqual(
      answers.map((row) => [row.action, row.details['allocationId'], row.details['onBehalf']]),
      [
        ['referral.decline_offer', declined, false],
        ['referral.accept_offer', accepted, false],
      ],
    )
    assert.deepEqual(
      rows.filter((row) => row.action === 'referral.offer').map((row) => row.details['advocateId']),
      [avrilId, avrilId],
      'each offer says whom it was made to',
    )
    assert.equal(rows.find((row) => row.action === 'referral.triage')?.details['localServiceId'], service)
    assert.equal(rows.find((row) => row.action === 'referral.end_allocation')?.details['allocationId'], accepted)

    // The trail records facts, not the case's content.
    const details = JSON.stringify((await rowsFor(id)).map((row) => row.details))
    for (const personal of ['Audrey', 'Audited', 'must not be in the audit trail', 'Which language', 'Spanish', 'Lucia', 'Avril', 'Add the hours']) {
      assert.ok(!details.includes(personal), `the audit details hold no "${personal}"`)
    }
  })

  test('withdrawal and No Further Action are recorded too', async () => {
    const withdrawn = await referralAt(t, crew, 'awaiting_admin')
    await take(crew.referrer, `/referrals/${withdrawn}/withdraw`, { reason: 'meeting_cancelled' }, '/')
    const ended = await referralAt(t, crew, 'awaiting_decision')
    await take(crew.manager, `/referrals/${ended}/decision`, { nextAction: 'no_further_action', reasons: 'Already has an advocate' }, `/referrals/${ended}`)

    const withdrawal = (await rowsFor(withdrawn)).find((row) => row.action === 'referral.withdraw')
    assert.equal(withdrawal?.actor_id, t.world.staff.referrer.id)
    assert.deepEqual(withdrawal?.details, { from: 'awaiting_admin', to: 'withdrawn', reason: 'meeting_cancelled' })
    const decision = (await rowsFor(ended)).find((row) => row.action === 'referral.decide_no_further_action')
    assert.equal(decision?.actor_id, t.world.staff.manager.id)
    assert.deepEqual([decision?.details['from'], decision?.details['to']], ['awaiting_decision', 'no_further_action'])
  })

  test("an offer's answer recorded by the admin is recorded as the admin's, on the advocate's behalf", async () => {
    const id = await referralAt(t, crew, 'awaiting_advocate', 'Behalf')
    const declined = await offerOn(t, id)
    await take(crew.admin, `/referrals/${id}/offer`, { answer: 'decline', reason: 'Away that week, said on the phone' }, `/referrals/${id}`)
    await take(crew.admin, `/referrals/${id}/matches`, { advocateId: avrilId }, `/referrals/${id}`)
    const accepted = await offerOn(t, id)
    await take(crew.admin, `/referrals/${id}/offer`, { answer: 'accept' }, `/referrals/${id}`)

    const rows = (await rowsFor(id)).filter((row) => ['referral.offer', 'referral.decline_offer', 'referral.accept_offer'].includes(row.action))
    assert.deepEqual(
      rows.map((row) => [
        row.action,
        row.actor_id,
        row.details['from'],
        row.details['to'],
        row.details['allocationId'] ?? null,
        row.details['onBehalf'] ?? null,
      ]),
      [
        ['referral.offer', t.world.staff.admin.id, 'in_review', 'awaiting_advocate', null, null],
        ['referral.decline_offer', t.world.staff.admin.id, 'awaiting_advocate', 'in_review', declined, true],
        ['referral.offer', t.world.staff.admin.id, 'in_review', 'awaiting_advocate', null, null],
        ['referral.accept_offer', t.world.staff.admin.id, 'awaiting_advocate', 'in_review', accepted, true],
      ],
    )
    assert.ok(!JSON.stringify(rows.map((row) => row.details)).includes('Away that week'), 'the reason is not in the audit details')
  })

  test('a step that is refused writes no audit entry', async () => {
    const id = await referralAt(t, crew, 'awaiting_decision')
    const before = (await rowsFor(id)).filter((row) => row.action !== 'referral.viewed')
    await crew.referrer.get(`/referrals/${id}`)
    const page = await crew.referrer.post(`/referrals/${id}/decision`, { nextAction: 'no_further_action', reasons: 'Deciding my own referral' })
    assert.ok(page.status === 403 || page.location === `/referrals/${id}/decision`, `refused: ${page.status}`)
    const outsider = await signedInAs(t, t.world.elsewhere.admin)
    assert.equal((await outsider.post(`/referrals/${id}/withdraw`, { reason: 'made_in_error' })).status, 404)
    assert.deepEqual(
      (await rowsFor(id)).filter((row) => row.action !== 'referral.viewed'),
      before,
    )
  })

  describe('is append-only', () => {
    let target: Row

    before(async () => {
      const id = await referralAt(t, crew, 'draft')
      const first = (await rowsFor(id))[0]
      assert.ok(first)
      target = first
    })

    async function unchanged(): Promise<void> {
      const row = await t.database.db.selectFrom('audit_event').select(['action', 'actor_id', 'record_id']).where('id', '=', target.id).executeTakeFirst()
      assert.deepEqual(row, { action: target.action, actor_id: target.actor_id, record_id: target.record_id })
    }

    test('an UPDATE is refused by the database', async () => {
      const db = t.database.db
      await assert.rejects(sql`update audit_event set action = 'tampered' where id = ${target.id}`.execute(db), /append-only/)
      await assert.rejects(db.updateTable('audit_event').set({ actor_id: null }).where('record_id', '=', target.record_id).execute(), /append-only/)
      await assert.rejects(sql`update audit_event set details = '{}'`.execute(db), /append-only/)
      await unchanged()
    })

    test('a DELETE is refused by the database', async () => {
      const db = t.database.db
      const count = async () => Number((await sql<{ count: string }>`select count(*) as count from audit_event`.execute(db)).rows[0]?.count)
      const before = await count()
      await assert.rejects(sql`delete from audit_event where id = ${target.id}`.execute(db), /append-only/)
      await assert.rejects(db.deleteFrom('audit_event').where('action', '=', 'referral.viewed').execute(), /append-only/)
      // CASCADE, so the foreign keys of the seals (ADR 23) do not refuse it first: the trigger does.
      await assert.rejects(sql`truncate audit_event cascade`.execute(db), /append-only/)
      assert.equal(await count(), before)
      await unchanged()
    })

    test('a refused change inside a transaction takes the transaction with it', async () => {
      const db = t.database.db
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await sql`insert into audit_event (action, record_type) values ('test.inserted', 'test')`.execute(trx)
          await sql`delete from audit_event where id = ${target.id}`.execute(trx)
        }),
        /append-only/,
      )
      const inserted = await db.selectFrom('audit_event').select('id').where('action', '=', 'test.inserted').execute()
      assert.deepEqual(inserted, [])
      await unchanged()
    })
  })
  // This moves the clock on (every session above times out), so it comes last.
  describe('an offer nobody answers', () => {
    test("lapses once its time has passed: written as referral.offer_lapsed with no actor (the service itself), and back in the FGC Advocacy Admin team's work", async () => {
      const db = t.database.db
      const id = await referralAt(t, crew, 'awaiting_advocate', 'Unanswered')
      const offerId = await offerOn(t, id)
      const offer = await db.selectFrom('allocation').select('respond_by').where('id', '=', offerId).executeTakeFirstOrThrow()
      assert.ok(offer.respond_by, 'the offer has a time to answer by')
      const minutesLeft = Math.ceil((offer.respond_by.getTime() - t.clock.now().getTime()) / 60_000)
      assert.ok(minutesLeft > 60, `the advocate has time to answer (${minutesLeft} minutes)`)
      const lapsedRows = async () => (await rowsFor(id)).filter((row) => row.action === 'referral.offer_lapsed')

      // A minute before its time, it still waits on the advocate.
      t.clock.advanceMinutes(minutesLeft - 1)
      await t.services.allocations.lapseUnansweredOffers()
      assert.equal((await db.selectFrom('allocation').select('status').where('id', '=', offerId).executeTakeFirstOrThrow()).status, 'offered')
      assert.equal((await db.selectFrom('referral').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, 'awaiting_advocate')
      assert.deepEqual(await lapsedRows(), [])

      t.clock.advanceMinutes(2)
      assert.ok((await t.services.allocations.lapseUnansweredOffers()) >= 1, 'the offer lapses')

      const [row, ...more] = await lapsedRows()
      assert.ok(row, 'referral.offer_lapsed is recorded')
      assert.equal(more.length, 0)
      assert.equal(row.actor_id, null, 'nobody took this step: the service did')
      assert.equal(row.ip, null)
      assert.equal(row.authority_id, t.world.authorityId)
      assert.equal(row.record_type, 'referral')
      assert.deepEqual(row.details, { from: 'awaiting_advocate', to: 'in_review', allocationId: offerId })
      const timeline = await db
        .selectFrom('referral_event')
        .select(['event', 'actor_id'])
        .where('referral_id', '=', id)
        .where('event', '=', 'offer_lapsed')
        .execute()
      assert.deepEqual(timeline, [{ event: 'offer_lapsed', actor_id: null }], 'the timeline shows it too, by nobody')

      const allocation = await db.selectFrom('allocation').select(['status', 'answered_by']).where('id', '=', offerId).executeTakeFirstOrThrow()
      assert.deepEqual(allocation, { status: 'lapsed', answered_by: null })
      const referral = await db
        .selectFrom('referral')
        .select(['state', 'waiting_on_team_id', 'waiting_on_user_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        referral,
        { state: 'in_review', waiting_on_team_id: t.world.fgcTeamId, waiting_on_user_id: null },
        'it waits on the FGC Advocacy Admin team again',
      )

      const admin = await signedInAs(t, t.world.staff.admin)
      const teamWork = textOf((await admin.get('/team-work')).html)
      assert.match(teamWork, /Maria Unanswered/, "it is in the team's work")
      assert.match(teamWork, /Child Protection Advocacy Review/)
      assert.match(textOf((await admin.get(`/referrals/${id}`)).html), /Offer not answered in time: back to FGC Advocacy Admin/)

      // Running it again lapses nothing more.
      await t.services.allocations.lapseUnansweredOffers()
      assert.equal((await lapsedRows()).length, 1)
    })
  })
})
