import { sql } from 'kysely'
import type { NewRow, Queryable } from '../../platform/db/schema.ts'
import type { BankHolidayRegion } from '../../platform/time/bank-holidays.ts'

export async function settingsOf(db: Queryable, authorityId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('authority_setting').select(['key', 'value']).where('authority_id', '=', authorityId).execute()
  return new Map(rows.map((row) => [row.key, row.value]))
}

/** The row that holds the version of an authority's settings, beside the settings themselves. */
const VERSION_KEY = 'settingsVersion'

/** The version of the authority's settings (0 before anyone has saved them), and who saved them last and when. */
export async function settingsVersion(db: Queryable, authorityId: string): Promise<{ version: number; updatedBy: string | null; updatedAt: Date | null }> {
  const row = await db
    .selectFrom('authority_setting')
    .select(['value', 'updated_by', 'updated_at'])
    .where('authority_id', '=', authorityId)
    .where('key', '=', VERSION_KEY)
    .executeTakeFirst()
  return row ? { version: Number(row.value), updatedBy: row.updated_by, updatedAt: row.updated_at } : { version: 0, updatedBy: null, updatedAt: null }
}

/**
 * Moves the settings on from `version`, in one statement: the first save adds the row at 1 (a
 * second first save meets it and moves nothing), a later one moves it on only from the version
 * given. False if the settings had already moved on.
 */
export async function claimSettingsVersion(db: Queryable, authorityId: string, version: number, change: { by: string; now: Date }): Promise<boolean> {
  const row = await db
    .insertInto('authority_setting')
    .values({ authority_id: authorityId, key: VERSION_KEY, value: '1', updated_at: change.now, updated_by: change.by })
    .onConflict((conflict) =>
      conflict
        .columns(['authority_id', 'key'])
        .doUpdateSet({ value: sql<string>`(authority_setting.value::integer + 1)::text`, updated_at: change.now, updated_by: change.by })
        .where('authority_setting.value', '=', String(version)),
    )
    .returning('value')
    .executeTakeFirst()
  return row !== undefined && Number(row.value) === version + 1
}

export async function saveSetting(db: Queryable, authorityId: string, key: string, value: string, now: Date): Promise<void> {
  await db
    .insertInto('authority_setting')
    .values({ authority_id: authorityId, key, value, updated_at: now })
    .onConflict((conflict) => conflict.columns(['authority_id', 'key']).doUpdateSet({ value, updated_at: now }))
    .execute()
}

/**
 * The authority's bank holiday region as stored (null when never chosen), with the changes to every
 * region's bank holidays (a handful: they belong to no authority), in one statement: due dates are
 * worked out on most pages.
 */
export async function bankHolidayRegionAndChanges(db: Queryable, authorityId: string) {
  return db
    .selectFrom('authority')
    .leftJoin('bank_holiday_change', (join) => join.onTrue())
    .select((eb) => [
      eb
        .selectFrom('authority_setting')
        .select('authority_setting.value')
        .where('authority_setting.authority_id', '=', authorityId)
        .where('authority_setting.key', '=', 'bankHolidayRegion')
        .as('region_setting'),
      'bank_holiday_change.region',
      'bank_holiday_change.on_date',
      'bank_holiday_change.change',
      'bank_holiday_change.name',
    ])
    .where('authority.id', '=', authorityId)
    .orderBy('bank_holiday_change.on_date')
    .orderBy('bank_holiday_change.region')
    .execute()
}

/** The changes to the bank holidays, for one region or for all, in date order. They belong to no authority. */
export async function bankHolidayChanges(db: Queryable, region?: BankHolidayRegion) {
  let query = db.selectFrom('bank_holiday_change').select(['id', 'region', 'on_date', 'change', 'name', 'created_at'])
  if (region) query = query.where('region', '=', region)
  return query.orderBy('on_date').orderBy('region').execute()
}

export async function insertBankHolidayChange(db: Queryable, row: NewRow<'bank_holiday_change'>): Promise<string | null> {
  const inserted = await db
    .insertInto('bank_holiday_change')
    .values(row)
    .onConflict((conflict) => conflict.columns(['region', 'on_date']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted?.id ?? null
}

export async function deleteBankHolidayChange(db: Queryable, id: string) {
  return db.deleteFrom('bank_holiday_change').where('id', '=', id).returning(['region', 'on_date', 'change', 'name']).executeTakeFirst()
}

/** An authority's name, with its settings (all of them, as stored), for its pages and header. */
export async function authorityWithSettings(db: Queryable, authorityId: string) {
  const rows = await db
    .selectFrom('authority')
    .leftJoin('authority_setting', 'authority_setting.authority_id', 'authority.id')
    .select(['authority.id', 'authority.name', 'authority_setting.key', 'authority_setting.value'])
    .where('authority.id', '=', authorityId)
    .execute()
  const first = rows[0]
  if (!first) return undefined
  return {
    id: first.id,
    name: first.name,
    settings: new Map(rows.flatMap((row) => (row.key !== null && row.value !== null ? [[row.key, row.value] as const] : []))),
  }
}

/** The authority this database holds, when it holds exactly one (as a council's own installation does). */
export async function onlyAuthority(db: Queryable): Promise<string | null> {
  const rows = await db.selectFrom('authority').select('id').orderBy('id').limit(2).execute()
  return rows.length === 1 ? (rows[0]?.id ?? null) : null
}

/**
 * Moves a setting that counts changes from `expected` to `expected + 1`, if it is still at
 * `expected` (0: never set); false when someone else moved it first.
 */
export async function claimVersion(db: Queryable, authorityId: string, key: string, expected: number, now: Date): Promise<boolean> {
  const next = String(expected + 1)
  const claimed = await db
    .insertInto('authority_setting')
    .values({ authority_id: authorityId, key, value: next, updated_at: now })
    .onConflict((conflict) =>
      conflict.columns(['authority_id', 'key']).doUpdateSet({ value: next, updated_at: now }).where('authority_setting.value', '=', String(expected)),
    )
    .returning('value')
    .executeTakeFirst()
  return claimed !== undefined
}

/** Every authority this installation serves, by name: for someone not signed in to choose their council. */
export async function authorityNames(db: Queryable, limit: number) {
  return db.selectFrom('authority').select(['id', 'name']).orderBy('name').orderBy('id').limit(limit).execute()
}

/** The authority's active staff who may receive safeguarding concerns: its service managers and advocacy admins, by name. */
export async function concernRecipientCandidates(db: Queryable, authorityId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'roles'])
    .where('authority_id', '=', authorityId)
    .where('active', '=', true)
    .where(sql<boolean>`roles && array['service_manager', 'advocacy_admin']::text[]`)
    .orderBy('display_name')
    .orderBy('id')
    .execute()
}
