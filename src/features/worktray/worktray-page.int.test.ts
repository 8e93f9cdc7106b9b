import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { compose } from '../../composition.ts'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../platform/db/database.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { TestClock } from '../../../test/support/clock.ts'
import { engine, openTestDatabase } from '../../../test/support/database.ts'
import { loadDemoData } from '../demo/demo-data.ts'
import { states } from '../referrals/workflow.ts'
import { worktrayPage, type WorktrayQuery } from './repository.ts'

/** The worktray's query as it was before it chose its page first: what every page must still show. */
async function pageAsBefore(db: Queryable, query: WorktrayQuery) {
  let select = db.selectFrom('referral').where('referral.authority_id', '=', query.authorityId)
  if ('userId' in query.waitingOn) select = select.where('referral.waiting_on_user_id', '=', query.waitingOn.userId)
  else select = select.where('referral.waiting_on_team_id', 'in', query.waitingOn.teamIds)
  if (query.state) select = select.where('referral.state', '=', query.state)
  if (query.dueBy) select = select.where('referral.step_due_on', '<=', query.dueBy)
  return select
    .leftJoin('person', 'person.id', 'referral.person_id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('team', 'team.id', 'referral.waiting_on_team_id')
    .leftJoin('app_user as waiting_user', 'waiting_user.id', 'referral.waiting_on_user_id')
    .leftJoin('decision', 'decision.referral_id', 'referral.id')
    .leftJoin('allocation as offer', (join) => join.onRef('offer.referral_id', '=', 'referral.id').on('offer.status', '=', 'offered'))
    .select([
      'referral.id',
      'referral.reference',
      'referral.state',
      'referral.step_due_on',
      'referral.late',
      'person.given_name',
      'person.family_name',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
      'team.name as team_name',
      'waiting_user.display_name as waiting_user_name',
      'decision.priority',
      'offer.id as offer_id',
    ])
    .orderBy(sql`case when referral.step_due_on < ${query.today} then 0 else 1 end`)
    .orderBy(sql`referral.step_due_on asc nulls last`)
    .orderBy('referral.step_entered_at')
    .orderBy('referral.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
}

describe(`a worktray page (${engine})`, () => {
  let database: Database
  before(async () => {
    database = await openTestDatabase()
    const clock = new TestClock('2026-11-24T09:00:00Z')
    const { services } = await compose(database.db, clock, loadConfig({ SESSION_SECRET: 'x'.repeat(40) }))
    await loadDemoData(database.db, clock, services)
    // Ties and gaps the order must break the same way: shared due dates, and items with none.
    const referrals = await database.db.selectFrom('referral').select('id').orderBy('id').execute()
    for (const [index, { id }] of referrals.entries()) {
      if (index % 3 === 0) await database.db.updateTable('referral').set({ step_due_on: '2026-11-20' }).where('id', '=', id).execute()
      if (index % 7 === 0) await database.db.updateTable('referral').set({ step_due_on: null }).where('id', '=', id).execute()
    }
  })
  after(async () => database.close())

  test('shows exactly what it showed when it joined every waiting item first, on every page of every list', async () => {
    const db = database.db
    const authorityId = (await db.selectFrom('authority').select('id').executeTakeFirstOrThrow()).id
    const teams = await db.selectFrom('team').select('id').where('authority_id', '=', authorityId).execute()
    const users = await db.selectFrom('referral').select('waiting_on_user_id').distinct().where('waiting_on_user_id', 'is not', null).execute()
    const waitingOn: WorktrayQuery['waitingOn'][] = [
      { teamIds: teams.map(({ id }) => id) },
      ...teams.map(({ id }) => ({ teamIds: [id] })),
      ...users.flatMap(({ waiting_on_user_id }) => (waiting_on_user_id ? [{ userId: waiting_on_user_id }] : [])),
    ]
    let compared = 0
    let rows = 0
    for (const who of waitingOn) {
      for (const state of [null, ...states]) {
        for (const dueBy of [null, '2026-11-24']) {
          for (const offset of [0, 2, 4, 6, 8]) {
            const query: WorktrayQuery = { authorityId, waitingOn: who, state, dueBy, today: '2026-11-24', limit: 2, offset }
            const page = await worktrayPage(db, query)
            assert.deepEqual(page, await pageAsBefore(db, query), JSON.stringify(query))
            compared++
            rows += page.length
          }
        }
      }
    }
    assert.ok(rows >= 20, `the comparison saw pages with items in them (${rows} rows over ${compared} pages)`)
  })
})
