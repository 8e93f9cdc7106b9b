import { sql } from 'kysely'
import type { NewRow, Queryable } from '../../platform/db/schema.ts'
import { textArray } from '../../platform/db/text-array.ts'
import type { AdvocateKind, LanguageLevel, Specialism, Stage, Weekday } from '../../vocabulary/advocates.ts'

/**
 * Advocates' records: the advocate, the languages they speak, their moves between stages, their
 * time away and the families they know. Every query names the authority.
 */

const advocateColumns = [
  'advocate.id',
  'advocate.user_id',
  'advocate.kind',
  'advocate.given_name',
  'advocate.family_name',
  'advocate.email',
  'advocate.phone',
  'advocate.gender',
  'advocate.heritage',
  'advocate.lived_experience',
  'advocate.specialisms',
  'advocate.areas',
  'advocate.available_days',
  'advocate.capacity',
  'advocate.dbs_checked_on',
  'advocate.about_me',
  'advocate.stage',
  'advocate.accredited_on',
  'advocate.updated_at',
  'advocate.version',
] as const

export type AdvocateFields = Omit<
  NewRow<'advocate'>,
  'id' | 'authority_id' | 'user_id' | 'created_at' | 'updated_at' | 'version' | 'photo' | 'photo_type' | 'specialisms' | 'areas' | 'available_days'
> & { specialisms: readonly Specialism[]; areas: readonly string[]; available_days: readonly Weekday[] }

export async function insertAdvocate(db: Queryable, authorityId: string, fields: AdvocateFields, now: Date): Promise<string> {
  const row = await db
    .insertInto('advocate')
    .values({
      ...fields,
      authority_id: authorityId,
      specialisms: textArray(fields.specialisms),
      areas: textArray(fields.areas),
      available_days: textArray(fields.available_days),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Saves the advocate if nobody changed them since `version`; false when someone did. */
export async function updateAdvocate(
  db: Queryable,
  authorityId: string,
  advocateId: string,
  version: number,
  fields: Partial<AdvocateFields>,
  now: Date,
): Promise<boolean> {
  const { specialisms, areas, available_days: days, ...rest } = fields
  const result = await db
    .updateTable('advocate')
    .set({
      ...rest,
      ...(specialisms ? { specialisms: textArray(specialisms) } : {}),
      ...(areas ? { areas: textArray(areas) } : {}),
      ...(days ? { available_days: textArray(days) } : {}),
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('id', '=', advocateId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function findAdvocate(db: Queryable, authorityId: string, advocateId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('advocate')
    .select(advocateColumns)
    .select((eb) => eb('advocate.photo', 'is not', null).as('has_photo'))
  query = query.where('advocate.authority_id', '=', authorityId).where('advocate.id', '=', advocateId)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function findAdvocateByUser(db: Queryable, authorityId: string, userId: string) {
  return db
    .selectFrom('advocate')
    .select(advocateColumns)
    .select((eb) => eb('advocate.photo', 'is not', null).as('has_photo'))
    .where('advocate.authority_id', '=', authorityId)
    .where('advocate.user_id', '=', userId)
    .executeTakeFirst()
}

/** The authority's advocates (at these stages, of this kind, with these ids, when asked), by name. */
export async function listAdvocates(
  db: Queryable,
  authorityId: string,
  options: { stages?: readonly Stage[]; kind?: AdvocateKind; ids?: readonly string[] } = {},
) {
  if (options.stages?.length === 0 || options.ids?.length === 0) return []
  let query = db.selectFrom('advocate').select(advocateColumns).where('advocate.authority_id', '=', authorityId)
  if (options.stages) query = query.where('advocate.stage', 'in', [...options.stages])
  if (options.kind) query = query.where('advocate.kind', '=', options.kind)
  if (options.ids) query = query.where('advocate.id', 'in', [...options.ids])
  return query.orderBy('advocate.family_name').orderBy('advocate.given_name').orderBy('advocate.id').execute()
}

/** Locks the advocates' rows until the transaction ends (in the order of their ids); returns those that are the authority's. */
export async function lockAdvocates(db: Queryable, authorityId: string, advocateIds: readonly string[]) {
  if (advocateIds.length === 0) return []
  return db
    .selectFrom('advocate')
    .select(advocateColumns)
    .where('advocate.authority_id', '=', authorityId)
    .where('advocate.id', 'in', [...advocateIds])
    .orderBy('advocate.id')
    .forUpdate()
    .execute()
}

/** Records (or corrects) the date of an advocate's Level 2 accreditation. */
export async function setAccreditedOn(db: Queryable, authorityId: string, advocateId: string, accreditedOn: string, now: Date): Promise<void> {
  await db
    .updateTable('advocate')
    .set({ accredited_on: accreditedOn, updated_at: now, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('id', '=', advocateId)
    .execute()
}

export async function recordStageChange(
  db: Queryable,
  change: { authorityId: string; advocateId: string; from: Stage | null; to: Stage; byUserId: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('advocate_stage_change')
    .values({
      authority_id: change.authorityId,
      advocate_id: change.advocateId,
      from_stage: change.from,
      to_stage: change.to,
      by_user_id: change.byUserId,
      at: change.at,
    })
    .execute()
}

/** The advocate's moves between stages, newest first. */
export async function stageHistory(db: Queryable, authorityId: string, advocateId: string) {
  return db
    .selectFrom('advocate_stage_change')
    .select(['from_stage', 'to_stage', 'at', 'by_user_id'])
    .where('authority_id', '=', authorityId)
    .where('advocate_id', '=', advocateId)
    .orderBy('id', 'desc')
    .execute()
}

export async function replaceLanguages(
  db: Queryable,
  authorityId: string,
  advocateId: string,
  languages: readonly { language: string; level: LanguageLevel }[],
): Promise<void> {
  await db.deleteFrom('advocate_language').where('authority_id', '=', authorityId).where('advocate_id', '=', advocateId).execute()
  if (languages.length === 0) return
  await db
    .insertInto('advocate_language')
    .values(languages.map((spoken) => ({ authority_id: authorityId, advocate_id: advocateId, language: spoken.language, level: spoken.level })))
    .execute()
}

export async function languagesOf(db: Queryable, authorityId: string, advocateIds: readonly string[]) {
  if (advocateIds.length === 0) return []
  return db
    .selectFrom('advocate_language')
    .select(['advocate_id', 'language', 'level'])
    .where('authority_id', '=', authorityId)
    .where('advocate_id', 'in', [...advocateIds])
    .orderBy('advocate_id')
    .orderBy('language')
    .execute()
}

export async function insertAbsence(
  db: Queryable,
  absence: { authorityId: string; advocateId: string; startsOn: string; endsOn: string; note: string | null },
): Promise<void> {
  await db
    .insertInto('advocate_absence')
    .values({ authority_id: absence.authorityId, advocate_id: absence.advocateId, starts_on: absence.startsOn, ends_on: absence.endsOn, note: absence.note })
    .execute()
}

export async function deleteAbsence(db: Queryable, authorityId: string, advocateId: string, absenceId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('advocate_absence')
    .where('authority_id', '=', authorityId)
    .where('advocate_id', '=', advocateId)
    .where('id', '=', absenceId)
    .executeTakeFirst()
  return result.numDeletedRows === 1n
}

/** Absences that have not ended before `from`. */
export async function absencesOf(db: Queryable, authorityId: string, advocateIds: readonly string[], from: string) {
  if (advocateIds.length === 0) return []
  return db
    .selectFrom('advocate_absence')
    .select(['id', 'advocate_id', 'starts_on', 'ends_on', 'note'])
    .where('authority_id', '=', authorityId)
    .where('advocate_id', 'in', [...advocateIds])
    .where('ends_on', '>=', from)
    .orderBy('starts_on')
    .execute()
}

export async function addKnownFamily(
  db: Queryable,
  known: { authorityId: string; advocateId: string; familyGroupId: string; note: string | null },
): Promise<void> {
  await db
    .insertInto('advocate_known_family')
    .values({ authority_id: known.authorityId, advocate_id: known.advocateId, family_group_id: known.familyGroupId, note: known.note })
    .onConflict((conflict) => conflict.columns(['advocate_id', 'family_group_id']).doNothing())
    .execute()
}

export async function removeKnownFamily(db: Queryable, authorityId: string, advocateId: string, familyGroupId: string): Promise<void> {
  await db
    .deleteFrom('advocate_known_family')
    .where('authority_id', '=', authorityId)
    .where('advocate_id', '=', advocateId)
    .where('family_group_id', '=', familyGroupId)
    .execute()
}

/** Families each advocate knows. */
export async function knownFamiliesOf(db: Queryable, authorityId: string, advocateIds: readonly string[]) {
  if (advocateIds.length === 0) return []
  return db
    .selectFrom('advocate_known_family')
    .select(['advocate_id', 'family_group_id', 'note'])
    .where('authority_id', '=', authorityId)
    .where('advocate_id', 'in', [...advocateIds])
    .execute()
}

export async function linkUser(db: Queryable, authorityId: string, advocateId: string, userId: string): Promise<void> {
  await db.updateTable('advocate').set({ user_id: userId }).where('authority_id', '=', authorityId).where('id', '=', advocateId).execute()
}
