import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'

/**
 * The themes a service keeps (`feedback_theme`) and how each free-text answer was coded with them
 * (`feedback_coding`, `feedback_coding_theme`). Owned by the feedback feature; the reports read them
 * in aggregate.
 */

const themeColumns = ['id', 'name', 'retired_at', 'updated_at', 'version'] as const

export async function listThemes(db: Queryable, authorityId: string) {
  return db
    .selectFrom('feedback_theme')
    .leftJoin('app_user', 'app_user.id', 'feedback_theme.updated_by')
    .select(['feedback_theme.id', 'feedback_theme.name', 'feedback_theme.retired_at', 'feedback_theme.version', 'app_user.display_name as updated_by_name'])
    .select((eb) =>
      eb
        .selectFrom('feedback_coding_theme')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('feedback_coding_theme.theme_id', '=', 'feedback_theme.id')
        .as('coded'),
    )
    .where('feedback_theme.authority_id', '=', authorityId)
    .orderBy(sql`feedback_theme.retired_at is not null`)
    .orderBy(sql`lower(feedback_theme.name)`)
    .execute()
}

/** Whether the authority has ever had a theme (retired ones count): its starting list is given once. */
export async function hasAnyTheme(db: Queryable, authorityId: string): Promise<boolean> {
  return (await db.selectFrom('feedback_theme').select('id').where('authority_id', '=', authorityId).limit(1).executeTakeFirst()) !== undefined
}

/** The starting list; a name another process gave meanwhile is left as it is. */
export async function seedThemes(db: Queryable, authorityId: string, names: readonly string[], at: Date): Promise<void> {
  if (names.length === 0) return
  await db
    .insertInto('feedback_theme')
    .values(names.map((name) => ({ authority_id: authorityId, name, created_at: at, updated_at: at })))
    .onConflict((conflict) => conflict.expression(sql`authority_id, lower(name)`).doNothing())
    .execute()
}

export async function findTheme(db: Queryable, authorityId: string, themeId: string) {
  return db.selectFrom('feedback_theme').select(themeColumns).where('authority_id', '=', authorityId).where('id', '=', themeId).executeTakeFirst()
}

export async function themeNameTaken(db: Queryable, authorityId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('feedback_theme')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
  if (exceptId) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

export async function insertTheme(db: Queryable, authorityId: string, name: string, by: string, at: Date): Promise<string> {
  const row = await db
    .insertInto('feedback_theme')
    .values({ authority_id: authorityId, name, created_at: at, updated_by: by, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Renames, retires or brings back a theme, if nobody saved it since `version`. */
export async function updateTheme(
  db: Queryable,
  authorityId: string,
  themeId: string,
  version: number,
  change: { name: string; retired: boolean; by: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('feedback_theme')
    .set({
      name: change.name,
      retired_at: change.retired ? sql<Date>`coalesce(retired_at, ${change.at})` : null,
      updated_by: change.by,
      updated_at: change.at,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('id', '=', themeId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** A free-text answer to code: its words, how and when it was given, and its person's own answer about quoting. */
export async function answerToCode(db: Queryable, authorityId: string, responseId: string) {
  return db
    .selectFrom('feedback_response')
    .innerJoin('referral', 'referral.id', 'feedback_response.referral_id')
    .leftJoin('feedback_coding', 'feedback_coding.response_id', 'feedback_response.id')
    .leftJoin('app_user', 'app_user.id', 'feedback_coding.coded_by')
    .select([
      'feedback_response.id',
      'feedback_response.better',
      'feedback_response.worrying_words',
      'feedback_response.given_at',
      'feedback_response.channel',
      'feedback_response.may_quote as person_may_quote',
      'referral.id as referral_id',
      'referral.reference',
      'feedback_coding.may_quote',
      'feedback_coding.quote',
      'feedback_coding.coded_at',
      'feedback_coding.version',
      'app_user.display_name as coded_by_name',
    ])
    .where('feedback_response.authority_id', '=', authorityId)
    .where('feedback_response.id', '=', responseId)
    .where('feedback_response.better', 'is not', null)
    .executeTakeFirst()
}

/** The themes each of these answers was coded with, by name. */
export async function themesOfAnswers(db: Queryable, authorityId: string, responseIds: readonly string[]) {
  if (responseIds.length === 0) return []
  return db
    .selectFrom('feedback_coding_theme')
    .innerJoin('feedback_theme', 'feedback_theme.id', 'feedback_coding_theme.theme_id')
    .select(['feedback_coding_theme.response_id', 'feedback_theme.id', 'feedback_theme.name'])
    .where('feedback_coding_theme.authority_id', '=', authorityId)
    .where('feedback_coding_theme.response_id', 'in', responseIds)
    .orderBy(sql`lower(feedback_theme.name)`)
    .execute()
}

/** Who saved the answer's coding last, and when: for the "someone saved first" message. */
export async function lastCoding(db: Queryable, responseId: string) {
  return db
    .selectFrom('feedback_coding')
    .innerJoin('app_user', 'app_user.id', 'feedback_coding.coded_by')
    .select(['feedback_coding.coded_at', 'app_user.display_name as coded_by_name'])
    .where('feedback_coding.response_id', '=', responseId)
    .executeTakeFirst()
}

/**
 * Saves an answer's coding in full (its themes, whether it may be quoted, and how) if nobody coded
 * it since `version` (0: not coded yet). False when someone did: nothing is saved.
 */
export async function saveCoding(
  db: Queryable,
  coding: {
    responseId: string
    authorityId: string
    version: number
    themeIds: readonly string[]
    mayQuote: 'yes' | 'no' | null
    quote: string | null
    by: string
    at: Date
  },
): Promise<boolean> {
  const saved =
    coding.version === 0
      ? await db
          .insertInto('feedback_coding')
          .values({
            response_id: coding.responseId,
            authority_id: coding.authorityId,
            may_quote: coding.mayQuote,
            quote: coding.quote,
            coded_by: coding.by,
            coded_at: coding.at,
          })
          .onConflict((conflict) => conflict.column('response_id').doNothing())
          .returning('response_id')
          .executeTakeFirst()
      : await db
          .updateTable('feedback_coding')
          .set({ may_quote: coding.mayQuote, quote: coding.quote, coded_by: coding.by, coded_at: coding.at, version: sql<number>`version + 1` })
          .where('response_id', '=', coding.responseId)
          .where('authority_id', '=', coding.authorityId)
          .where('version', '=', coding.version)
          .returning('response_id')
          .executeTakeFirst()
  if (!saved) return false
  await db.deleteFrom('feedback_coding_theme').where('response_id', '=', coding.responseId).execute()
  if (coding.themeIds.length > 0) {
    await db
      .insertInto('feedback_coding_theme')
      .values(coding.themeIds.map((themeId) => ({ response_id: coding.responseId, theme_id: themeId, authority_id: coding.authorityId })))
      .execute()
  }
  return true
}
