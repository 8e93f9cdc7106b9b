import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL it is a new database on
 * that PostgreSQL server (dropped afterwards); without, an in-memory PGlite. The tests are the same
 * either way.
 */
export const testDatabaseUrl = process.env['TEST_DATABASE_URL'] || undefined

export const engine = testDatabaseUrl ? 'PostgreSQL' : 'PGlite'

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/** A test's database; on PostgreSQL, with its address, for a child process to open the same one. */
export async function openTestDatabase(): Promise<Database & { readonly url?: string }> {
  if (!testDatabaseUrl) return openDatabase({ kind: 'pglite', dataDir: 'memory://' })
  const name = `alongside_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: testDatabaseUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = withDatabase(testDatabaseUrl, name)
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 })
  return {
    ...database,
    url,
    async close() {
      await database.close()
      await dropDatabase(testDatabaseUrl, name)
    },
  }
}

/**
 * Drops a test database once its pool has really let go: pg's pool reports itself ended before its
 * sockets have closed, and a forced drop would then kill connections that are still closing.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const open = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])
      if (open.rows[0]?.n === 0) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await client.query(`drop database if exists ${name} with (force)`)
  } finally {
    await client.end()
  }
}
