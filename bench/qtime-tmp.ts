import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/platform/db/database.ts'
import * as r from '../src/features/reports/reports-repository.ts'
import * as v from '../src/features/reports/voices-repository.ts'
import { windowOf } from '../src/features/reports/reports-service.ts'
import { financialYear, quarter } from '../src/features/reports/periods.ts'
import { sql } from 'kysely'
const database = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/bench_small_v2', poolSize: 10 })
const db = database.db
const a = (await sql<{ id: string }>`select authority_id as id from referral group by 1 order by count(*) desc limit 1`.execute(db)).rows[0]!.id
const ws = [financialYear(2025), financialYear(2024), quarter(2025,1), quarter(2025,2), quarter(2025,3), quarter(2025,4), quarter(2024,1), quarter(2024,2), quarter(2024,3), quarter(2024,4)].map(windowOf)
const time = async (name: string, f: () => Promise<unknown>) => { await f(); const t0 = performance.now(); for (let i = 0; i < 3; i++) await f(); console.log(name.padEnd(30), ((performance.now() - t0) / 3).toFixed(0), 'ms') }
await time('referralFiguresByWindow', () => r.referralFiguresByWindow(db, a, ws))
await time('childFiguresByWindow', () => r.childFiguresByWindow(db, a, ws))
await time('childOfferFiguresByWindow', () => r.childOfferFiguresByWindow(db, a, ws))
await time('teams x10', () => Promise.all(ws.map((w) => r.referralsByTeam(db, a, w))))
await time('requests+programme x10', () => Promise.all(ws.flatMap((w) => [r.selfRequestFigures(db, a, w), r.programmeFigures(db, a, w)])))
await time('voices x10', () => Promise.all(ws.flatMap((w) => [v.feedbackFigures(db, a, w), v.themeFigures(db, a, w)])))
await database.close()
