import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import * as foundation from './migrations/0001-foundation.ts'
import * as advocatePool from './migrations/0002-advocate-pool.ts'
import * as oneAdvocateKind from './migrations/0003-one-advocate-kind.ts'
import * as bankHolidayRegions from './migrations/0004-bank-holiday-regions.ts'
import * as auditChain from './migrations/0005-audit-chain.ts'
import * as auditWhatListsShowed from './migrations/0006-audit-what-lists-showed.ts'
import * as referralsMade from './migrations/0008-referrals-made.ts'

/** Every migration, in order. Names sort in the order they run. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-advocate-pool': advocatePool,
  '0003-one-advocate-kind': oneAdvocateKind,
  '0004-bank-holiday-regions': bankHolidayRegions,
  '0005-audit-chain': auditChain,
  '0006-audit-what-lists-showed': auditWhatListsShowed,
  '0008-referrals-made': referralsMade,
}

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

/** Brings the database up to date. Safe to run from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<unknown>): Promise<readonly string[]> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error || failed) {
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error })
  }
  return (results ?? []).map((result) => result.migrationName)
}
