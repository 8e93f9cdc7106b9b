import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApplication } from './application.ts'
import { ConfigError, loadConfig } from './config.ts'
import { startSealing } from './platform/audit/seal.ts'
import { purgeExpired } from './platform/auth/housekeeping.ts'
import { DataFolderInUseError } from './platform/db/data-folder-lock.ts'
import { openDatabase } from './platform/db/database.ts'
import { logOptions } from './platform/http/logging.ts'
import { systemClock } from './platform/time/clock.ts'
import { DEMO_PASSWORD, demoAccounts, loadDemoData } from './features/demo/demo-data.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Entry point: configuration → database (migrated) → services → app → listen. Closes cleanly on a signal. */
async function main(): Promise<void> {
  const config = loadConfig()
  const database = await openDatabase(config.database)
  const { app, services, mailer } = await createApplication({ database, clock: systemClock, config, root, logger: logOptions(config.logLevel) })

  // The audit trail's events are sealed into their chains every second, off the requests that record them (ADR 23).
  const sealer = startSealing(database.db, (error: unknown) => app.log.error({ err: error }, 'could not seal the audit trail'))

  // Offers nobody answers in time go back to FGC Advocacy Admin: looked for every minute.
  const lapsing = setInterval(() => {
    services.allocations.lapseUnansweredOffers().catch((error: unknown) => app.log.error({ err: error }, 'could not lapse unanswered offers'))
  }, 60_000)
  lapsing.unref()

  // Sessions and kept answers nobody can use any more, and sign-in counts untouched for 30 days, are let go of, and drafts nobody has changed for 30 days are closed, every hour.
  const housekeeping = setInterval(() => {
    purgeExpired(database.db, systemClock, config.session).catch((error: unknown) => app.log.error({ err: error }, 'could not purge expired sessions'))
    services.signIn.forgetOldCounts().catch((error: unknown) => app.log.error({ err: error }, 'could not forget old sign-in counts'))
    services.family.access.forgetOldFamilySignIns().catch((error: unknown) => app.log.error({ err: error }, 'could not forget old family sign-in counts'))
    services.referrals.lapseAbandonedDrafts().catch((error: unknown) => app.log.error({ err: error }, 'could not close abandoned drafts'))
  }, 3_600_000)
  housekeeping.unref()

  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    clearInterval(lapsing)
    clearInterval(housekeeping)
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
