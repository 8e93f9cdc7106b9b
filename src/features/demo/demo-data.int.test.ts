import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { compose } from '../../composition.ts'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../platform/db/database.ts'
import { openTestDatabase, engine } from '../../../test/support/database.ts'
import { TestClock } from '../../../test/support/clock.ts'
import { ageOn } from '../referrals/children-offered.ts'
import { states } from '../referrals/workflow.ts'
import { DEMO_AUTHORITY_NAME, loadDemoData } from './demo-data.ts'

describe(`demo data (${engine})`, () => {
  let database: Database
  before(async () => {
    database = await openTestDatabase()
  })
  after(async () => database.close())

  test('loads a demo authority with referrals in every state, once', async () => {
    const clock = new TestClock('2026-11-24T09:00:00Z')
    const { services } = await compose(database.db, clock, loadConfig({ SESSION_SECRET: 'x'.repeat(40) }))
    assert.deepEqual(await loadDemoData(database.db, clock, services), { loaded: true })
    const authority = await database.db.selectFrom('authority').select(['name', 'is_demo']).executeTakeFirstOrThrow()
    assert.deepEqual(authority, { name: DEMO_AUTHORITY_NAME, is_demo: true })
    const found = new Set((await database.db.selectFrom('referral').select('state').execute()).map((row) => row.state))
    assert.deepEqual([...found].sort(), [...states].sort(), 'a referral in every state of the workflow')
    const late = await database.db.selectFrom('referral').select('id').where('late', '=', true).execute()
    assert.ok(late.length > 0, 'a late referral to see the flag on')
    // A review conference with a child of 9 (consulted before it) and one of 3 (not asked directly): ADR 31.
    const reviewChildren = await database.db
      .selectFrom('referral')
      .innerJoin('meeting', 'meeting.id', 'referral.meeting_id')
      .innerJoin('referral_child', 'referral_child.referral_id', 'referral.id')
      .innerJoin('person', 'person.id', 'referral_child.person_id')
      .select(['person.date_of_birth', 'meeting.meeting_date'])
      .where('meeting.type', '=', 'review_conference')
      .execute()
    const ages = reviewChildren.map((child) => (child.date_of_birth ? ageOn(child.date_of_birth, child.meeting_date) : null))
    assert.ok(ages.includes(9) && ages.includes(3), `a child of 9 and one of 3 at a review conference (${JSON.stringify(ages)})`)
    assert.deepEqual(await loadDemoData(database.db, clock, services), { loaded: false, reason: 'already-loaded' })
  })

  test('refuses to load beside a real authority', async () => {
    const real = await openTestDatabase()
    try {
      const clock = new TestClock('2026-11-24T09:00:00Z')
      await real.db.insertInto('authority').values({ name: 'A real council' }).execute()
      const { services } = await compose(real.db, clock, loadConfig({ SESSION_SECRET: 'x'.repeat(40) }))
      assert.deepEqual(await loadDemoData(real.db, clock, services), { loaded: false, reason: 'real-data' })
      assert.equal((await real.db.selectFrom('referral').select('id').execute()).length, 0)
    } finally {
      await real.close()
    }
  })
})
