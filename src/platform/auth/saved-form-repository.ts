import type { Queryable } from '../db/schema.ts'

/** Kept answers' queries: a form posted after its session timed out, kept for its owner alone. */

export async function insertSavedForm(
  db: Queryable,
  form: { userId: string; authorityId: string; path: string; answers: Record<string, unknown>; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('saved_form')
    .values({ user_id: form.userId, authority_id: form.authorityId, path: form.path, answers: JSON.stringify(form.answers), created_at: form.now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Hands back and forgets the answers with this id, if they are this user's and were kept after `keptSince`. */
export async function takeSavedForm(
  db: Queryable,
  userId: string,
  id: string,
  keptSince: Date,
): Promise<{ path: string; answers: Record<string, unknown> } | undefined> {
  const row = await db
    .deleteFrom('saved_form')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('created_at', '>', keptSince)
    .returning(['path', 'answers'])
    .executeTakeFirst()
  return row ? { path: row.path, answers: row.answers } : undefined
}

/** Lets go of a person's kept forms beyond the newest `keep`. */
export async function keepNewestSavedForms(db: Queryable, userId: string, keep: number): Promise<void> {
  const newest = db.selectFrom('saved_form').select('id').where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(keep)
  await db.deleteFrom('saved_form').where('user_id', '=', userId).where('id', 'not in', newest).execute()
}

/** Forgets kept forms made before `before`. Returns how many. */
export async function deleteSavedFormsBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('saved_form').where('created_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
