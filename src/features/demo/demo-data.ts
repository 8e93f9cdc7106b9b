import type { Kysely } from 'kysely'
import { hashPassword } from '../../platform/auth/passwords.ts'
import type { Role } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import type { Clock } from '../../platform/time/clock.ts'
import * as adminRepository from '../admin/repository.ts'
import { FGC_ADVOCACY_ADMIN } from '../admin/service.ts'

/**
 * Demo mode: a made-up authority with one account for each role, so anyone can try the service.
 * Everything it creates is marked as demo data, and it refuses to run where real data exists.
 */

export const DEMO_AUTHORITY_NAME = 'Demo Borough Council (demo data)'
export const DEMO_PASSWORD = 'demo password for alongside'

export interface DemoAccount {
  readonly email: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly fgcTeam: boolean
}

export const demoAccounts: readonly DemoAccount[] = [
  { email: 'referrer@demo.alongside.test', displayName: 'Sam Okafor (social worker)', roles: ['referrer'], fgcTeam: false },
  { email: 'referrer2@demo.alongside.test', displayName: 'Priya Shah (social worker)', roles: ['referrer'], fgcTeam: false },
  { email: 'admin@demo.alongside.test', displayName: 'Alex Morgan (advocacy admin)', roles: ['advocacy_admin'], fgcTeam: true },
  { email: 'manager@demo.alongside.test', displayName: 'Jo Adeyemi (service manager)', roles: ['service_manager'], fgcTeam: false },
  { email: 'advocate@demo.alongside.test', displayName: 'Maria Lopez (advocate)', roles: ['advocate'], fgcTeam: false },
  { email: 'coordinator@demo.alongside.test', displayName: 'Chris Byrne (coordinator)', roles: ['coordinator'], fgcTeam: false },
  { email: 'analyst@demo.alongside.test', displayName: 'Dana Kowalski (analyst)', roles: ['analyst'], fgcTeam: false },
  { email: 'sysadmin@demo.alongside.test', displayName: 'Lee Taylor (system admin)', roles: ['system_admin'], fgcTeam: false },
]

export type DemoLoadResult = { readonly loaded: true } | { readonly loaded: false; readonly reason: 'already-loaded' | 'real-data' }

export async function loadDemoData(db: Kysely<Schema>, _clock: Clock): Promise<DemoLoadResult> {
  const authorities = await db.selectFrom('authority').select(['id', 'is_demo']).execute()
  if (authorities.some((authority) => authority.is_demo)) return { loaded: false, reason: 'already-loaded' }
  if (authorities.length > 0) return { loaded: false, reason: 'real-data' }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction().execute(async (trx) => {
    const authorityId = await adminRepository.insertAuthority(trx, { name: DEMO_AUTHORITY_NAME, isDemo: true })
    const fgcTeamId = await adminRepository.insertTeam(trx, { authorityId, ...FGC_ADVOCACY_ADMIN })
    await adminRepository.insertTeam(trx, { authorityId, name: 'Children and Families Team A', purpose: null })
    for (const account of demoAccounts) {
      const userId = await adminRepository.insertUser(trx, { authorityId, ...account, passwordHash })
      if (account.fgcTeam) await adminRepository.addTeamMember(trx, { authorityId, teamId: fgcTeamId, userId })
    }
  })
  return { loaded: true }
}
