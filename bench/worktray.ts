import type { ReferralState } from '../src/vocabulary/referrals.ts'
/**
 * How the worktrays hold up as the history grows.
 *
 * For each database (PGlite always; PostgreSQL too when TEST_DATABASE_URL or BENCH_DATABASE_URL is
 * set) it builds an authority with a fixed amount of open work, then grows the history of ended
 * referrals from 1,000 to 100,000 and times the first page of "my team's work" and of a service
 * manager's "my work" through the real services, each with the lists beside it, as their pages read
 * them. It prints the median and worst of each, and the
 * ratio to the smallest history: a worktray that stays fast keeps that ratio near 1.
 *
 * Figures vary with the machine; the ratios are what to compare. Tests never assert timings.
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import pg from 'pg'
import { compose } from '../src/composition.ts'
import { loadConfig } from '../src/config.ts'
import * as adminRepository from '../src/features/admin/repository.ts'
import { FGC_ADVOCACY_ADMIN } from '../src/features/admin/service.ts'
import type { Caller } from '../src/platform/auth/roles.ts'
import { openDatabase, type Database } from '../src/platform/db/database.ts'
import { dropDatabase } from '../test/support/database.ts'
import type { NewRow } from '../src/platform/db/schema.ts'
import { addDays } from '../src/platform/time/calendar.ts'
import type { Clock } from '../src/platform/time/clock.ts'

const HISTORY_SIZES = [1_000, 10_000, 100_000]
const OPEN_WAITING_ON_TEAM = 400
const OPEN_WAITING_ON_MANAGER = 60
const RUNS = 40
const TODAY = '2026-11-24'
const clock: Clock = { now: () => new Date(`${TODAY}T10:00:00Z`) }

const ENDED = ['completed', 'no_further_action', 'withdrawn'] as const

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

async function time(runs: number, work: () => Promise<unknown>): Promise<{ median: number; worst: number }> {
  await work()
  const samples: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { median: percentile(samples, 50), worst: samples[samples.length - 1] ?? Number.NaN }
}

async function freshPostgres(url: string): Promise<Database> {
  const name = `alongside_bench_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 4 })
  return {
    ...database,
    async close() {
      await database.close()
      await dropDatabase(url, name)
    },
  }
}

async function bench(label: string, database: Database): Promise<void> {
  const { db } = database
  const authorityId = await adminRepository.insertAuthority(db, { name: 'Bench Borough', isDemo: true })
  const teamId = await adminRepository.insertTeam(db, { authorityId, ...FGC_ADVOCACY_ADMIN })
  const referrerId = await adminRepository.insertUser(db, {
    authorityId,
    email: `r-${authorityId}@bench`,
    displayName: 'Referrer',
    roles: ['referrer'],
    passwordHash: null,
  })
  const adminId = await adminRepository.insertUser(db, {
    authorityId,
    email: `a-${authorityId}@bench`,
    displayName: 'Admin',
    roles: ['advocacy_admin'],
    passwordHash: null,
  })
  const managerId = await adminRepository.insertUser(db, {
    authorityId,
    email: `m-${authorityId}@bench`,
    displayName: 'Manager',
    roles: ['service_manager'],
    passwordHash: null,
  })
  await adminRepository.addTeamMember(db, { authorityId, teamId, userId: adminId })
  const { services } = await compose(db, clock, loadConfig({ SESSION_SECRET: 'bench secret that is long enough!!' }))
  const admin: Caller = { ip: null, user: { id: adminId, authorityId, displayName: 'Admin', email: '', roles: ['advocacy_admin'], teamIds: [teamId] } }
  const manager: Caller = { ip: null, user: { id: managerId, authorityId, displayName: 'Manager', email: '', roles: ['service_manager'], teamIds: [] } }

  let reference = 0
  const row = (state: ReferralState, waiting: { team?: string; user?: string }, dueOffset: number): NewRow<'referral'> => {
    reference += 1
    return {
      authority_id: authorityId,
      reference: `B-${reference}`,
      referrer_id: referrerId,
      state,
      waiting_on_team_id: waiting.team ?? null,
      waiting_on_user_id: waiting.user ?? null,
      step_due_on: waiting.team || waiting.user ? addDays(TODAY, dueOffset) : null,
      closed_at: waiting.team || waiting.user ? null : clock.now(),
      created_at: clock.now(),
      updated_at: clock.now(),
    }
  }
  const insert = async (rows: NewRow<'referral'>[]) => {
    for (let start = 0; start < rows.length; start += 500)
      await db
        .insertInto('referral')
        .values(rows.slice(start, start + 500))
        .execute()
  }

  await insert([
    ...Array.from({ length: OPEN_WAITING_ON_TEAM }, (_, index) => row(index % 2 ? 'awaiting_admin' : 'in_review', { team: teamId }, (index % 30) - 10)),
    ...Array.from({ length: OPEN_WAITING_ON_MANAGER }, (_, index) => row('awaiting_decision', { user: managerId }, (index % 10) - 3)),
  ])

  const filters = { step: null, due: null, page: 1 } as const
  let history = 0
  let baseline: { team: number; mine: number } | undefined
  console.log(`\n${label}: ${OPEN_WAITING_ON_TEAM} items in the team's work, ${OPEN_WAITING_ON_MANAGER} in a manager's; first page of 25, ${RUNS} runs each`)
  console.log('  ended referrals   team work median / worst   ratio   my work median / worst   ratio')
  for (const size of HISTORY_SIZES) {
    const add = size - history
    await insert(Array.from({ length: add }, () => row(ENDED[reference % ENDED.length] ?? 'completed', {}, 0)))
    history = size
    await sql`analyze referral`.execute(db)
    const team = await time(RUNS, () => services.worktray.teamWorkPage(admin, filters))
    const mine = await time(RUNS, () => services.worktray.myWorkPage(manager, filters))
    baseline ??= { team: team.median, mine: mine.median }
    console.log(
      `  ${size.toLocaleString('en-GB').padStart(15)}   ${team.median.toFixed(2).padStart(8)} ms / ${team.worst.toFixed(2).padStart(7)} ms   ${(team.median / baseline.team).toFixed(2).padStart(5)}   ${mine.median.toFixed(2).padStart(8)} ms / ${mine.worst.toFixed(2).padStart(7)} ms   ${(mine.median / baseline.mine).toFixed(2).padStart(5)}`,
    )
  }
}

export async function benchWorktrays(): Promise<void> {
  const pglite = await openDatabase({ kind: 'pglite', dataDir: 'memory://' })
  try {
    await bench('PGlite (embedded)', pglite)
  } finally {
    await pglite.close()
  }

  const postgresUrl = process.env['BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL']
  if (postgresUrl) {
    const postgres = await freshPostgres(postgresUrl)
    try {
      await bench('PostgreSQL', postgres)
    } finally {
      await postgres.close()
    }
  } else {
    console.log('\n(Set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure PostgreSQL too.)')
  }
}
