import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApplication } from './application.ts'
import { ConfigError, loadConfig } from './config.ts'
import { startSealing } from './platform/audit/seal.ts'
import { DataFolderInUseError } from './platform/db/data-folder-lock.ts'
import { openDatabase } from './platform/db/database.ts'
import { logOptions } from './platform/http/logging.ts'
import { systemClock } from './platform/time/clock.ts'
import { fileOffsetClock } from './platform/time/offset-clock.ts'
import { DEMO_PASSWORD, demoAccounts, loadDemoData } from './features/demo/demo-data.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Entry point: configuration → database (migrated) → services → app → listen. Closes cleanly on a signal. */
async function main(): Promise<void> {
  const config = loadConfig()
  const database = await openDatabase(config.database)
  // A clock the journeys can move on (TEST_CLOCK_FILE, refused in production); otherwise the real one.
  const clock = config.testClockFile ? fileOffsetClock(config.testClockFile) : systemClock
  const { app, services, mailer, scheduler } = await createApplication({ database, clock, config, root, logger: logOptions(config.logLevel) })

  // The audit trail's events are sealed into their chains every second, off the requests that record them (ADR 23).
  const sealer = startSealing(database.db, (error: unknown) => app.log.error({ err: error }, 'could not seal the audit trail'))

  // Every job on a timer, each run claimed so that it runs once across every process (ADR 20, src/jobs.ts).
  scheduler.start(15)

  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    await scheduler.stop()
    await app.close()
    await sealer.stop()
    await mailer.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void close('SIGINT'))
  process.on('SIGTERM', () => void close('SIGTERM'))

  await app.listen({ host: config.host, port: config.port })
  const storage = database.kind === 'pglite' && config.database.kind === 'pglite' ? `the embedded database in ${config.database.dataDir}/` : 'PostgreSQL'
  console.log(`\nAlongside is running at ${config.baseUrl} on ${storage}.`)

  if (config.demo) await announceDemo(database.db, services)

  const firstAdminToken = await services.admin.firstAdminLink()
  if (firstAdminToken) {
    console.log('\nNobody can sign in yet. Create the first system admin with this one-time link (it works for 24 hours):')
    console.log(`\n    ${config.baseUrl}/setup/${firstAdminToken}\n`)
  }
}

async function announceDemo(db: Parameters<typeof loadDemoData>[0], services: Parameters<typeof loadDemoData>[2]): Promise<void> {
  const result = await loadDemoData(db, systemClock, services)
  if (!result.loaded && result.reason === 'real-data') {
    console.log('\nDemo data was NOT loaded: this database already holds a real authority.')
    return
  }
  console.log('\n==================== DEMO DATA — NOT REAL PEOPLE ====================')
  console.log(result.loaded ? 'Loaded a made-up authority, with people and referrals in every state.' : 'The demo authority is already loaded.')
  console.log(`Sign in with any of these accounts. The password for each is: ${DEMO_PASSWORD}\n`)
  for (const account of demoAccounts) console.log(`    ${account.email.padEnd(34)} ${account.displayName}`)
  console.log('=====================================================================\n')
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFolderInUseError) {
    console.error(error.message)
  } else {
    console.error('Alongside could not start:', error)
  }
  process.exit(1)
})
