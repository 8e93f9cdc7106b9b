import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const folder = fileURLToPath(new URL('./migrations/', import.meta.url))

/** A migration's file name: four digits, then what it does (`0007-sign-in-throttle.ts`). Names sort in the order they run. */
const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.ts$/

/** Every migration in the folder, in order: adding one is adding its file. */
export async function migrationsInFolder(): Promise<Record<string, Migration>> {
  const names = readdirSync(folder)
    .map((file) => MIGRATION_FILE.exec(file)?.[1])
    .filter((name) => name !== undefined)
    .sort()
  const migrations: Record<string, Migration> = {}
  for (const name of names) {
    const module: unknown = await import(pathToFileURL(join(folder, `${name}.ts`)).href)
    if (typeof module !== 'object' || module === null || !('up' in module) || typeof module.up !== 'function') {
      throw new MigrationError(`Migration ${name} has no up()`)
    }
    migrations[name] = module as Migration
  }
  return migrations
}

const provider: MigrationProvider = { getMigrations: migrationsInFolder }

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
