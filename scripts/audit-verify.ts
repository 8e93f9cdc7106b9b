/**
 * `npm run audit:verify`: checks the audit trail's hash chains (ADR 12) on the configured database
 * and names the first broken link of each. Exits 1 when any chain is broken.
 */
import { loadConfig } from '../src/config.ts'
import { describeBreak, verifyAuditTrail } from '../src/platform/audit/verify.ts'
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
  process.exitCode = broken > 0 ? 1 : 0
} finally {
  await database.close()
}
