import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migratedPGliteImage, openDatabase, openPGliteFromImage, type Database } from '../../src/platform/db/database.ts'

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

const MIGRATIONS = join(import.meta.dirname, '../../src/platform/db/migrations')

/**
 * Where this machine keeps an image of a freshly migrated PGlite, named by the migrations and the
 * PGlite that made it: a test file opens its database from the image (about 1 s) instead of running
 * every migration again (4 to 6 s). A changed migration or PGlite makes a new one; the image is made
 * by whichever test file needs it first, and written whole or not at all.
 */
function imagePath(): string {
  const hash = createHash('sha256')
  hash.update(readFileSync(join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json')))
  for (const file of readdirSync(MIGRATIONS).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS, file)))
  return join(tmpdir(), `alongside-pglite-${hash.digest('hex').slice(0, 16)}.tar`)
}

async function migratedImage(): Promise<Blob> {
  const path = imagePath()
  const kept = await readFile(path).catch(() => null)
  if (kept) return new Blob([kept])
  const image = await migratedPGliteImage()
  const partial = `${path}.${randomBytes(4).toString('hex')}`
  await writeFile(partial, Buffer.from(await image.arrayBuffer()))
  await rename(partial, path)
  return image
}

/** A test's database; on PostgreSQL, with its address, for a child process to open the same one. */
export async function openTestDatabase(): Promise<Database & { readonly url?: string }> {
  if (!testDatabaseUrl) return openPGliteFromImage(await migratedImage())
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
