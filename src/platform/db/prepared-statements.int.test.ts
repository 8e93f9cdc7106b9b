import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { openTestDatabase } from '../../../test/support/database.ts'
import { isStalePlan } from './prepared-statements.ts'

/**
 * ADR 35, on PostgreSQL (scripts/test.ts runs this file there alone: the embedded database plans
 * each statement as it comes). Each connection prepares a statement once and runs it by name after;
 * a table changed under a prepared statement is refused once, then prepared afresh.
 */
describe('statements prepared once a connection (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  before(async () => {
    database = await openTestDatabase()
  })
  after(async () => database.close())

  test('a query run again on the same connection is prepared once, under the service’s name for it', async () => {
    const prepared = await database.db.connection().execute(async (connection) => {
      for (const name of ['Hackney', 'Leeds', 'Hackney']) await connection.selectFrom('authority').select('id').where('name', '=', name).execute()
      return sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(connection)
    })
    const ours = prepared.rows.filter((row) => row.statement.includes('from "authority" where "name" = $1'))
    assert.equal(ours.length, 1, JSON.stringify(prepared.rows))
    assert.match(ours[0]?.name ?? '', /^alongside_\d+$/)
    assert.ok(!prepared.rows.some((row) => /^\s*(begin|commit)/i.test(row.statement)))
  })

  test('a table changed under a prepared statement is refused once, then read with its new columns', async () => {
    const result = await database.db.connection().execute(async (connection) => {
      await sql`create table prepared_probe (id integer)`.execute(connection)
      await sql`insert into prepared_probe (id) values (${1})`.execute(connection)
      const read = () => sql<Record<string, unknown>>`select * from prepared_probe where id = ${1}`.execute(connection)
      const first = await read()
      await sql`alter table prepared_probe add column note text`.execute(connection)
      const refused = await read().then(
        () => null,
        (error: unknown) => error,
      )
      const again = await read()
      return { first: first.rows, refused, again: again.rows }
    })
    assert.deepEqual(result.first, [{ id: 1 }])
    assert.equal(isStalePlan(result.refused), true, String(result.refused))
    assert.deepEqual(result.again, [{ id: 1, note: null }])
  })
})
