import type { Kysely } from 'kysely'
import * as adminRepository from '../../src/features/admin/repository.ts'
import { FGC_ADVOCACY_ADMIN } from '../../src/features/admin/service.ts'
import { hashPassword } from '../../src/platform/auth/passwords.ts'
import type { Role } from '../../src/platform/auth/roles.ts'
import type { Schema } from '../../src/platform/db/schema.ts'

export const PASSWORD = 'correct horse battery staple'
/**
 * PASSWORD hashed once per process: every test user's stored password. It is argon2id at the least
 * cost argon2 allows (8 KiB, one pass), which signing in verifies through the service's own
 * `verifyPassword` as it would any hash. At the service's cost each of the tests' 4,000 or so
 * sign-ins a run cost 31 ms of CPU; a password someone chooses in a test is hashed at the service's.
 */
export const PASSWORD_HASH = await hashPassword(PASSWORD, { memory: 8, passes: 1, parallelism: 1, tagLength: 32 })

export interface Person {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly authorityId: string
  readonly roles: readonly Role[]
}

const staff = {
  referrer: { name: 'Rita Referrer', roles: ['referrer'] },
  otherReferrer: { name: 'Owen Otherreferrer', roles: ['referrer'] },
  admin: { name: 'Ada Admin', roles: ['advocacy_admin'], fgc: true },
  manager: { name: 'Manny Manager', roles: ['service_manager'] },
  otherManager: { name: 'Mo Secondmanager', roles: ['service_manager'] },
  advocate: { name: 'Avril Advocate', roles: ['advocate'] },
  coordinator: { name: 'Cora Coordinator', roles: ['coordinator'] },
  analyst: { name: 'Ana Analyst', roles: ['analyst'] },
  sysadmin: { name: 'Sid Sysadmin', roles: ['system_admin'] },
} as const satisfies Record<string, { name: string; roles: readonly Role[]; fgc?: boolean }>

export type StaffKey = keyof typeof staff

export interface World {
  readonly authorityId: string
  readonly fgcTeamId: string
  readonly staff: Readonly<Record<StaffKey, Person>>
  /** Another authority, whose staff must never see the first one's records. */
  readonly elsewhere: { readonly authorityId: string; readonly referrer: Person; readonly admin: Person; readonly manager: Person }
}

async function addPerson(db: Kysely<Schema>, authorityId: string, key: string, name: string, roles: readonly Role[], teamId?: string): Promise<Person> {
  const email = `${key.toLowerCase()}.${authorityId.slice(0, 8)}@test.alongside.example`
  const id = await adminRepository.insertUser(db, { authorityId, email, displayName: name, roles, passwordHash: PASSWORD_HASH })
  if (teamId) await adminRepository.addTeamMember(db, { authorityId, teamId, userId: id })
  return { id, email, displayName: name, authorityId, roles }
}

export async function createWorld(db: Kysely<Schema>): Promise<World> {
  const authorityId = await adminRepository.insertAuthority(db, { name: 'Test Borough', isDemo: false })
  const fgcTeamId = await adminRepository.insertTeam(db, { authorityId, ...FGC_ADVOCACY_ADMIN })
  const people: Partial<Record<StaffKey, Person>> = {}
  for (const [key, definition] of Object.entries(staff) as [StaffKey, (typeof staff)[StaffKey]][]) {
    people[key] = await addPerson(db, authorityId, key, definition.name, definition.roles, 'fgc' in definition ? fgcTeamId : undefined)
  }

  const elsewhereId = await adminRepository.insertAuthority(db, { name: 'Elsewhere Council', isDemo: false })
  const elsewhereTeam = await adminRepository.insertTeam(db, { authorityId: elsewhereId, ...FGC_ADVOCACY_ADMIN })
  return {
    authorityId,
    fgcTeamId,
    staff: people as Record<StaffKey, Person>,
    elsewhere: {
      authorityId: elsewhereId,
      referrer: await addPerson(db, elsewhereId, 'referrer', 'Elsie Elsewhere', ['referrer']),
      admin: await addPerson(db, elsewhereId, 'admin', 'Ed Elsewhere', ['advocacy_admin'], elsewhereTeam),
      manager: await addPerson(db, elsewhereId, 'manager', 'Em Elsewhere', ['service_manager']),
    },
  }
}
