import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import type { PhotoType } from '../../platform/images/photo.ts'

/** A member of staff's own profile for families: their introduction, whether it is shown, and the version. */
export async function profileOf(db: Queryable, authorityId: string, userId: string) {
  return db
    .selectFrom('staff_profile')
    .select(['introduction', 'shown_to_families', 'version', sql<boolean>`photo is not null`.as('has_photo')])
    .where('authority_id', '=', authorityId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

/**
 * Saves the introduction and the choice, if nobody (another window of theirs) saved since `version`
 * (0: there is no profile yet). Says whether it saved.
 */
export async function saveProfile(
  db: Queryable,
  authorityId: string,
  userId: string,
  profile: { introduction: string | null; shownToFamilies: boolean },
  version: number,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insertInto('staff_profile')
      .values({ user_id: userId, authority_id: authorityId, introduction: profile.introduction, shown_to_families: profile.shownToFamilies, updated_at: now })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst()
    return inserted !== undefined
  }
  const updated = await db
    .updateTable('staff_profile')
    .set({ introduction: profile.introduction, shown_to_families: profile.shownToFamilies, updated_at: now, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .returning('user_id')
    .executeTakeFirst()
  return updated !== undefined
}

/** Keeps the photo (or removes it), making a profile if there is none; a new photo is a new version. */
export async function setPhoto(db: Queryable, authorityId: string, userId: string, photo: { bytes: Buffer; type: PhotoType } | null, now: Date): Promise<void> {
  await db
    .insertInto('staff_profile')
    .values({ user_id: userId, authority_id: authorityId, photo: photo?.bytes ?? null, photo_type: photo?.type ?? null, updated_at: now })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({
        photo: photo?.bytes ?? null,
        photo_type: photo?.type ?? null,
        updated_at: now,
        version: sql<number>`staff_profile.version + 1`,
      }),
    )
    .execute()
}

export async function photoOf(db: Queryable, authorityId: string, userId: string) {
  return db
    .selectFrom('staff_profile')
    .select(['photo', 'photo_type', 'shown_to_families'])
    .where('authority_id', '=', authorityId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}
