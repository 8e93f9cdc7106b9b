import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { engine, openTestDatabase } from './database.ts'
import { createWorld } from './world.ts'

/** Every row of every table the service has (the migrations' own records aside), counted. */
async function rowsHeld(db: Awaited<ReturnType<typeof openTestDatabase>>['db']): Promise<number> {
  const { rows: tables } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not in ('kysely_migration', 'kysely_migration_lock')`.execute(db)
  let held = 0
  for (const { tablename } of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(tablename)}`.execute(db)
    held += rows[0]?.n ?? 0
  }
  return held
}

async function auditOnce(db: Awaited<ReturnType<typeof openTestDatabase>>['db']): Promise<number> {
  const row = await db
    .insertInto('audit_event')
    .values({ action: 'test.probe', record_type: 'test', details: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

describe(`a test file's database, emptied and kept for the next file (ADR 36; ${engine})`, () => {
  test('the next file is given the same database as a freshly migrated one: every table empty, every sequence at its start', async () => {
    const first = await openTestDatabase()
    await createWorld(first.db)
    const firstAudit = await auditOnce(first.db)
    assert.ok((await rowsHeld(first.db)) > 0, 'the first file left rows behind')
    await first.close()

    const next = await openTestDatabase()
    try {
      assert.equal(next.filesBefore, first.filesBefore + 1, 'the next file is given the database the first one closed')
      if (first.url) assert.equal(next.url, first.url)
      assert.equal(await rowsHeld(next.db), 0)
      assert.equal(await auditOnce(next.db), firstAudit, 'the audit trail’s numbering starts again')
    } finally {
      await next.close()
    }
  })

  test('a database whose schema a file changed is thrown away, not given to the next file', async () => {
    const changing = await openTestDatabase()
    await sql`alter table team add column left_by_a_test text`.execute(changing.db)
    await changing.close()

    const next = await openTestDatabase()
    try {
      assert.equal(next.filesBefore, 0, 'a new database')
      if (changing.url) assert.notEqual(next.url, changing.url)
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.columns where table_name = 'team' and column_name = 'left_by_a_test'`.execute(next.db)
      assert.equal(rows[0]?.n, 0)
    } finally {
      await next.close()
    }
  })

  // PGlite is one session: nothing else can hold a lock on it.
  if (engine === 'PostgreSQL')
    // Without the lock's time limit the next file would wait for ever: the test's own limit makes that a failure.
    test('a database a connection still holds a lock on is thrown away, not waited for', { timeout: 60_000 }, async () => {
      const held = await openTestDatabase()
      const lingering = new pg.Client({ connectionString: held.url })
      // Throwing the database away ends this connection: that is the point.
      lingering.on('error', () => undefined)
      await lingering.connect()
      try {
        await lingering.query('begin')
        await lingering.query('lock table team in access share mode')
        await held.close()
      } finally {
        await lingering.end().catch(() => undefined)
      }
      const next = await openTestDatabase()
      try {
        assert.equal(next.filesBefore, 0, 'a new database')
        assert.notEqual(next.url, held.url)
      } finally {
        await next.close()
      }
    })

  test('a statement a file runs after closing its database is refused, not run in the next file’s', async () => {
    const closed = await openTestDatabase()
    await closed.close()
    const next = await openTestDatabase()
    try {
      await assert.rejects(auditOnce(closed.db), /closed its database/)
      assert.equal(await rowsHeld(next.db), 0)
    } finally {
      await next.close()
    }
  })
})
