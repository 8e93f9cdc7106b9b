import type { Queryable } from '../../platform/db/schema.ts'

export interface PersonSearch {
  readonly name: string
  readonly dateOfBirth: string | null
  readonly externalId: string | null
}

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
  'person.version',
] as const

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/** People in the authority matching every term given; names match in part, either way round. */
export async function searchPeople(db: Queryable, authorityId: string, search: PersonSearch, kind: 'adult' | 'child', limit: number) {
  let query = db.selectFrom('person').select(personColumns).where('person.authority_id', '=', authorityId).where('person.kind', '=', kind)
  const words = search.name.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4)
  for (const word of words) {
    const pattern = likePattern(word)
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['person.given_name']), 'like', pattern), eb(eb.fn('lower', ['person.family_name']), 'like', pattern)]),
    )
  }
  if (search.dateOfBirth) query = query.where('person.date_of_birth', '=', search.dateOfBirth)
  if (search.externalId) query = query.where('person.external_id', '=', search.externalId)
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
