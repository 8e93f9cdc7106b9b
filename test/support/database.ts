import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type KyselyPlugin } from 'kysely'
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

/**
 * A test's database; on PostgreSQL, with its address, for a child process to open the same one.
 *
 * A file's database is emptied when the file closes it and kept for the next file of the same
 * process (ADR 36): a tier's files run one after another in one process, and making each file a
 * database of its own cost more than most files' tests. On PostgreSQL, creating and dropping one
 * forces two checkpoints (2.6 s a file on a busy machine, a quarter of that tier); on PGlite,
 * opening one from the image cost 0.5 to 1 s of CPU. A kept database is handed out only as a
 * freshly migrated one would be: every table empty, every sequence at its start, the session's
 * settings reset, and its schema unchanged. A file that changed the schema (or whose database could
 * not be emptied) gets its database thrown away, not kept.
 */
export async function openTestDatabase(): Promise<Database & { readonly url?: string; readonly filesBefore: number }> {
  const reused = kept.pop() ?? (await freshDatabase())
  const filesBefore = reused.files
  reused.files += 1
  const database = reused.database ?? (await postgresPool(reused.url ?? ''))
  let released = false
  // What the file was given refuses to run a statement once the file has closed it: work left
  // running would otherwise write into the next file's database.
  const closedToThisFile: KyselyPlugin = {
    transformQuery(args) {
      if (released) throw new Error('This test file closed its database: a statement ran after it did')
      return args.node
    },
    transformResult: (args) => Promise.resolve(args.result),
  }
  return {
    ...database,
    db: database.db.withPlugin(closedToThisFile),
    ...(reused.url ? { url: reused.url } : {}),
    filesBefore,
    async close() {
      if (released) return
      released = true
      await release(reused, database)
    },
  }
}

interface KeptDatabase {
  /** PGlite's database, kept open; on PostgreSQL, a pool to `url` that only its first file uses. */
  readonly database?: Database
  /** On PostgreSQL, the database's address: each file opens a pool of its own to it. */
  readonly url?: string
  /** What the schema was when the database was made (`schemaFingerprint`). */
  readonly schema: string
  /** How many files have been given it. */
  files: number
  /** Throws the database away for good. */
  readonly discard: () => Promise<void>
}

/** Databases this process's files have finished with, emptied, waiting for the next file. */
const kept: KeptDatabase[] = []

async function freshDatabase(): Promise<KeptDatabase> {
  if (!testDatabaseUrl) {
    const database = await openPGliteFromImage(await migratedImage(), SMALL_DATABASE)
    return { database, schema: await schemaFingerprint(database.db), files: 0, discard: () => database.close() }
  }
  const serverUrl = testDatabaseUrl
  const template = await migratedTemplate(serverUrl)
  const name = `alongside_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${template} strategy file_copy`)
  } finally {
    await admin.end()
  }
  made.add(name)
  // A test's database is thrown away when the run ends: its commits need not wait for the disk
  // (a crash of the server could lose the last moments, never corrupt).
  const url = withSessionSettings(withDatabase(serverUrl, name), ['synchronous_commit=off'])
  const database = await postgresPool(url)
  return {
    database,
    url,
    schema: await schemaFingerprint(database.db),
    files: 0,
    discard: async () => {
      made.delete(name)
      await dropDatabase(serverUrl, name)
    },
  }
}

function postgresPool(url: string): Promise<Database> {
  return openDatabase({ kind: 'postgres', url, poolSize: 10 })
}

/**
 * Empties a database a file has finished with and keeps it, or throws it away if its schema is not
 * the one it was made with. On PostgreSQL the file's pool is closed either way and the next file
 * opens its own, so no connection's settings or prepared statements pass from one file to the next.
 */
async function release(used: KeptDatabase, database: Database): Promise<void> {
  let reusable: boolean
  try {
    await emptied(database)
    reusable = (await schemaFingerprint(database.db)) === used.schema
  } catch {
    reusable = false
  }
  if (used.url) {
    await database.close()
    if (reusable) keep({ url: used.url, schema: used.schema, files: used.files, discard: used.discard })
    else await used.discard()
  } else if (reusable) keep(used)
  else await used.discard()
}

/**
 * Keeps an emptied database for the next file, which opens it within moments. One no file has
 * asked for after a second is thrown away: an open PGlite keeps the process from ending.
 */
let idle: NodeJS.Timeout | undefined
function keep(database: KeptDatabase): void {
  kept.push(database)
  clearTimeout(idle)
  idle = setTimeout(() => {
    for (const unused of kept.splice(0)) void unused.discard().catch(() => undefined)
  }, 1_000).unref()
}

/**
 * Every table emptied and every sequence back at its start, as the template has them. Triggers are
 * off while it runs: the audit trail and concerns refuse a truncate (as they should for the
 * service), and the report facts' triggers would mark what is being emptied.
 */
async function emptied(database: Database): Promise<void> {
  const { rows } = await sql<{ tables: string | null }>`
    select string_agg(format('%I', tablename), ', ') as tables
    from pg_tables where schemaname = 'public' and tablename not in ('kysely_migration', 'kysely_migration_lock')`.execute(database.db)
  const tables = rows[0]?.tables
  await database.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx)
    // A connection the file left open with a lock must not hold the next file up: past this, the
    // database is thrown away instead.
    await sql`set local lock_timeout = '5s'`.execute(trx)
    if (tables) await sql.raw(`truncate table ${tables} restart identity`).execute(trx)
    await sql`select setval(s.seqrelid, s.seqstart, false) from pg_sequence s join pg_class c on c.oid = s.seqrelid where c.relnamespace = 'public'::regnamespace`.execute(
      trx,
    )
  })
  // PGlite is one session that the next file goes on using: its settings, prepared statements and
  // temporary tables go too.
  if (database.kind === 'pglite') await sql`discard all`.execute(database.db)
}

/**
 * The public schema, as one hash: tables and their columns, constraints, indexes, triggers (and
 * whether they are on), functions, and the migrations recorded as run. A file that altered any of
 * them leaves a database no other file should be given.
 */
async function schemaFingerprint(db: Database['db']): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`
    select md5(concat_ws('|',
      (select string_agg(concat_ws(':', c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)), ',' order by c.relname, a.attnum)
        from pg_class c left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
        where c.relnamespace = 'public'::regnamespace),
      (select string_agg(concat_ws(':', conrelid::regclass::text, conname, pg_get_constraintdef(oid)), ',' order by conrelid::regclass::text, conname)
        from pg_constraint where connamespace = 'public'::regnamespace),
      (select string_agg(pg_get_indexdef(indexrelid), ',' order by indexrelid::regclass::text)
        from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace = 'public'::regnamespace),
      (select string_agg(concat_ws(':', tgrelid::regclass::text, tgname, tgenabled, tgfoid::regproc::text), ',' order by tgrelid::regclass::text, tgname)
        from pg_trigger where not tgisinternal),
      (select string_agg(concat_ws(':', proname, md5(prosrc)), ',' order by proname, md5(prosrc))
        from pg_proc where pronamespace = 'public'::regnamespace),
      (select string_agg(name, ',' order by name) from kysely_migration),
      (select string_agg(is_locked::text, ',') from kysely_migration_lock),
      (select string_agg(array_to_string(setconfig, ','), ';') from pg_db_role_setting where setdatabase = (select oid from pg_database where datname = current_database())),
      (select string_agg(extname, ',' order by extname) from pg_extension)
    )) as fingerprint`.execute(db)
  return rows[0]?.fingerprint ?? ''
}

/** The PostgreSQL databases this process made and has not dropped: dropped when it has nothing else to do. */
const made = new Set<string>()
let dropping = false
process.on('beforeExit', () => {
  if (dropping || !testDatabaseUrl || made.size === 0) return
  dropping = true
  const serverUrl = testDatabaseUrl
  void Promise.all([...made].map((name) => dropDatabase(serverUrl, name).catch(() => undefined)))
})

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
