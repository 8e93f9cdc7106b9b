import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { compose } from '../../composition.ts'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../platform/db/database.ts'
import { openTestDatabase, engine } from '../../../test/support/database.ts'
import { TestClock } from '../../../test/support/clock.ts'
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
