/**
 * The pages people open all day, measured side by side with a template-only baseline.
 *
 * It opens a bench dataset (bench/generate/: `BENCH_SCALE`, default `small`; on PostgreSQL when
 * `BENCH_DATABASE_URL` names a database of the bench's own, else on the embedded database, in
 * `BENCH_DATA_DIR` or in memory), starts the whole service on it, and signs in through the real
 * sign-in page as an FGC Advocacy Admin of the authority with the most work waiting on its team. It
 * opens each page once to capture what it hands its template (the view model, with everything the
 * layout sees), then serves exactly that from memory through the same view plugin in a minimal
 * Fastify: the template-only baseline, what the page would cost if reading and auditing were free.
 *
 * Each page is loaded at 1, 10 and 50 connections (`BENCH_CONNECTIONS`) for `BENCH_SECONDS` each,
 * from a separate process (autocannon, bench/load.ts), and the service's process CPU is read before
 * and after (process.cpuUsage); on a local PostgreSQL so is its backends' (/proc). It prints
 * throughput, p50 and p99, CPU per request and the ratio to the baseline, and the process's memory
 * at rest after start and after the load. It never fails on a timing: it prints.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { sql } from 'kysely'
import nunjucks from 'nunjucks'
import { createApplication } from '../src/application.ts'
import { startSealing } from '../src/platform/audit/seal.ts'
import { loadConfig } from '../src/config.ts'
import type { Database } from '../src/platform/db/database.ts'
import { buildPageAssets } from '../src/platform/http/page-assets.ts'
import { views } from '../src/platform/http/views.ts'
import { createTranslations } from '../src/platform/i18n/translations.ts'
import { systemClock } from '../src/platform/time/clock.ts'
import { root } from '../test/support/app.ts'
import { describePlace, ensureDataset, openPlace, type DatasetPlace } from './generate/datasets.ts'
import { BENCH_PASSWORD, isScaleName, scales, type ScaleName } from './generate/scales.ts'
import type { LoadRequest, LoadResult } from './load.ts'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4)
const CONNECTIONS = (process.env['BENCH_CONNECTIONS'] ?? '1,10,50').split(',').map(Number)
/** The service's connections to PostgreSQL, as `DATABASE_POOL_SIZE` starts them. */
const POOL_SIZE = 10

/** What a page handed its template, captured from the one real render. */
interface Captured {
  readonly template: string
  readonly context: Record<string, unknown>
}

let capture: ((captured: Captured) => void) | null = null
const render = Reflect.get(nunjucks.Environment.prototype, 'render') as (this: nunjucks.Environment, ...args: unknown[]) => unknown
// Every template rendered in this process passes here; while `capture` is set, the page's own
// template and the context it was given are kept (the first render of a request is the page's).
nunjucks.Environment.prototype.render = function (this: nunjucks.Environment, ...args: unknown[]) {
  const [template, context] = args as [string, Record<string, unknown>]
  if (capture && typeof template === 'string') {
    capture({ template, context })
    capture = null
  }
  return render.apply(this, args)
} as typeof nunjucks.Environment.prototype.render

function percentOf(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)} %` : '-'
}

/** A browser's cookie and the form token of the page it last read. */
async function signIn(base: string, email: string): Promise<string> {
  const first = await fetch(`${base}/sign-in`, { redirect: 'manual' })
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const token = /name="_csrf" value="([^"]+)"/.exec(await first.text())?.[1] ?? ''
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password: BENCH_PASSWORD }).toString(),
  })
  await signedIn.arrayBuffer()
  const session = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (signedIn.status !== 303 && signedIn.status !== 302) throw new Error(`Signing in as ${email} answered ${signedIn.status}`)
  return session
}

/** Opens a page once as this browser, keeping what it handed its template. */
async function capturePage(base: string, path: string, cookie: string): Promise<Captured> {
  let captured: Captured | undefined
  capture = (found) => (captured = found)
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' })
  await response.arrayBuffer()
  capture = null
  if (response.status !== 200 || !captured) throw new Error(`${path} answered ${response.status}: the bench cannot measure it`)
  return captured
}

/** The same view plugin in a Fastify that does nothing else: each page's captured view model, from memory. */
async function templateOnly(pages: Readonly<Record<string, Captured>>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  // The view plugin reads the form token and the page's flash; here there are none.
  await app.register(
    fp(
      async (scope: FastifyInstance) => {
        scope.decorateRequest('csrfToken', () => '')
        scope.decorateRequest('pageFlash', null as unknown as FastifyRequest['pageFlash'])
        scope.addHook('onRequest', async (request) => {
          request.pageFlash = {}
        })
      },
      { name: 'csrf' },
    ),
  )
  const pageAssets = await buildPageAssets(root)
  await app.register(views, { root, cache: true, logo: null, translations: createTranslations(), assets: pageAssets.urls })
  for (const [path, page] of Object.entries(pages)) app.get(path, (_request, reply) => reply.view(page.template, page.context))
  return app
}

function load(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL('./load.ts', import.meta.url).pathname, JSON.stringify(request)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`the load process ended with ${code}`))))
  })
}

/**
 * CPU time (ms) of this database's PostgreSQL backends, when PostgreSQL runs on this machine and
 * /proc shows it; null otherwise. Other databases' backends (other people's tests) are not counted.
 */
async function postgresCpu(database: Database): Promise<Map<number, number> | null> {
  if (database.kind !== 'postgres') return null
  const rows = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(database.db)
  const found = new Map<number, number>()
  for (const { pid } of rows.rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
    if (stat === null) return null
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime, the 14th and 15th fields, in clock ticks (100 a second).
    found.set(pid, (Number(fields[11]) + Number(fields[12])) * 10)
  }
  return found
}

function cpuSpent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null
  let spent = 0
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0)
  return spent
}

interface Measured {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly failures: number
  readonly cpuPerRequest: number
  readonly dbCpuPerRequest: number | null
}

async function measure(url: string, connections: number, cookie: string, database: Database | null): Promise<Measured> {
  const dbBefore = database ? await postgresCpu(database) : null
  const before = process.cpuUsage()
  const result = await load({ url, connections, seconds: SECONDS, cookie })
  const spent = process.cpuUsage(before)
  const dbSpent = database ? cpuSpent(dbBefore, await postgresCpu(database)) : null
  const requests = Math.max(1, result.requests)
  return {
    rps: result.requests / result.seconds,
    p50: result.p50,
    p99: result.p99,
    failures: result.failures,
    cpuPerRequest: (spent.user + spent.system) / 1000 / requests,
    dbCpuPerRequest: dbSpent === null ? null : dbSpent / requests,
  }
}

/**
 * The process's memory at rest: read once starting has given back what it took, not at a fixed
 * moment. Read every half second until the resident set moves by less than 2 MiB between readings
 * (or 20 s have passed, which it says); on a slow machine one second after start caught a few hundred
 * MiB that the garbage collector and PGlite gave back moments later.
 */
async function memoryOnceSettled(): Promise<string> {
  const started = Date.now()
  let last = process.memoryUsage().rss
  for (;;) {
    await sleep(500)
    const now = process.memoryUsage().rss
    const waited = ((Date.now() - started) / 1000).toFixed(1)
    if (Math.abs(now - last) < 2 * 1_048_576) return `${memory()}, settled after ${waited} s`
    if (Date.now() - started > 20_000) return `${memory()}, still moving after ${waited} s`
    last = now
  }
}

function memory(): string {
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage()
  const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MiB`
  return `RSS ${mb(rss)} (JS heap ${mb(heapUsed)} used of ${mb(heapTotal)}; external ${mb(external)}, of it ArrayBuffers ${mb(arrayBuffers)})`
}

export async function benchPages(): Promise<void> {
  const scale = process.env['BENCH_SCALE'] ?? 'small'
  if (!isScaleName(scale)) throw new Error(`BENCH_SCALE is one of ${Object.keys(scales).join(', ')}, not ${scale}`)
  const postgresUrl = scale === 'embedded' ? undefined : process.env['BENCH_DATABASE_URL'] || undefined
  const place: DatasetPlace = { scale, postgresUrl, dataDir: process.env['BENCH_DATA_DIR'] || undefined }
  const inMemory = !postgresUrl && (place.dataDir ?? 'memory://').startsWith('memory://')
  if (!inMemory) await generateElsewhere(place)

  const database = await openPlace(place, POOL_SIZE)
  try {
    await ensureDataset(database, scale)
    await benchOn(database, place, scale, inMemory)
  } finally {
    await database.close()
  }
}

/**
 * A dataset kept on disk or in PostgreSQL is made by a process of its own, so that this one starts
 * as the service would, and its memory at rest is the service's, not the generator's.
 */
async function generateElsewhere(place: DatasetPlace): Promise<void> {
  const args = ['--scale', place.scale, ...(place.postgresUrl ? ['--database-url', place.postgresUrl] : ['--data-dir', place.dataDir ?? ''])]
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [new URL('./generate/cli.ts', import.meta.url).pathname, ...args], { stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generating the dataset ended with ${code}`))))
  })
}

async function benchOn(database: Database, place: DatasetPlace, scale: ScaleName, inMemory: boolean): Promise<void> {
  const { db } = database
  const config = loadConfig({ SESSION_SECRET: 'a bench secret that is long enough to be accepted', VIEW_CACHE: 'true' })
  const { app, mailer } = await createApplication({ database, clock: systemClock, config, root, logger: false })
  // As the service runs: the audit trail sealed every second, off the requests (ADR 23), its cost in this process's.
  const sealer = startSealing(database.db, (error) => console.error('could not seal the audit trail', error))
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const atRest = await memoryOnceSettled()

  // The authority with the most work waiting on its team, one of its admins, a referral in review
  // with an advocate, and the parent of it to search for.
  const busiest = await db
    .selectFrom('referral')
    .select(['authority_id', (eb) => eb.fn.countAll<number>().as('waiting')])
    .where('waiting_on_team_id', 'is not', null)
    .groupBy('authority_id')
    .orderBy('waiting', 'desc')
    .executeTakeFirstOrThrow()
  const authorityId = busiest.authority_id
  const admin = await db
    .selectFrom('app_user')
    .select('email')
    .where('authority_id', '=', authorityId)
    .where(sql<boolean>`'advocacy_admin' = any(roles)`)
    .orderBy('email')
    .executeTakeFirstOrThrow()
  const referral = await db
    .selectFrom('referral')
    .innerJoin('allocation', 'allocation.referral_id', 'referral.id')
    .innerJoin('person', 'person.id', 'referral.person_id')
    .select(['referral.id', 'person.given_name', 'person.family_name', 'person.date_of_birth'])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.state', '=', 'in_review')
    .where('allocation.status', '=', 'accepted')
    .orderBy('referral.reference')
    .executeTakeFirstOrThrow()
  const [year, month, day] = (referral.date_of_birth ?? '1980-01-01').split('-')
  const search = new URLSearchParams({
    givenName: referral.given_name,
    familyName: referral.family_name,
    'dateOfBirth-day': String(Number(day)),
    'dateOfBirth-month': String(Number(month)),
    'dateOfBirth-year': year ?? '',
  })

  const cookie = await signIn(base, admin.email)
  const pages = {
    "My team's work": '/team-work',
    'referral page': `/referrals/${referral.id}`,
    'people search': `/people?${search.toString()}`,
  }
  const captured: Record<string, Captured> = {}
  const baselinePaths: Record<string, string> = {}
  for (const [name, path] of Object.entries(pages)) {
    const baselinePath = `/${Object.keys(baselinePaths).length}`
    captured[baselinePath] = await capturePage(base, path, cookie)
    baselinePaths[name] = baselinePath
  }
  const baseline = await templateOnly(captured)
  await baseline.listen({ host: '127.0.0.1', port: 0 })
  const baselineBase = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}`

  console.log(`\nPages, side by side with the same templates and data from memory (template-only)`)
  console.log(`  dataset: ${scale}, ${scales[scale].description}`)
  console.log(`  database: ${describePlace(place)}`)
  console.log(
    `  signed in as an FGC Advocacy Admin of the authority with the most work waiting on its team (${Number(busiest.waiting).toLocaleString('en-GB')} items); ${SECONDS} s a run`,
  )
  console.log(
    `  CPU per request: this process${database.kind === 'postgres' ? ", and this database's PostgreSQL backends (db)" : ' (the embedded database runs in it)'}`,
  )
  console.log(
    '\n  page             conns |   req/s  p50 ms  p99 ms  CPU ms/req' +
      (database.kind === 'postgres' ? '  db ms/req' : '') +
      ' | template-only req/s  p50 ms  p99 ms  CPU ms/req | ratio',
  )
  for (const [name, path] of Object.entries(pages)) {
    // Requests first, so neither side is measured cold: on PostgreSQL, enough that every pooled
    // connection has run each statement more than five times, and keeps its plan (ADR 35), as a
    // service that has run for a while does. Fewer left some connections planning every statement
    // afresh through the whole of a slow page's runs.
    await load({ url: `${base}${path}`, connections: Math.max(...CONNECTIONS), seconds: 1, amount: 10 * POOL_SIZE, cookie })
    await load({ url: `${baselineBase}${baselinePaths[name] ?? ''}`, connections: 2, seconds: 1, cookie: '' })
    for (const connections of CONNECTIONS) {
      const real = await measure(`${base}${path}`, connections, cookie, database)
      const only = await measure(`${baselineBase}${baselinePaths[name] ?? ''}`, connections, '', null)
      const failed = real.failures + only.failures > 0 ? `  (${real.failures + only.failures} answers were not 200: not a fair figure)` : ''
      console.log(
        `  ${name.padEnd(16)} ${String(connections).padStart(5)} | ${real.rps.toFixed(1).padStart(7)} ${real.p50.toFixed(0).padStart(7)} ${real.p99.toFixed(0).padStart(7)} ${real.cpuPerRequest.toFixed(2).padStart(11)}` +
          (database.kind === 'postgres' ? ` ${real.dbCpuPerRequest === null ? '-'.padStart(10) : real.dbCpuPerRequest.toFixed(2).padStart(10)}` : '') +
          ` | ${only.rps.toFixed(1).padStart(19)} ${only.p50.toFixed(0).padStart(7)} ${only.p99.toFixed(0).padStart(7)} ${only.cpuPerRequest.toFixed(2).padStart(11)} | ${percentOf(real.rps, only.rps).padStart(5)}${failed}`,
      )
    }
  }
  console.log(`\n  memory of this process, at rest after start: ${atRest}${inMemory ? ' (the dataset was generated in this process)' : ''}`)
  console.log(`  and after the load:                         ${memory()}`)
  await baseline.close()
  await app.close()
  await sealer.stop()
  await mailer.close()
}
