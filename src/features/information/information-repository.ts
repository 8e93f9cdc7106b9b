import type { NewRow, Queryable } from '../../platform/db/schema.ts'
import type { InformationPage } from '../../vocabulary/information.ts'

const columns = ['id', 'page', 'language', 'version', 'title', 'body', 'written_with_parents', 'published_by', 'published_at'] as const

/** The page's newest version in one language, if the authority has published one. */
export async function latestVersion(db: Queryable, authorityId: string, page: InformationPage, language: string) {
  return db
    .selectFrom('information_page_version')
    .select(columns)
    .where('authority_id', '=', authorityId)
    .where('page', '=', page)
    .where('language', '=', language)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The newest version of every page in every language the authority has published, with who published it. */
export async function latestVersions(db: Queryable, authorityId: string) {
  return db
    .selectFrom('information_page_version')
    .innerJoin('app_user', 'app_user.id', 'information_page_version.published_by')
    .select([
      'information_page_version.page',
      'information_page_version.language',
      'information_page_version.version',
      'information_page_version.title',
      'information_page_version.body',
      'information_page_version.written_with_parents',
      'information_page_version.published_at',
      'app_user.display_name as published_by_name',
    ])
    .distinctOn(['information_page_version.page', 'information_page_version.language'])
    .where('information_page_version.authority_id', '=', authorityId)
    .orderBy('information_page_version.page')
    .orderBy('information_page_version.language')
    .orderBy('information_page_version.version', 'desc')
    .execute()
}

/** A page's versions in one language, newest first, with who published each. */
export async function versionsOf(db: Queryable, authorityId: string, page: InformationPage, language: string, limit: number) {
  return db
    .selectFrom('information_page_version')
    .innerJoin('app_user', 'app_user.id', 'information_page_version.published_by')
    .select([
      'information_page_version.version',
      'information_page_version.written_with_parents',
      'information_page_version.published_at',
      'app_user.display_name as published_by_name',
    ])
    .where('information_page_version.authority_id', '=', authorityId)
    .where('information_page_version.page', '=', page)
    .where('information_page_version.language', '=', language)
    .orderBy('information_page_version.version', 'desc')
    .limit(limit)
    .execute()
}

/** Adds a version; null when that version's number is taken (someone published first). */
export async function insertVersion(db: Queryable, row: NewRow<'information_page_version'>): Promise<string | null> {
  const inserted = await db
    .insertInto('information_page_version')
    .values(row)
    .onConflict((conflict) => conflict.columns(['authority_id', 'page', 'language', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted?.id ?? null
}
