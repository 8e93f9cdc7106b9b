import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
const captured: { sql: string; parameters: readonly unknown[] }[] = []
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/bench_small_v2', max: 2 }) }), log: (e) => { captured.push(e.query) } })
const a = (await sql<{ id: string }>`select authority_id as id from referral group by 1 order by count(*) desc limit 1`.execute(db)).rows[0]!.id
const r = await import('../src/features/reports/reports-repository.ts')
const { windowOf } = await import('../src/features/reports/reports-service.ts')
const { financialYear, quarter } = await import('../src/features/reports/periods.ts')
const ws = [financialYear(2025), financialYear(2024), quarter(2025,1), quarter(2025,2), quarter(2025,3), quarter(2025,4), quarter(2024,1), quarter(2024,2), quarter(2024,3), quarter(2024,4)].map(windowOf)
captured.length = 0
await r.referralAndTeamFiguresByWindow(db as any, a, ws)
for (const q of [...captured]) {
  const text = q.sql.replace(/\$(\d+)/g, (_: string, n: string) => { const v = q.parameters[Number(n) - 1]; return v instanceof Date ? `'${v.toISOString()}'::timestamptz` : `'${String(v)}'` })
  const res = await sql.raw('explain (analyze, timing on) ' + text).execute(db)
  const lines = (res.rows as any[]).map((r) => r['QUERY PLAN'] as string)
  console.log(lines.filter((l) => /actual time/.test(l) && !/Index Scan|Bitmap Index/.test(l)).slice(0, 25).map((l) => l.slice(0, 170)).join('\n'))
  console.log(lines.slice(-2).join('\n'), '\n-----')
}
await db.destroy()
