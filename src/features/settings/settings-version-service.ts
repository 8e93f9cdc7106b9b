import { staffNames } from '../../platform/auth/staff-repository.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ConflictError } from '../../platform/errors.ts'
import * as repository from './repository.ts'

/**
 * The one version of an authority's settings, claimed by whichever page saves any of them (the pool
 * settings, the rules for conferences, concerns and what families see): the page carries the version
 * it was opened on, and a save from an older one saves nothing and names who saved since.
 */
export async function claimSettingsVersion(trx: Queryable, authorityId: string, version: number, by: { userId: string; now: Date }): Promise<void> {
  if (await repository.claimSettingsVersion(trx, authorityId, version, { by: by.userId, now: by.now })) return
  const current = await repository.settingsVersion(trx, authorityId)
  const name = current.updatedBy ? (await staffNames(trx, authorityId, [current.updatedBy])).get(current.updatedBy) : undefined
  throw new ConflictError('Someone else saved the settings since you opened them', name ?? null, current.updatedAt)
}
