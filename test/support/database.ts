import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migratedPGliteImage, openDatabase, openPGliteFromImage, withSessionSettings, type Database, type PGliteImage } from '../../src/platform/db/database.ts'

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

async function imageFromDisk(): Promise<PGliteImage> {
  const path = imagePath()
  const kept = await readFile(path).catch(() => null)
  if (kept) return kept.buffer.slice(kept.byteOffset, kept.byteOffset + kept.byteLength)
  const image = await migratedPGliteImage()
  const partial = `${path}.${randomBytes(4).toString('hex')}`
  await writeFile(partial, new Uint8Array(image))
  await rename(partial, path)
  return image
}

/** The image, read once per process: a tier's files run one after another in one (ADR 28). */
let imageOfThisProcess: Promise<PGliteImage> | undefined
export function migratedImage(): Promise<PGliteImage> {
  imageOfThisProcess ??= imageFromDisk()
  return imageOfThisProcess
}

/** A test's database holds a few hundred rows: 16 MB of shared buffers is plenty. */
const SMALL_DATABASE = ['shared_buffers=16MB']

/**
 * On PostgreSQL, the same idea as the image: a migrated template database, named like the image,
 * that each test file's database is copied from (a tenth of a second) instead of migrating it again.
 * It is migrated under a name of its own and renamed only when whole, so a database with the
 * template's name is always complete; two files making it at once both finish, and one keeps its.
 */
async function migratedTemplate(serverUrl: string): Promise<string> {
  const template = imagePath().replace(/^.*alongside-pglite-([0-9a-f]+)\.tar$/, 'alongside_template_$1')
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    const exists = async (name: string) => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
    if (await exists(template)) return template
    const making = `alongside_making_${randomBytes(6).toString('hex')}`
    await admin.query(`create database ${making}`)
    try {
      const migrated = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, making), poolSize: 1 })
      await migrated.close()
      await untilUnused(admin, making)
      await admin.query(`alter database ${making} rename to ${template}`)
    } catch (error) {
      await dropDatabase(serverUrl, making)
      if (await exists(template)) return template
      throw error
    }
    return template
  } finally {
    await admin.end()
  }
}

/** A test's database; on PostgreSQL, with its address, for a child process to open the same one. */
export async function openTestDatabase(): Promise<Database & { readonly url?: string }> {
  if (!testDatabaseUrl) return openPGliteFromImage(await migratedImage(), SMALL_DATABASE)
  const template = await migratedTemplate(testDatabaseUrl)
  const name = `alongside_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: testDatabaseUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${template} strategy file_copy`)
  } finally {
    await admin.end()
  }
  // A test's database is thrown away when its file ends: its commits need not wait for the disk
  // (a crash of the server could lose the last moments, never corrupt).
  const url = withSessionSettings(withDatabase(testDatabaseUrl, name), ['synchronous_commit=off'])
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

/** Waits (up to five seconds) until no connection to the database is left open. */
async function untilUnused(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const open = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])
    if (open.rows[0]?.n === 0) return
    await new Promise((resolve) => setTimeout(resolve, 100))
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
    await untilUnused(client, name)
    await client.query(`drop database if exists ${name} with (force)`)
  } finally {
    await client.end()
  }
}
