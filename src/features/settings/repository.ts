import type { Queryable } from '../../platform/db/schema.ts'

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
