import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { engine, openTestDatabase } from '../../../test/support/database.ts'
import type { Database } from './database.ts'

describe(`the settings every session of the service runs with (ADR 33, 37; ${engine})`, () => {
  let database: Database
  before(async () => {
    database = await openTestDatabase()
  })
  after(async () => database.close())

  test('a page read out of order is costed as from memory or an SSD, on either database', async () => {
    const { rows } = await sql<{ cost: string }>`select current_setting('random_page_cost') as cost`.execute(database.db)
    assert.equal(rows[0]?.cost, '1.1')
  })

  // PGlite has neither JIT compilation nor parallel workers to turn off.
  if (engine === 'PostgreSQL')
    test('without JIT compilation or parallel workers', async () => {
      const { rows } = await sql<{ jit: string; workers: string }>`
        select current_setting('jit') as jit, current_setting('max_parallel_workers_per_gather') as workers`.execute(database.db)
      assert.deepEqual(rows[0], { jit: 'off', workers: '0' })
    })
})
