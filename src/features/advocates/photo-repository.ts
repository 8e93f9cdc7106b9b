import type { Queryable } from '../../platform/db/schema.ts'

/** An advocate's photo, kept on their row apart from the rest of the record. */

export async function setPhoto(
  db: Queryable,
  authorityId: string,
  advocateId: string,
  photo: { bytes: Buffer; type: 'image/jpeg' | 'image/png' } | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('advocate')
    .set({ photo: photo?.bytes ?? null, photo_type: photo?.type ?? null, updated_at: now })
    .where('authority_id', '=', authorityId)
    .where('id', '=', advocateId)
    .execute()
}

export async function photoOf(db: Queryable, authorityId: string, advocateId: string) {
  return db
    .selectFrom('advocate')
    .select(['photo', 'photo_type', 'updated_at'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', advocateId)
    .executeTakeFirst()
}
