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
import { findDecision, findReview } from '../decision-repository.ts'
import { findMeeting } from '../meeting-repository.ts'
import { findReferral, findReferralWithRecords } from '../referral-repository.ts'
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

  test('in one transaction: the referral once, each of its tables once, and one audit write', async () => {
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
      // Section 1, the decision, the review and the meeting come with the referral, in its one statement.
      for (const table of ['section_one', 'decision', 'review', 'meeting'])
        assert.equal(times(`select:${table}`), 0, `${who}: ${table} read on its own: ${statements.join(', ')}`)
      for (const table of ['person', 'referral_event', 'person_views', 'advocacy_contact'])
        assert.ok(times(`select:${table}`) <= 1, `${who}: ${table} read ${times(`select:${table}`)} times`)
      // Staff's and teams' names in one statement.
      assert.equal(times('select:app_user'), 1, `${who}: ${statements.join(', ')}`)
      assert.equal(times('select:team'), 0, `${who}: ${statements.join(', ')}`)
    }
  })

  test('the referral and its Section 1, decision, review and meeting read in one statement are what their own reads give', async () => {
    const stages: readonly Stage[] = ['empty_draft', 'complete_draft', 'in_review', 'advocate_recorded', 'outcome_recorded']
    for (const stage of stages) {
      const id = await referralAt(t, crew, stage, `Oneread${stages.indexOf(stage)}`)
      const authorityId = t.world.authorityId
      const together = await findReferralWithRecords(database.db, authorityId, id)
      assert.ok(together, stage)
      const referral = await findReferral(database.db, authorityId, id)
      assert.deepEqual(together.referral, referral, `${stage}: the referral`)
      assert.deepEqual(sectionOneOf(together.sectionOne), await findSectionOne(database.db, authorityId, id), `${stage}: Section 1`)
      assert.deepEqual(together.decision, await findDecision(database.db, authorityId, id), `${stage}: the decision`)
      assert.deepEqual(together.review, await findReview(database.db, authorityId, id), `${stage}: the review`)
      assert.deepEqual(
        together.meeting,
        referral?.meeting_id ? await findMeeting(database.db, authorityId, referral.meeting_id) : undefined,
        `${stage}: the meeting`,
      )
    }
    // Each stage's records were there to compare: the last has them all.
    const last = await findReferralWithRecords(database.db, t.world.authorityId, await referralAt(t, crew, 'outcome_recorded', 'Onereadall'))
    assert.ok(last?.sectionOne && last.decision && last.review?.outcome_recorded_at instanceof Date && last.meeting, 'every record, its timestamps as Dates')
    assert.equal(await findReferralWithRecords(database.db, t.world.elsewhere.authorityId, last.referral.id), undefined, 'another authority reads nothing')
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
