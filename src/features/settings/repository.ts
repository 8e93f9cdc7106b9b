import type { NewRow, Queryable } from '../../platform/db/schema.ts'
import type { BankHolidayRegion } from '../../platform/time/bank-holidays.ts'

export async function settingsOf(db: Queryable, authorityId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('authority_setting').select(['key', 'value']).where('authority_id', '=', authorityId).execute()
  return new Map(rows.map((row) => [row.key, row.value]))
}

export async function saveSetting(db: Queryable, authorityId: string, key: string, value: string, now: Date): Promise<void> {
  await db
    .insertInto('authority_setting')
    .values({ authority_id: authorityId, key, value, updated_at: now })
    .onConflict((conflict) => conflict.columns(['authority_id', 'key']).doUpdateSet({ value, updated_at: now }))
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
