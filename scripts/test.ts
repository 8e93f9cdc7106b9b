/**
 * `npm test`: every tier, stopping at the first failure.
 *
 *   1. lint                  ESLint with no warnings allowed (the layers, promises; ADR 9), then
 *                            Prettier's check of the layout
 *   2. typecheck (source, tests and journeys)
 *   3. unit tests            {src,test,lint}/**\/*.test.ts (pure rules; no database)
 *   4. integration tests     {src,test}/**\/*.int.test.ts (the pages', and test/matrices) on PGlite,
 *                            and on PostgreSQL when TEST_DATABASE_URL is set (the same files, but
 *                            the access and hostile-input matrices run once, on PostgreSQL, and
 *                            the embedded database's own once, on PGlite: ADR 28)
 *   5. browser journeys      e2e/**\/*.spec.ts in Debian's Chromium, on PostgreSQL when
 *                            TEST_DATABASE_URL is set, otherwise on PGlite
 *
 * Tiers 1 to 3 run at the same time, then tiers 4 and 5 do (ADR 27): the journeys mostly wait on a
 * browser and a server, and the integration files on their databases, so together they keep a small
 * machine's cores busy where one after another they left them idle. Each tier's output is kept and printed whole when it
 * ends, so the log reads tier by tier. `npm test -- <tier>` runs one tier, printing as it goes.
 */
import { spawn, spawnSync } from 'node:child_process'
import { globSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const started = Date.now()

/**
 * Every test process keeps its compiled modules in a cache the next one reads (a test file is a
 * process of its own, and compiling the service's modules again cost each about a second), and is
 * given a larger young generation: the tests allocate quickly and short-lived, and the default made
 * garbage collection an eighth of their time.
 */
const testEnvironment = {
  NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? join(tmpdir(), 'alongside-compile-cache'),
  NODE_OPTIONS: [process.env['NODE_OPTIONS'], '--max-semi-space-size=32'].filter(Boolean).join(' '),
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1)
}

function run(title: string, command: string, args: string[], environment: Record<string, string | undefined> = {}): void {
  const stepStarted = Date.now()
  console.log(`\n▶ ${title}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...testEnvironment, ...environment } })
  if (result.status !== 0) {
    console.error(`\n✘ ${title} failed after ${seconds(stepStarted)}s`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${title} (${seconds(stepStarted)}s)`)
}

interface Tier {
  readonly title: string
  readonly command: string
  readonly args: readonly string[]
  readonly environment?: Record<string, string | undefined>
}

/** Runs the tiers at once, each printed whole as it ends; exits with the first failure's status once all have ended. */
async function runTogether(tiers: readonly Tier[]): Promise<void> {
  const started = Date.now()
  console.log(`\n▶ at once: ${tiers.map((tier) => tier.title).join('; ')}`)
  const results = await Promise.all(
    tiers.map(
      (tier) =>
        new Promise<{ tier: Tier; status: number }>((resolve) => {
          const output: Buffer[] = []
          const child = spawn(tier.command, tier.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...testEnvironment, ...tier.environment } })
          child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
          child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
          child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)))
          child.on('close', (code) => {
            const status = code ?? 1
            console.log(`\n▼ ${tier.title}\n`)
            process.stdout.write(Buffer.concat(output))
            console.log(status === 0 ? `✔ ${tier.title} (${seconds(started)}s)` : `\n✘ ${tier.title} failed after ${seconds(started)}s`)
            resolve({ tier, status })
          })
        }),
    ),
  )
  const failed = results.filter((result) => result.status !== 0)
  if (failed.length > 0) {
    console.error(`\n✘ failed: ${failed.map((result) => result.tier.title).join('; ')}`)
    process.exit(failed[0]?.status ?? 1)
  }
}

const all = globSync('{src,test,lint}/**/*.test.ts').sort()
const integration = all.filter((file) => file.endsWith('.int.test.ts'))
/**
 * The access and hostile-input matrices try every route as every role and every field with every
 * hostile shape: they test the service's rules and its handling of input, which are the same code on
 * either database, and they were a quarter of each database's run. With PostgreSQL to run them on,
 * they run there alone (ADR 28); the pages' own tests still run on both.
 */
const matrices = (file: string) => file.startsWith('test/matrices/')
/**
 * Files that test the embedded database itself (its folder's lock, PGlite in a folder, PGlite's
 * images) open PGlite whatever TEST_DATABASE_URL says: on PostgreSQL's run they were the same tests
 * a second time, and nearly a tenth of that run. They run with PGlite's files.
 */
const embeddedFiles = [
  'src/platform/db/data-folder-lock.int.test.ts',
  'src/platform/db/embedded-durability.int.test.ts',
  'src/platform/db/pglite-image.int.test.ts',
]
const embeddedOnly = (file: string) => embeddedFiles.includes(file)
/** Files that test what only the service's PostgreSQL connections do (statements prepared once: ADR 35). */
const postgresFiles = ['src/platform/db/prepared-statements.int.test.ts']
const gone = [...embeddedFiles, ...postgresFiles].filter((file) => !integration.includes(file))
if (gone.length > 0) throw new Error(`scripts/test.ts names files for one database that are not there: ${gone.join(', ')}`)
const postgresOnly = (file: string) => postgresFiles.includes(file)
const unit = all.filter((file) => !file.endsWith('.int.test.ts'))
const postgres = process.env['TEST_DATABASE_URL'] || undefined
const only = process.argv[2]

const nodeTest = ['--test', '--test-reporter=spec']

// The checks that need no database run at once too: ESLint and the type checker each keep one core
// busy, so one after another they left the other idle for a minute.
const checks: Tier[] = []
if (!only || only === 'lint') {
  checks.push({ title: 'lint', command: 'eslint', args: ['--max-warnings=0', '.'] })
  checks.push({ title: 'format check', command: 'prettier', args: ['--check', '.'] })
}
if (!only || only === 'typecheck') checks.push({ title: 'typecheck', command: 'tsc', args: ['--noEmit', '-p', '.'] })
if (!only || only === 'unit') checks.push({ title: `unit tests (${unit.length} files)`, command: process.execPath, args: [...nodeTest, ...unit] })
if (only) for (const check of checks) run(check.title, check.command, [...check.args], check.environment)
else await runTogether(checks)
// Each database's files run one after another in one process (ADR 28): loading the service, and on
// PGlite compiling its WebAssembly, once per run instead of once per file halved their CPU time.
// Each file still has a database and an app of its own. A second reporter ends each run with its
// slowest top-level tests (scripts/test-durations.ts), to keep CI within its budget.
const inOneProcess = [
  '--test-isolation=none',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/test-durations.ts',
  '--test-reporter-destination=stdout',
]
const tiers: Tier[] = []
if (!only || only === 'integration') {
  const onPGlite = integration.filter((file) => !postgresOnly(file) && !(postgres && matrices(file)))
  tiers.push({
    title: `integration tests on PGlite (${onPGlite.length} files${postgres ? '; the matrices on PostgreSQL only' : `; ${postgresFiles.length} of PostgreSQL's own not run without TEST_DATABASE_URL`})`,
    command: process.execPath,
    args: [...nodeTest, ...inOneProcess, ...onPGlite],
    environment: { TEST_DATABASE_URL: '' },
  })
  const onPostgres = integration.filter((file) => !embeddedOnly(file))
  if (postgres)
    tiers.push({
      title: `integration tests on PostgreSQL (${onPostgres.length} files; the embedded database's own on PGlite only)`,
      command: process.execPath,
      args: [...nodeTest, ...inOneProcess, ...onPostgres],
    })
}
if (!only || only === 'e2e') tiers.push({ title: `browser journeys on ${postgres ? 'PostgreSQL' : 'PGlite'}`, command: 'playwright', args: ['test'] })
if (only) for (const tier of tiers) run(tier.title, tier.command, [...tier.args], tier.environment)
else await runTogether(tiers)

console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)}s${postgres ? '' : ' (set TEST_DATABASE_URL to run them on PostgreSQL too)'}.`)
