import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { KyselyPlugin, RootOperationNode } from 'kysely'
import { createApplication } from '../../../application.ts'
import { loadConfig } from '../../../config.ts'
import type { Database } from '../../../platform/db/database.ts'
import { root, type TestApp } from '../../../../test/support/app.ts'
import { summaryValue } from '../../../../test/support/browser.ts'
import { TestClock } from '../../../../test/support/clock.ts'
import { engine, openTestDatabase } from '../../../../test/support/database.ts'
import { createWorld } from '../../../../test/support/world.ts'
import { crewOf, referralAt, type Crew, type Stage } from '../../../../test/support/workflow-steps.ts'
import { findPerson } from '../../people/repository.ts'
import { contactsOf, findViews } from '../advocacy-record/advocacy-record-repository.ts'
import { allocationHistory, currentAllocation } from '../allocation/allocation-repository.ts'
import { offersForMeeting } from '../child-offer-repository.ts'
import { findDecision, findReview } from '../decision-repository.ts'
import { findMeeting } from '../meeting-repository.ts'
import { findReferral, findReferralWithRecords, referralChildren } from '../referral-repository.ts'
import { findSectionOne, sectionOneOf } from '../section-1/section-one-repository.ts'

/** "select:referral", "insert:audit_unsealed": what a statement does, and to which table first. */
function described(node: RootOperationNode): string {
  const kind = node.kind.replace('QueryNode', '').toLowerCase()
  const table = (from: unknown): string => {
    const named = from as { table?: { identifier?: { name?: string } }; node?: { table?: { identifier?: { name?: string } } } } | undefined
    return named?.table?.identifier?.name ?? named?.node?.table?.identifier?.name ?? '?'
  }
  if (node.kind === 'SelectQueryNode') return `${kind}:${table(node.from?.froms[0])}`
  if (node.kind === 'InsertQueryNode') return `${kind}:${table(node.into)}`
  if (node.kind === 'UpdateQueryNode') return `${kind}:${table(node.table)}`
  return kind
}

describe(`the referral page reads what it shows once (${engine})`, () => {
  const statements: string[] = []
  let counting = false
  let t: TestApp
  let database: Database
  let crew: Crew
  before(async () => {
    database = await openTestDatabase()
    // Statements as they run: a query built into another (a union's other half) is named but not run.
    const named = new WeakMap<object, string>()
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        named.set(args.queryId, described(args.node))
        return args.node
      },
      transformResult: async (args) => {
        if (counting) statements.push(named.get(args.queryId) ?? '?')
        return args.result
      },
    }
    const clock = new TestClock()
    const config = loadConfig({ SESSION_SECRET: 'a test secret that is long enough to be accepted', VIEW_CACHE: 'true' })
    const { app, services, mailer, scheduler } = await createApplication({
      database: { ...database, db: database.db.withPlugin(counter) },
      clock,
      config,
      root,
      logger: false,
    })
    await app.ready()
    const world = await createWorld(database.db)
    t = {
      app,
      database,
      clock,
      config,
      services,
      mailer,
      scheduler,
      world,
      // This test counts statements, not routes: it walks none.
      routes: [],
      close: async () => {
        await app.close()
        await mailer.close()
        await database.close()
      },
    }
    crew = await crewOf(t)
  })
  after(async () => t.close())

  /** The referral's timeline as the page lists it: each step, its time, its note and who took it, newest first. */
  async function timelineOf(referralId: string) {
    return database.db
      .selectFrom('referral_event')
      .leftJoin('app_user', 'app_user.id', 'referral_event.actor_id')
      .select(['referral_event.event', 'referral_event.at', 'referral_event.note', 'referral_event.to_state', 'app_user.display_name as actor_name'])
      .where('referral_event.referral_id', '=', referralId)
      .orderBy('referral_event.id', 'desc')
      .execute()
  }

  /** Two children with answered offers, two contacts and shared views: every list the page shows, more than one long. */
  async function recordEverything(referralId: string) {
    const db = database.db
    const authorityId = t.world.authorityId
    const referral = await db.selectFrom('referral').select(['meeting_id', 'person_id']).where('id', '=', referralId).executeTakeFirstOrThrow()
    const by = t.world.staff.admin.id
    const [first] = await referralChildren(db, authorityId, referralId)
    assert.ok(first && referral.meeting_id, 'a referral with a child and a meeting')
    // A younger brother, born on the same day as no one: the children are listed eldest first.
    const brother = await db
      .insertInto('person')
      .values({ authority_id: authorityId, kind: 'child', given_name: 'Tomás', family_name: 'Onereadson', date_of_birth: '2019-03-04', created_by: by })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('referral_child').values({ authority_id: authorityId, referral_id: referralId, person_id: brother.id }).execute()
    const children = await referralChildren(db, authorityId, referralId)
    // An earlier offer, declined: the allocation history is more than the allocation now.
    const now = await currentAllocation(db, authorityId, referralId)
    assert.ok(now?.advocate_id, 'an advocate allocated')
    await db
      .insertInto('allocation')
      .values({
        authority_id: authorityId,
        referral_id: referralId,
        advocate_id: now.advocate_id,
        status: 'declined',
        offered_by: by,
        offered_at: new Date(Date.UTC(2026, 9, 1, 8, 0, 0, 789)),
        respond_by: new Date(Date.UTC(2026, 9, 3, 17, 0)),
        responded_at: new Date(Date.UTC(2026, 9, 2, 12, 0)),
        decline_reason: 'Away that week',
        preferences: JSON.stringify({ gender: 'female' }),
        reasons: JSON.stringify(['Speaks Portuguese']),
      })
      .execute()
    for (const [index, child] of children.entries())
      await db
        .insertInto('child_advocacy_offer')
        .values({
          authority_id: authorityId,
          meeting_id: referral.meeting_id,
          person_id: child.id,
          answer: 'accepted',
          who_answered: 'child',
          answered_by: by,
          answered_at: new Date(Date.UTC(2026, 10, 2 + index, 10, 0, 0, 123)),
          updated_at: new Date(),
        })
        .execute()
    for (const [day, minutes] of [
      ['2026-11-02', 30],
      ['2026-11-05', 45],
    ] as const)
      await db
        .insertInto('advocacy_contact')
        .values({
          authority_id: authorityId,
          referral_id: referralId,
          contacted_on: day,
          method: 'phone',
          minutes,
          notes: `Called (${minutes})`,
          created_by: by,
        })
        .execute()
    await db
      .insertInto('person_views')
      .values({
        authority_id: authorityId,
        referral_id: referralId,
        views: 'I want my children home.',
        person_agreed_to_share: true,
        agreed_on: '2026-11-05',
        shared_at: new Date(Date.UTC(2026, 10, 6, 9, 30, 0, 456)),
        shared_by: by,
        updated_by: by,
        updated_at: new Date(),
      })
      .execute()
  }

  test('in one transaction: the referral once with everything it shows, and one audit write', async () => {
    const id = await referralAt(t, crew, 'advocate_recorded')
    for (const [who, browser] of [
      ['the admin, with the advocacy record', crew.admin],
      ['the referrer', crew.referrer],
    ] as const) {
      statements.length = 0
      counting = true
      const page = await browser.get(`/referrals/${id}`)
      counting = false
      assert.equal(page.status, 200, who)
      const times = (statement: string) => statements.filter((seen) => seen === statement).length
      assert.equal(times('select:referral'), 1, `${who}: ${statements.join(', ')}`)
      // An audit write is one statement: the event, and its line on the sealer's waiting list (ADR 23).
      assert.equal(times('insert:audit_unsealed'), 1, `${who}: one audit write`)
      // Everything the page shows of the referral comes with it, in its one statement.
      const withIt = ['section_one', 'decision', 'review', 'meeting', 'person', 'referral_child', 'referral_event', 'allocation']
      for (const table of [...withIt, 'person_views', 'advocacy_contact', 'child_advocacy_offer'])
        assert.equal(times(`select:${table}`), 0, `${who}: ${table} read on its own: ${statements.join(', ')}`)
      // Staff's and teams' names in one statement.
      assert.equal(times('select:app_user'), 1, `${who}: ${statements.join(', ')}`)
      assert.equal(times('select:team'), 0, `${who}: ${statements.join(', ')}`)
      // The page's own statements, beside the session's and the header's count of notifications: the
      // referral, the names, the bank holidays the conference clock counts with, and the audit write.
      assert.deepEqual(
        statements.filter((statement) => !/^(select|update):(user_session|notification)$/.test(statement)).sort(),
        ['insert:audit_unsealed', 'select:app_user', 'select:authority', 'select:referral'],
        `${who}: ${statements.join(', ')}`,
      )
    }
  })

  test('the referral and everything read with it in one statement are what their own reads give', async () => {
    const stages: readonly Stage[] = ['empty_draft', 'complete_draft', 'in_review', 'advocate_recorded', 'outcome_recorded']
    let everything = ''
    const db = database.db
    const authorityId = t.world.authorityId
    for (const stage of stages) {
      const id = await referralAt(t, crew, stage, `Oneread${stages.indexOf(stage)}`)
      if (stage === 'outcome_recorded') {
        await recordEverything(id)
        everything = id
      }
      const together = await findReferralWithRecords(db, authorityId, id, { withRecord: true })
      assert.ok(together, stage)
      const referral = await findReferral(db, authorityId, id)
      assert.deepEqual(together.referral, referral, `${stage}: the referral`)
      assert.deepEqual(sectionOneOf(together.sectionOne), await findSectionOne(db, authorityId, id), `${stage}: Section 1`)
      assert.deepEqual(together.decision, await findDecision(db, authorityId, id), `${stage}: the decision`)
      assert.deepEqual(together.review, await findReview(db, authorityId, id), `${stage}: the review`)
      assert.deepEqual(together.meeting, referral?.meeting_id ? await findMeeting(db, authorityId, referral.meeting_id) : undefined, `${stage}: the meeting`)
      const person = referral?.person_id ? await findPerson(db, authorityId, referral.person_id) : undefined
      assert.deepEqual(
        together.person,
        person && {
          id: person.id,
          kind: person.kind,
          given_name: person.given_name,
          family_name: person.family_name,
          date_of_birth: person.date_of_birth,
          gender: person.gender,
          pronouns: person.pronouns,
          external_id: person.external_id,
        },
        `${stage}: the person`,
      )
      assert.deepEqual(together.children, await referralChildren(db, authorityId, id), `${stage}: the children, in order`)
      assert.deepEqual(together.timeline, await timelineOf(id), `${stage}: the timeline, newest first`)
      assert.deepEqual(together.allocation, await currentAllocation(db, authorityId, id), `${stage}: the allocation now`)
      assert.deepEqual(together.views, await findViews(db, authorityId, id), `${stage}: the views`)
      const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))
      assert.deepEqual(
        byId(together.childOffers),
        referral?.meeting_id ? byId(await offersForMeeting(db, authorityId, referral.meeting_id)) : [],
        `${stage}: the children's offers`,
      )
      assert.deepEqual(together.allocationHistory, await allocationHistory(db, authorityId, id), `${stage}: every allocation, newest first`)
      assert.deepEqual(together.contacts, await contactsOf(db, authorityId, id), `${stage}: the contacts, newest first`)
      // Without the advocacy record, none of it is read.
      const without = await findReferralWithRecords(db, authorityId, id, { withRecord: false })
      assert.deepEqual([without?.allocationHistory, without?.contacts], [[], []], `${stage}: no advocacy record`)
      assert.deepEqual({ ...without, allocationHistory: [], contacts: [] }, { ...together, allocationHistory: [], contacts: [] }, `${stage}: the rest the same`)
    }
    // The last stage had every record to compare, more than one of each list, and timestamps as Dates.
    const last = await findReferralWithRecords(db, authorityId, await referralAt(t, crew, 'outcome_recorded', 'Onereadall'), { withRecord: true })
    assert.ok(
      last?.sectionOne && last.decision && last.review?.outcome_recorded_at instanceof Date && last.meeting && last.person,
      'every record, its timestamps as Dates',
    )
    const full = await findReferralWithRecords(db, authorityId, everything, { withRecord: true })
    assert.ok(full, 'the referral given everything')
    for (const list of ['children', 'timeline', 'contacts', 'childOffers', 'allocationHistory'] as const)
      assert.ok(full[list].length >= 2, `${list}: more than one (${full[list].length})`)
    assert.ok(
      full.timeline.every((entry) => entry.at instanceof Date),
      'the timeline’s times as Dates',
    )
    assert.ok(full.views?.shared_at instanceof Date && full.childOffers.every((offer) => offer.answered_at instanceof Date), 'views and offers, times as Dates')
    assert.ok(full.allocation?.offered_at instanceof Date && full.allocationHistory.every((entry) => entry.offered_at instanceof Date), 'allocations')
    assert.equal(
      await findReferralWithRecords(db, t.world.elsewhere.authorityId, last.referral.id, { withRecord: true }),
      undefined,
      'another authority reads nothing',
    )
  })

  test('who a referral waits on is named, a team or a person, from the one read of names', async () => {
    const withTeam = await referralAt(t, crew, 'awaiting_admin', 'Teamwait')
    const team = await database.db
      .selectFrom('referral')
      .innerJoin('team', 'team.id', 'referral.waiting_on_team_id')
      .select('team.name')
      .where('referral.id', '=', withTeam)
      .executeTakeFirstOrThrow()
    assert.equal(summaryValue((await crew.referrer.get(`/referrals/${withTeam}`)).html, 'Waiting on'), team.name)
    const withManager = await referralAt(t, crew, 'awaiting_decision', 'Managerwait')
    assert.equal(summaryValue((await crew.referrer.get(`/referrals/${withManager}`)).html, 'Waiting on'), t.world.staff.manager.displayName)
  })
})
