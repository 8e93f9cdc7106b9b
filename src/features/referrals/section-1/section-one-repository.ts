import { sql } from 'kysely'
import type { Queryable, Row } from '../../../platform/db/schema.ts'
import { textArray } from '../../../platform/db/text-array.ts'
import type { NotForFamilyQuestion } from '../../../vocabulary/referrals.ts'
import { emptySectionOne, questions, type QuestionName, type SectionOneAnswers } from './questions.ts'

/**
 * Section 1's row, and the one mapping between it and the answers, both ways, read from the
 * questions' own definition: each question names its column. Every query names the authority.
 */

type SectionOneRow = Row<'section_one'>

const answerColumns = Object.entries(questions).map(([name, question]) => [name as QuestionName, question.column as keyof SectionOneRow] as const)

/** The answers a row holds (an empty Section 1 when there is no row). */
export function answersFrom(row: SectionOneRow | undefined): SectionOneAnswers {
  if (!row) return emptySectionOne
  // Each column has its question's answer type (src/platform/db/schema.ts): one mapping, checked by the round-trip test.
  return Object.fromEntries(answerColumns.map(([name, column]) => [name, row[column]])) as unknown as SectionOneAnswers
}

/** The columns for the answers given (a list as one `text[]` value). */
function columnsFrom(answers: Partial<SectionOneAnswers>): Record<string, unknown> {
  return Object.fromEntries(
    answerColumns
      .filter(([name]) => name in answers)
      .map(([name, column]) => {
        const answer: unknown = answers[name]
        return [column, Array.isArray(answer) ? textArray(answer as readonly string[]) : answer]
      }),
  )
}

export async function findSectionOne(
  db: Queryable,
  authorityId: string,
  referralId: string,
): Promise<(SectionOneAnswers & { version: number; updatedBy: string | null; updatedAt: Date }) | undefined> {
  const row = await db.selectFrom('section_one').selectAll().where('authority_id', '=', authorityId).where('referral_id', '=', referralId).executeTakeFirst()
  return sectionOneOf(row)
}

/** Section 1 as `findSectionOne` gives it, from its row (read beside the referral on its page). */
export function sectionOneOf(row: SectionOneRow | undefined): (SectionOneAnswers & { version: number; updatedBy: string | null; updatedAt: Date }) | undefined {
  return row ? { ...answersFrom(row), version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at } : undefined
}

/** The row a new referral starts with: every answer still to give. */
/** An empty Section 1 for a new draft, made at `now` (the service's clock; the database's own clock when not given). */
export async function insertSectionOne(db: Queryable, authorityId: string, referralId: string, now?: Date): Promise<void> {
  await db
    .insertInto('section_one')
    .values({ referral_id: referralId, authority_id: authorityId, ...(now ? { updated_at: now } : {}) })
    .execute()
}

/**
 * Saves answers (all of them, or just those given, as when the admin records consent later) if
 * nobody changed Section 1 since `version`; false when someone did.
 */
export async function updateSectionOne(
  db: Queryable,
  authorityId: string,
  referralId: string,
  version: number,
  answers: Partial<SectionOneAnswers>,
  by: { userId: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('section_one')
    .set({ ...columnsFrom(answers), updated_by: by.userId, updated_at: by.now, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** The answers marked as not for the family to read, and the row's version, or undefined when there is no Section 1. */
export async function notForFamilyOf(
  db: Queryable,
  authorityId: string,
  referralId: string,
): Promise<{ marked: NotForFamilyQuestion[]; version: number; updatedBy: string | null; updatedAt: Date } | undefined> {
  const row = await db
    .selectFrom('section_one')
    .select(['not_for_family', 'version', 'updated_by', 'updated_at'])
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .executeTakeFirst()
  return row ? { marked: row.not_for_family, version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at } : undefined
}

/** Marks which answers are not for the family to read, if nobody changed Section 1 since `version`; false when someone did. */
export async function markNotForFamily(
  db: Queryable,
  authorityId: string,
  referralId: string,
  version: number,
  marked: readonly NotForFamilyQuestion[],
  by: { userId: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('section_one')
    .set({ not_for_family: textArray(marked), updated_by: by.userId, updated_at: by.now, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}
