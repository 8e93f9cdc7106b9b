/**
 * Where a bench dataset lives, and making it once: a PostgreSQL database named by a URL (created if
 * it is missing), or the embedded database in a folder (or in memory). A database that already holds
 * the dataset of the same scale is used as it is; one that holds anything else is refused, so the
 * generator never adds made-up referrals to real ones.
 */
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { hashPassword } from '../../src/platform/auth/passwords.ts'
import { loadConfig } from '../../src/config.ts'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { generateDataset } from './generate.ts'
import { BENCH_PASSWORD, isScaleName, scales, type ScaleName } from './scales.ts'

/** Marks a database as holding a bench dataset, and which (`app_setting`). */
const MARKER = 'bench.dataset'

export interface DatasetPlace {
  readonly scale: ScaleName
  /** A PostgreSQL database's URL; without it, the embedded database. */
  readonly postgresUrl?: string | undefined
  /** For the embedded database: its folder, or `memory://` (the default). */
  readonly dataDir?: string | undefined
}

export function describePlace(place: DatasetPlace): string {
  if (place.postgresUrl) {
    const url = new URL(place.postgresUrl)
    return `PostgreSQL, database ${url.pathname.slice(1)} on ${url.host}`
  }
  const dataDir = place.dataDir ?? 'memory://'
  return dataDir.startsWith('memory://') ? 'PGlite (embedded), in memory' : `PGlite (embedded), in ${dataDir}`
}

async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`A bench database's name is lower-case letters, digits and _, not ${name}`)
  if (name === 'test' || name === 'postgres') throw new Error(`The bench never writes to the database ${name}: name one of its own`)
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const client = new pg.Client({ connectionString: maintenance.toString() })
  await client.connect()
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name])
    if (found.rowCount === 0) await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
}

/** Drops a PostgreSQL bench database (for `--drop`). */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (name === 'test' || name === 'postgres') throw new Error(`The bench never drops the database ${name}`)
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const client = new pg.Client({ connectionString: maintenance.toString() })
  await client.connect()
  try {
    await client.query(`drop database if exists ${name} with (force)`)
  } finally {
    await client.end()
  }
}

/** The embedded database as `npm start` opens it (its settings, such as EMBEDDED_SHARED_BUFFERS), in `dataDir`. */
function embeddedAsStarted(dataDir: string) {
  const { database } = loadConfig({ ...process.env, DATABASE_URL: undefined, DATA_DIR: dataDir })
  if (database.kind !== 'pglite') throw new Error('The embedded database is configured as PostgreSQL')
  return database
}

export function openPlace(place: DatasetPlace, poolSize = 10): Promise<Database> {
  return place.postgresUrl
    ? ensurePostgresDatabase(place.postgresUrl).then(() => openDatabase({ kind: 'postgres', url: place.postgresUrl ?? '', poolSize }))
    : openDatabase(embeddedAsStarted(place.dataDir ?? 'memory://'))
}

/**
 * The dataset of this scale in this database, made now if the database is empty. Says whether it
 * made it; prints each step's time as it goes.
 */
export async function ensureDataset(database: Database, scale: ScaleName, print: (line: string) => void = console.log): Promise<{ generated: boolean }> {
  const { db } = database
  const marker = await db.selectFrom('app_setting').select('value').where('key', '=', MARKER).executeTakeFirst()
  if (marker) {
    const held = (JSON.parse(marker.value) as { scale: string }).scale
    if (held !== scale) throw new Error(`This database holds the ${held} bench dataset, not ${scale}: name another database or drop it`)
    return { generated: false }
  }
  const authorities = await db.selectFrom('authority').select('id').limit(1).execute()
  if (authorities.length > 0) throw new Error('This database already holds authorities: the bench generates only into an empty database')

  print(`Generating the ${scale} dataset (${scales[scale].description}) in ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}:`)
  const began = performance.now()
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  await generateDataset(db, {
    scale: scales[scale],
    passwordHash,
    log: (step, rows, ms) =>
      print(`  ${step.padEnd(12)} ${rows > 0 ? rows.toLocaleString('en-GB').padStart(12) : ''.padStart(12)} rows ${(ms / 1000).toFixed(1).padStart(7)} s`),
  })
  await db
    .insertInto('app_setting')
    .values({ key: MARKER, value: JSON.stringify({ scale, generatedAt: new Date().toISOString() }) })
    .execute()
  print(`  all steps    ${((performance.now() - began) / 1000).toFixed(1).padStart(25)} s`)
  return { generated: true }
}

/** The dataset a bench part runs on, from `BENCH_SCALE`, `BENCH_DATABASE_URL` and `BENCH_DATA_DIR`. */
export function placeFromEnvironment(environment: NodeJS.ProcessEnv = process.env): DatasetPlace {
  const scale = environment['BENCH_SCALE'] ?? 'small'
  if (!isScaleName(scale)) throw new Error(`BENCH_SCALE is one of ${Object.keys(scales).join(', ')}, not ${scale}`)
  return { scale, postgresUrl: environment['BENCH_DATABASE_URL'] || undefined, dataDir: environment['BENCH_DATA_DIR'] || undefined }
}

/** Runs a bench part on the dataset the environment names (made first if its database is empty), and closes it after. */
export async function onDatasetFromEnvironment(part: (database: Database, place: DatasetPlace) => Promise<void>): Promise<void> {
  const place = placeFromEnvironment()
  const database = await openPlace(place)
  try {
    await ensureDataset(database, place.scale)
    await part(database, place)
  } finally {
    await database.close()
  }
}
