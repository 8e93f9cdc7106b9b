import { PGlite } from '@electric-sql/pglite'
import { Kysely, sql, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../../config.ts'
import { lockDataFolder } from './data-folder-lock.ts'
import { migrateToLatest } from './migrate.ts'
import { preparingStatements } from './prepared-statements.ts'
import { grantApplicationRole, roleOf } from './roles.ts'
import type { Schema } from './schema.ts'
import { SerialisedPGliteDialect } from './serialised-pglite.ts'

export interface Database {
  readonly db: Kysely<Schema>
  readonly kind: 'postgres' | 'pglite'
  close(): Promise<void>
}

const DATE_OID = 1082
const INT8_OID = 20
const NUMERIC_OID = 1700

/** `date` stays text so no time zone can shift it; counts and identities become numbers. */
const parsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
}

/**
 * Every session the service opens runs its queries as they are planned, without compiling them
 * (`jit`) or handing them to parallel workers (ADR 33). Its queries each read one authority's rows
 * through indexes; at national scale their estimated costs passed the thresholds for both, and the
 * annual evaluation spent 100 to 420 ms a query compiling and seconds starting workers on a small
 * machine: without them it took a third of the time. Settings in the address's own `options` come
 * after these, so an operator can still choose otherwise.
 */
const SESSION_SETTINGS = ['jit=off', 'max_parallel_workers_per_gather=0']

/**
 * The planner costs a page read out of order as the service's tables are kept: in memory or on an
 * SSD, not on a spinning disk (PostgreSQL's default, 4, assumes one). With the default it read all
 * of a large authority's 42,500 open referrals to find the 800 with a review in the next two days,
 * where looking each up by its meeting took a third of the time (ADR 37). Both databases, every
 * session; an operator's own `options` still come after it.
 */
const PLANNER_SETTINGS = ['random_page_cost=1.1']

/** The address with `settings` (by default the service's own) before any `options` it already has. */
export function withSessionSettings(url: string, settings: readonly string[] = [...SESSION_SETTINGS, ...PLANNER_SETTINGS]): string {
  const parsed = new URL(url)
  const given = parsed.searchParams.get('options')
  parsed.searchParams.set('options', [...settings.map((setting) => `-c ${setting}`), ...(given ? [given] : [])].join(' '))
  return parsed.toString()
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: withSessionSettings(url),
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        // pg types its own parser lookup as returning `any`; ours return what the schema says.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-return
        oid in parsers ? parsers[oid as keyof typeof parsers] : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection the server closes (a restart, a failover) is dropped by the pool and replaced
  // on next use; without a listener its 'error' would stop the whole process.
  pool.on('error', () => undefined)
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: preparingStatements(pool) }) })
  return { db, kind: 'postgres', close: () => db.destroy() }
}

/**
 * `dataDir` is a folder, or `memory://` for a database that lives only as long as the process.
 * `settings` are PostgreSQL's own (`-c name=value`), added to PGlite's.
 */
async function openPGlite(dataDir: string, image?: PGliteImage, settings: readonly string[] = []): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://')
  const lock = inMemory ? undefined : await lockDataFolder(dataDir)
  try {
    const pglite = await PGlite.create({
      ...(inMemory ? {} : { dataDir: `${dataDir}/pgdata` }),
      ...(image ? { loadDataDir: tarball(image) } : {}),
      startParams: [...PGlite.defaultStartParams, ...[...PLANNER_SETTINGS, ...settings].flatMap((setting) => ['-c', setting])],
      parsers,
    })
    const db = new Kysely<Schema>({ dialect: new SerialisedPGliteDialect({ pglite }) })
    return {
      db,
      kind: 'pglite',
      async close() {
        try {
          await db.destroy()
        } finally {
          await lock?.release()
        }
      },
    }
  } catch (error) {
    await lock?.release()
    throw error
  }
}

/**
 * Opens the configured database and brings its schema up to date. With an owner connection
 * (PostgreSQL's DATABASE_OWNER_URL), the owner migrates and grants the application's role what it
 * may do, and the service then runs as the application's role alone.
 */
export async function openDatabase(config: Config['database']): Promise<Database> {
  if (config.kind === 'postgres' && config.ownerUrl) {
    const owner = openPostgres(config.ownerUrl, 1)
    try {
      await migrateToLatest(owner.db as Kysely<unknown>)
      await grantApplicationRole(owner.db, roleOf(config.url))
    } finally {
      await owner.close()
    }
    return openPostgres(config.url, config.poolSize)
  }
  const database =
    config.kind === 'postgres'
      ? openPostgres(config.url, config.poolSize)
      : await openPGlite(config.dataDir, undefined, config.sharedBuffers ? [`shared_buffers=${config.sharedBuffers}`] : [])
  try {
    await migrateToLatest(database.db as Kysely<unknown>)
  } catch (error) {
    await database.close()
    throw error
  }
  return database
}

/** PGlite's data folder as an uncompressed tarball, held in memory. */
export type PGliteImage = ArrayBuffer

/**
 * What PGlite reads of the tarball it loads: its type, to see it is not gzipped, and its bytes,
 * which it only reads (each file is copied into the new database's own memory; a test holds it to
 * that), so every database opened from one image shares it. A Blob would do, but Node reads a Blob
 * back in 64 KiB chunks it then joins: for the 44 MB image, half a second a database.
 */
function tarball(image: PGliteImage): Blob {
  const bytes = { type: 'application/x-tar', arrayBuffer: () => Promise.resolve(image) }
  return bytes as Pick<Blob, 'type' | 'arrayBuffer'> as Blob
}

/**
 * An image of a freshly migrated embedded database, and an in-memory database opened from one and
 * brought up to date: the tests open one per file without running every migration again each time.
 */
export async function migratedPGliteImage(): Promise<PGliteImage> {
  const pglite = await PGlite.create({ parsers })
  try {
    await migrateToLatest(new Kysely<unknown>({ dialect: new SerialisedPGliteDialect({ pglite }) }))
    return await (await pglite.dumpDataDir('none')).arrayBuffer()
  } finally {
    await pglite.close()
  }
}

/**
 * `settings` as for openPGlite: a test's database holds a few hundred rows, and PostgreSQL zeroes
 * all its shared buffers at start (128 MB by default, half a second a database).
 */
export async function openPGliteFromImage(image: PGliteImage, settings: readonly string[] = []): Promise<Database> {
  const database = await openPGlite('memory://', image, settings)
  try {
    await migrateToLatest(database.db as Kysely<unknown>)
  } catch (error) {
    await database.close()
    throw error
  }
  return database
}

/** Answers when the database does: what `/health` asks. */
export async function checkDatabase(db: Kysely<Schema>): Promise<void> {
  await sql`select 1`.execute(db)
}
