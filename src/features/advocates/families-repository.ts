import type { Queryable } from '../../platform/db/schema.ts'

/**
 * Which family a person is in, and whose name shows which family is meant, read from the people
 * feature's table: a read this feature borrows until the people feature's service offers it (see
 * README.md).
 */

export async function familyGroupOf(db: Queryable, authorityId: string, personId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('person').select('family_group_id').where('authority_id', '=', authorityId).where('id', '=', personId).executeTakeFirst()
  return row?.family_group_id
}

/** The first adult recorded in each family group. */
export async function firstAdultsOf(db: Queryable, authorityId: string, familyGroupIds: readonly string[]) {
  if (familyGroupIds.length === 0) return []
  return db
    .selectFrom('person')
    .select(['family_group_id', 'given_name', 'family_name'])
    .distinctOn('family_group_id')
    .where('authority_id', '=', authorityId)
    .where('kind', '=', 'adult')
    .where('family_group_id', 'in', [...familyGroupIds])
    .orderBy('family_group_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
