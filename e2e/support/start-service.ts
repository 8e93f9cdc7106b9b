/**
 * Starts the real service for the journeys: demo data on a fresh database (a new PostgreSQL
 * database when TEST_DATABASE_URL is set, otherwise a new PGlite folder), then runs src/server.ts
 * exactly as `npm start` would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { serviceClockFile } from './service-clock.ts'

const port = process.argv[2] ?? '3100'
const postgres = process.env['TEST_DATABASE_URL'] || undefined

process.env['PORT'] = port
process.env['HOST'] = '127.0.0.1'
process.env['DEMO'] = 'true'
process.env['LOG_LEVEL'] = 'warn'
process.env['VIEW_CACHE'] = 'true'
process.env['BASE_URL'] = `http://127.0.0.1:${port}`
// The service's clock runs as far ahead as this file says: a journey writes to it to let time pass (e2e/support/service-clock.ts).
process.env['TEST_CLOCK_FILE'] = serviceClockFile(port)
writeFileSync(serviceClockFile(port), '0')

if (postgres) {
  const name = `alongside_e2e_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: postgres })
  await client.connect()
  // Databases left by an earlier, interrupted run can go; one another run is using (it has
  // connections open) stays, because it is dropped without force, and then only tried again later.
  const stale = await client.query<{ datname: string }>("select datname from pg_database where datname like 'alongside_e2e_%'")
  for (const { datname } of stale.rows) await client.query(`drop database if exists ${datname}`).catch(() => undefined)
  await client.query(`create database ${name}`)
  await client.end()
  const url = new URL(postgres)
  url.pathname = `/${name}`
  process.env['DATABASE_URL'] = url.toString()
} else {
  delete process.env['DATABASE_URL']
  process.env['DATA_DIR'] = mkdtempSync(join(tmpdir(), 'alongside-e2e-'))
}

await import('../../src/server.ts')
