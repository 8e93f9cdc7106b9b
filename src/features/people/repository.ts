import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import type { DisabilityAnswer, Ethnicity, RelationshipToChild } from '../../vocabulary/equality.ts'

/**
 * A search that finds a person, never browses: their whole name with their date of birth, or their
 * case system ID.
 */
export type PersonSearch =
  | { readonly by: 'name'; readonly givenName: string; readonly familyName: string; readonly dateOfBirth: string }
  | { readonly by: 'externalId'; readonly externalId: string }

const personColumns = [
  'person.id',
  'person.kind',
  'person.given_name',
  'person.family_name',
  'person.date_of_birth',
  'person.gender',
  'person.pronouns',
  'person.external_id',
  'person.family_group_id',
  'person.created_by',
  'person.relationship_to_child',
  'person.ethnicity',
  'person.first_language',
  'person.disability',
  'person.version',
] as const

/** The words of a typed name (at most four), each with a letter or a digit in it. */
function wordsOf(name: string): string[] {
  return name
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 4)
}

/**
 * Every typed word is a whole word of the folded name: "jose" finds "maria jose" and "lopez" finds
 * "garcia lopez", but "l" or "luc" finds no "lucia": a search names someone, it does not browse.
 */
function beginsWordsOf(column: 'person.given_name_folded' | 'person.family_name_folded', typed: string) {
  const words = wordsOf(typed)
  if (words.length === 0) return sql<boolean>`false`
  return sql.join(
    words.map((word) => sql<boolean>`strpos(' ' || ${sql.ref(column)} || ' ', ' ' || fold_for_search(${word}) || ' ') > 0`),
    sql` and `,
  )
}

/**
 * People in the authority the search names. By name: each part of both names, folded the same way
 * on both sides (accents and capitals do not matter, `fold_for_search`), and the date of birth; or,
 * for someone recorded with no date of birth, both names in full. By case system ID: that ID whole.
 */
export async function searchPeople(db: Queryable, authorityId: string, search: PersonSearch, kind: 'adult' | 'child', limit: number) {
  let query = db.selectFrom('person').select(personColumns).where('person.authority_id', '=', authorityId).where('person.kind', '=', kind)
  if (search.by === 'externalId') {
    query = query.where('person.external_id', '=', search.externalId)
  } else {
    const { givenName, familyName, dateOfBirth } = search
    query = query
      .where(sql<boolean>`(${beginsWordsOf('person.given_name_folded', givenName)})`)
      .where(sql<boolean>`(${beginsWordsOf('person.family_name_folded', familyName)})`)
      .where((eb) =>
        eb.or([
          eb('person.date_of_birth', '=', dateOfBirth),
          eb.and([
            eb('person.date_of_birth', 'is', null),
            eb('person.given_name_folded', '=', sql<string>`fold_for_search(${givenName})`),
            eb('person.family_name_folded', '=', sql<string>`fold_for_search(${familyName})`),
          ]),
        ]),
      )
  }
  return query.orderBy('person.family_name').orderBy('person.given_name').orderBy('person.id').limit(limit).execute()
}

export async function findPerson(db: Queryable, authorityId: string, personId: string) {
  return db.selectFrom('person').select(personColumns).where('person.authority_id', '=', authorityId).where('person.id', '=', personId).executeTakeFirst()
}

export async function insertFamilyGroup(db: Queryable, authorityId: string): Promise<string> {
  const row = await db.insertInto('family_group').values({ authority_id: authorityId }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function insertPerson(
  db: Queryable,
  person: {
    authorityId: string
    familyGroupId: string | null
    kind: 'adult' | 'child'
    givenName: string
    familyName: string
    dateOfBirth: string | null
    gender: string | null
    pronouns: string | null
    externalId: string | null
    createdBy: string
    now: Date
  },
): Promise<string> {
  const row = await db
    .insertInto('person')
    .values({
      authority_id: person.authorityId,
      family_group_id: person.familyGroupId,
      kind: person.kind,
      given_name: person.givenName,
      family_name: person.familyName,
      date_of_birth: person.dateOfBirth,
      gender: person.gender,
      pronouns: person.pronouns,
      external_id: person.externalId,
      created_by: person.createdBy,
      created_at: person.now,
      updated_at: person.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setFamilyGroup(db: Queryable, authorityId: string, personId: string, familyGroupId: string): Promise<void> {
  await db.updateTable('person').set({ family_group_id: familyGroupId }).where('authority_id', '=', authorityId).where('id', '=', personId).execute()
}

export async function childrenInFamily(db: Queryable, authorityId: string, familyGroupId: string) {
  return db
    .selectFrom('person')
    .select(personColumns)
    .where('person.authority_id', '=', authorityId)
    .where('person.family_group_id', '=', familyGroupId)
    .where('person.kind', '=', 'child')
    .orderBy('person.date_of_birth')
    .orderBy('person.given_name')
    .execute()
}

/** The equality questions' answers (null: not asked yet). */
export interface EqualityFields {
  readonly relationshipToChild: RelationshipToChild | null
  readonly ethnicity: Ethnicity | null
  readonly firstLanguage: string | null
  readonly disability: DisabilityAnswer | null
}

/** Saves a person's equality answers if nobody else saved the person since `version`; false if someone did. */
export async function updateEquality(
  db: Queryable,
  authorityId: string,
  personId: string,
  version: number,
  fields: EqualityFields,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('person')
    .set({
      relationship_to_child: fields.relationshipToChild,
      ethnicity: fields.ethnicity,
      first_language: fields.firstLanguage,
      disability: fields.disability,
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
