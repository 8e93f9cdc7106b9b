/**
 * `npm run audit:verify`: checks the audit trail's hash chains (ADR 12) on the configured database
 * and names the first broken link of each, and says what waits to be sealed (ADR 23). Exits 1 when
 * any chain is broken, when an event is outside every chain (taken off the sealer's waiting list),
 * or when an event has waited more than ten minutes (the sealer is not running).
 */
import { loadConfig } from '../src/config.ts'
import { checkSealing, describeBreak, verifyAuditTrail } from '../src/platform/audit/verify.ts'
import { openDatabase } from '../src/platform/db/database.ts'

const config = loadConfig()
const database = await openDatabase(config.database)
try {
  const reports = await verifyAuditTrail(database.db)
  let broken = 0
  for (const report of reports) {
    if (report.broken) {
      broken += 1
      console.log(`BROKEN  ${describeBreak(report.chain, report.broken)}`)
    } else {
      console.log(`ok      chain ${report.chain}: ${report.events} events, every link holds`)
    }
  }
  if (reports.length === 0) console.log('The audit trail has no chained events yet.')
  const sealing = await checkSealing(database.db)
  const stale = sealing.oldestWaiting !== null && Date.now() - sealing.oldestWaiting.getTime() > 10 * 60_000
  if (sealing.waiting > 0) {
    const since = sealing.oldestWaiting?.toISOString() ?? ''
    console.log(
      `${stale ? 'STALE ' : 'ok    '}  ${sealing.waiting} events wait to be sealed, the oldest since ${since}${stale ? ': is the service running?' : ''}`,
    )
  }
  if (sealing.outside.length > 0) {
    console.log(
      `BROKEN  audit events ${sealing.outside.join(', ')}${sealing.outside.length === 10 ? ' and maybe more' : ''} are in no chain and not waiting: taken off the waiting list`,
    )
  }
  process.exitCode = broken > 0 || stale || sealing.outside.length > 0 ? 1 : 0
} finally {
  await database.close()
}
