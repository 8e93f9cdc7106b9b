import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'

/** The narrative of each year's annual evaluation (`evaluation_narrative`): the one table the reports own. */

export interface NarrativeFields {
  readonly summary: string | null
  readonly wentWell: string | null
  readonly willChange: string | null
  readonly familiesToldUs: string | null
}

export async function findNarrative(db: Queryable, authorityId: string, year: number) {
  return db
    .selectFrom('evaluation_narrative')
    .innerJoin('app_user', 'app_user.id', 'evaluation_narrative.updated_by')
    .select([
      'evaluation_narrative.summary',
      'evaluation_narrative.went_well',
      'evaluation_narrative.will_change',
      'evaluation_narrative.families_told_us',
      'evaluation_narrative.updated_at',
      'evaluation_narrative.version',
      'app_user.display_name as updated_by_name',
    ])
    .where('evaluation_narrative.authority_id', '=', authorityId)
    .where('evaluation_narrative.year', '=', year)
    .executeTakeFirst()
}

/** Saves a year's narrative if nobody saved it since `version` (0: never written). False when someone did: nothing is saved. */
export async function saveNarrative(
  db: Queryable,
  narrative: { authorityId: string; year: number; version: number; fields: NarrativeFields; by: string; at: Date },
): Promise<boolean> {
  const columns = {
    summary: narrative.fields.summary,
    went_well: narrative.fields.wentWell,
    will_change: narrative.fields.willChange,
    families_told_us: narrative.fields.familiesToldUs,
    updated_by: narrative.by,
    updated_at: narrative.at,
  }
  const saved =
    narrative.version === 0
      ? await db
          .insertInto('evaluation_narrative')
          .values({ authority_id: narrative.authorityId, year: narrative.year, ...columns })
          .onConflict((conflict) => conflict.columns(['authority_id', 'year']).doNothing())
          .returning('year')
          .executeTakeFirst()
      : await db
          .updateTable('evaluation_narrative')
          .set({ ...columns, version: sql<number>`version + 1` })
          .where('authority_id', '=', narrative.authorityId)
          .where('year', '=', narrative.year)
          .where('version', '=', narrative.version)
          .returning('year')
          .executeTakeFirst()
  return saved !== undefined
}
