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
