/**
 * `npm test`: every tier, in order, stopping at the first failure.
 *
 *   1. lint                  ESLint with no warnings allowed (the layers, promises; ADR 9), then
 *                            Prettier's check of the layout
 *   2. typecheck (source, tests and journeys)
 *   3. unit tests            {src,test,lint}/**\/*.test.ts (pure rules; no database)
 *   4. integration tests     {src,test}/**\/*.int.test.ts (the pages', and test/matrices) on PGlite,
 *                            then again on PostgreSQL when TEST_DATABASE_URL is set (the same files)
 *   5. browser journeys      e2e/**\/*.spec.ts in Debian's Chromium, on PostgreSQL when
 *                            TEST_DATABASE_URL is set, otherwise on PGlite
 */
import { spawnSync } from 'node:child_process'
import { globSync } from 'node:fs'
import { availableParallelism } from 'node:os'

const started = Date.now()

function run(title: string, command: string, args: string[], environment: Record<string, string | undefined> = {}): void {
  const stepStarted = Date.now()
  console.log(`\n▶ ${title}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...environment } })
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n✘ ${title} failed after ${seconds}s`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${title} (${seconds}s)`)
}

const all = globSync('{src,test,lint}/**/*.test.ts').sort()
const integration = all.filter((file) => file.endsWith('.int.test.ts'))
const unit = all.filter((file) => !file.endsWith('.int.test.ts'))
const postgres = process.env['TEST_DATABASE_URL'] || undefined
const only = process.argv[2]

const nodeTest = ['--test', '--test-reporter=spec']

if (!only || only === 'lint') {
  run('lint', 'eslint', ['--max-warnings=0', '.'])
  run('format check', 'prettier', ['--check', '.'])
}
if (!only || only === 'typecheck') run('typecheck', 'tsc', ['--noEmit', '-p', '.'])
if (!only || only === 'unit') run(`unit tests (${unit.length} files)`, process.execPath, [...nodeTest, ...unit])
if (!only || only === 'integration') {
  // Two files at a time: each has a database of its own, and a file mostly waits on its database, so
  // two keep both of a small machine's cores busy (node's default is one fewer than the cores).
  const concurrently = [`--test-concurrency=${Math.max(2, availableParallelism())}`]
  run(`integration tests on PGlite (${integration.length} files)`, process.execPath, [...nodeTest, ...concurrently, ...integration], { TEST_DATABASE_URL: '' })
  if (postgres) run(`integration tests on PostgreSQL (${integration.length} files)`, process.execPath, [...nodeTest, ...concurrently, ...integration])
}
if (!only || only === 'e2e') run(`browser journeys on ${postgres ? 'PostgreSQL' : 'PGlite'}`, 'playwright', ['test'])

console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)}s${postgres ? '' : ' (set TEST_DATABASE_URL to run them on PostgreSQL too)'}.`)
