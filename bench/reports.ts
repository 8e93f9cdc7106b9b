/**
 * The reports on a generated dataset: the annual evaluation of one authority-year (as recorded, and
 * as it leaves the service, which also works out each quarter's withheld figures) and the quarterly
 * return of one quarter, through the real services, as an analyst of the authority with the most
 * referrals would ask for them, for the financial year it sent the most in.
 *
 * The same place as the pages' bench (`BENCH_SCALE`, default `small`; `BENCH_DATABASE_URL` for
 * PostgreSQL, else PGlite in `BENCH_DATA_DIR` or in memory). It prints the median and worst of
 * `BENCH_REPORT_RUNS` runs (default 5). The dataset holds what the reports read beside the
 * referrals (equality answers, readiness, children's offers, feedback by every way of giving it,
 * themes and codings), in the proportions `generate/generate.ts` describes.
 *
 * Figures vary with the machine; tests never assert timings.
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { downloadAnnualEvaluation, viewAnnualEvaluation } from '../src/features/reports/evaluation-service.ts'
import { financialYear, quarter, type Period } from '../src/features/reports/periods.ts'
import type { Database } from '../src/platform/db/database.ts'
import { bringReportFactsUpToDate, viewQuarterlyReturn } from '../src/features/reports/reports-service.ts'
import type { Caller } from '../src/platform/auth/roles.ts'
import { systemClock } from '../src/platform/time/clock.ts'
import { describePlace, onDatasetFromEnvironment } from './generate/datasets.ts'
import { scales } from './generate/scales.ts'

const RUNS = Number(process.env['BENCH_REPORT_RUNS'] ?? 5)

async function time(work: () => Promise<unknown>): Promise<string> {
  await work()
  const samples: number[] = []
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)] ?? Number.NaN
  const worst = samples[samples.length - 1] ?? Number.NaN
  return `median ${median.toFixed(0).padStart(6)} ms, worst ${worst.toFixed(0).padStart(6)} ms (${RUNS} runs)`
}

/**
 * The whole dataset: every authority's evaluation of the year, as recorded, once each, one after
 * another and then ten at a time (as a busy morning of analysts would ask). No role reads across
 * authorities (the independence wall), so a national figure is every authority's own.
 */
async function everyAuthority(context: { db: Database['db']; clock: typeof systemClock }, year: Period) {
  const analysts = await sql<{ id: string; authority_id: string; email: string; display_name: string }>`
    select distinct on (authority_id) id, authority_id, email, display_name from app_user order by authority_id, id`.execute(context.db)
  if (analysts.rows.length < 2) return
  const callers: Caller[] = analysts.rows.map((user) => ({
    user: { id: user.id, authorityId: user.authority_id, displayName: user.display_name, email: user.email, roles: ['analyst'], teamIds: [] },
    ip: null,
  }))
  const oneAfterAnother = performance.now()
  for (const caller of callers) await viewAnnualEvaluation(context, caller, year, false)
  const sequential = performance.now() - oneAfterAnother
  const tenAtATime = performance.now()
  const waiting = [...callers]
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let caller = waiting.shift(); caller; caller = waiting.shift()) await viewAnnualEvaluation(context, caller, year, false)
    }),
  )
  const concurrent = performance.now() - tenAtATime
  const each = (total: number) => `${(total / 1000).toFixed(1)} s (${(total / callers.length).toFixed(0)} ms an authority)`
  console.log(`  every authority's evaluation (${callers.length}), one after another ${each(sequential)}; ten at a time ${each(concurrent)}`)
}

export async function benchReports(): Promise<void> {
  await onDatasetFromEnvironment(async (database, place) => {
    const { scale } = place
    const { db } = database
    const busiest = await sql<{ authority_id: string; year: number; referrals: number }>`
      select authority_id,
        extract(year from (sent_at at time zone 'Europe/London') - interval '3 months')::int as year,
        count(*)::int as referrals
      from referral where sent_at is not null
      group by 1, 2 order by 3 desc limit 1`.execute(db)
    const row = busiest.rows[0]
    if (!row) throw new Error('The dataset has no referral sent')
    const user = await db
      .selectFrom('app_user')
      .select(['id', 'email', 'display_name'])
      .where('authority_id', '=', row.authority_id)
      .limit(1)
      .executeTakeFirstOrThrow()
    const caller: Caller = {
      user: { id: user.id, authorityId: row.authority_id, displayName: user.display_name, email: user.email, roles: ['analyst'], teamIds: [] },
      ip: null,
    }
    const context = { db, clock: systemClock }
    const year = financialYear(row.year)
    console.log(`\nReports, on ${describePlace(place)} (${scales[scale].description})`)
    const voices = await sql<{ responses: number; offers: number }>`
      select (select count(*)::int from feedback_response where authority_id = ${row.authority_id}) as responses,
        (select count(*)::int from child_advocacy_offer where authority_id = ${row.authority_id}) as offers`.execute(db)
    const held = voices.rows[0]
    const drawing = performance.now()
    const drawn = await bringReportFactsUpToDate(context)
    console.log(
      `  the reports' facts of ${drawn.toLocaleString('en-GB')} referrals changed since they were last drawn, drawn again in ${((performance.now() - drawing) / 1000).toFixed(1)} s`,
    )
    console.log(`  one authority-year: ${year.label}, ${row.referrals.toLocaleString('en-GB')} referrals sent`)
    console.log(
      `  the authority holds ${(held?.responses ?? 0).toLocaleString('en-GB')} feedback answers and ${(held?.offers ?? 0).toLocaleString('en-GB')} children's offers`,
    )
    console.log(`  annual evaluation, as recorded         ${await time(() => viewAnnualEvaluation(context, caller, year, false))}`)
    console.log(`  annual evaluation, as it leaves         ${await time(() => viewAnnualEvaluation(context, caller, year, true))}`)
    console.log(`  annual evaluation, CSV                  ${await time(() => downloadAnnualEvaluation(context, caller, year, 'csv'))}`)
    console.log(`  annual evaluation, PDF                  ${await time(() => downloadAnnualEvaluation(context, caller, year, 'pdf'))}`)
    console.log(`  quarterly return, Q3, as it leaves      ${await time(() => viewQuarterlyReturn(context, caller, quarter(row.year, 3), true))}`)
    await everyAuthority(context, year)
  })
}
