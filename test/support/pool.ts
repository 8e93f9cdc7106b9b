import type { Kysely } from 'kysely'
import * as advocates from '../../src/features/advocates/repository.ts'
import { modules, type LanguageLevel, type Specialism } from '../../src/vocabulary/advocates.ts'
import { importCompletedModules, importSupervision } from '../../src/features/programme/history-service.ts'
import * as localServices from '../../src/features/local-services/repository.ts'
import type { Schema } from '../../src/platform/db/schema.ts'
import { addDays } from '../../src/platform/time/calendar.ts'
import { londonDate } from '../../src/platform/time/clock.ts'
import type { TestApp } from './app.ts'

export interface PoolAdvocate {
  readonly givenName?: string
  readonly familyName?: string
  readonly kind?: 'parent_peer_advocate' | 'professional_advocate'
  readonly gender?: 'woman' | 'man' | 'non_binary' | null
  readonly languages?: readonly { language: string; level: LanguageLevel }[]
  readonly specialisms?: readonly Specialism[]
  readonly capacity?: number
  /** The sign-in the advocate answers offers with. */
  readonly userId?: string | null
  readonly heritage?: string | null
  /** The authority whose pool they are in: the test world's, unless given. */
  readonly authorityId?: string
}

/**
 * An advocate who may be allocated today: active, DBS checked last month, every module completed,
 * and supervision up to date (a one-to-one and two group sessions in the last few weeks).
 */
export async function eligibleAdvocate(t: TestApp, advocate: PoolAdvocate = {}): Promise<string> {
  const db: Kysely<Schema> = t.database.db
  const authorityId = advocate.authorityId ?? t.world.authorityId
  const today = londonDate(t.clock.now())
  const id = await advocates.insertAdvocate(
    db,
    authorityId,
    {
      kind: advocate.kind ?? 'parent_peer_advocate',
      given_name: advocate.givenName ?? 'Paula',
      family_name: advocate.familyName ?? `Pool${Math.random().toString(36).slice(2, 8)}`,
      email: null,
      phone: null,
      gender: advocate.gender ?? 'woman',
      heritage: advocate.heritage ?? null,
      lived_experience: null,
      specialisms: advocate.specialisms ?? [],
      areas: [],
      available_days: [],
      capacity: advocate.capacity ?? 3,
      dbs_checked_on: addDays(today, -30),
      about_me: null,
      stage: 'active',
      accredited_on: null,
    },
    t.clock.now(),
  )
  await advocates.replaceLanguages(db, authorityId, id, advocate.languages ?? [{ language: 'English', level: 'first_language' }])
  if (advocate.userId) await advocates.linkUser(db, authorityId, id, advocate.userId)
  const context = { db, clock: t.clock }
  const supervisorId = t.world.staff.coordinator.id
  await importCompletedModules(context, db, {
    authorityId,
    advocateId: id,
    modules: modules.values,
    completedOn: addDays(today, -60),
    recordedBy: supervisorId,
  })
  await importSupervision(context, db, { authorityId, supervisorId, kind: 'one_to_one', heldOn: addDays(today, -7), advocateIds: [id] })
  await importSupervision(context, db, { authorityId, supervisorId, kind: 'group', heldOn: addDays(today, -14), advocateIds: [id] })
  await importSupervision(context, db, { authorityId, supervisorId, kind: 'group', heldOn: addDays(today, -28), advocateIds: [id] })
  return id
}

/** The id of the offer waiting on a referral. */
export async function offerOn(t: TestApp, referralId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('allocation')
    .select('id')
    .where('referral_id', '=', referralId)
    .where('status', '=', 'offered')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The test world's advocate (Avril Advocate) in the pool, answering offers with their own sign-in. */
export async function worldAdvocate(t: TestApp, advocate: PoolAdvocate = {}): Promise<string> {
  return eligibleAdvocate(t, { givenName: 'Avril', familyName: 'Advocate', capacity: 20, ...advocate, userId: t.world.staff.advocate.id })
}

/** A local service a referral can be triaged to. */
export async function localService(
  t: TestApp,
  service: { name?: string; languages?: readonly string[]; specialisms?: readonly Specialism[]; active?: boolean; authorityId?: string } = {},
): Promise<string> {
  return localServices.insertService(
    t.database.db,
    service.authorityId ?? t.world.authorityId,
    {
      name: service.name ?? `Local service ${Math.random().toString(36).slice(2, 8)}`,
      languages: service.languages ?? ['English'],
      specialisms: service.specialisms ?? [],
      contact: 'hello@local-service.example',
      notes: null,
      active: service.active ?? true,
    },
    t.clock.now(),
  )
}

/** The id of the allocation a referral has now: an offer waiting, an advocate at work, or a local service. */
export async function allocationOn(t: TestApp, referralId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('allocation')
    .select('id')
    .where('referral_id', '=', referralId)
    .where('status', 'in', ['offered', 'accepted', 'triaged'])
    .orderBy('offered_at', 'desc')
    .executeTakeFirstOrThrow()
  return row.id
}
