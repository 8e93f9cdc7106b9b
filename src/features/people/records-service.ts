import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { ConflictError } from '../../platform/errors.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { fullName } from '../../platform/people-names.ts'
import * as repository from './repository.ts'
import type { EqualityFields, NewPerson, Person } from './service.ts'

type PersonRow = NonNullable<Awaited<ReturnType<typeof repository.findPerson>>>

function personFrom(row: PersonRow): Person {
  return {
    id: row.id,
    kind: row.kind,
    name: fullName(row),
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    pronouns: row.pronouns,
    externalId: row.external_id,
    familyGroupId: row.family_group_id,
    createdBy: row.created_by,
    equality: {
      relationshipToChild: row.relationship_to_child,
      ethnicity: row.ethnicity,
      firstLanguage: row.first_language,
      disability: row.disability,
    },
    version: row.version,
  }
}

/*
 * For other features' services, inside their own transaction (`trx`). They check who may see what;
 * these only read and write the people feature's tables.
 */

export async function findPerson(trx: Queryable, authorityId: string, personId: string): Promise<Person | undefined> {
  const row = await repository.findPerson(trx, authorityId, personId)
  return row ? personFrom(row) : undefined
}

/** The children recorded in a family, youngest last. */
export async function childrenInFamily(trx: Queryable, authorityId: string, familyGroupId: string): Promise<Person[]> {
  return (await repository.childrenInFamily(trx, authorityId, familyGroupId)).map(personFrom)
}

/** Adds a parent or carer, in a family of their own. Audited. */
export async function addAdult(trx: Queryable, caller: Caller, person: NewPerson, now: Date): Promise<string> {
  const authorityId = caller.user.authorityId
  const familyGroupId = await repository.insertFamilyGroup(trx, authorityId)
  const personId = await repository.insertPerson(trx, { authorityId, familyGroupId, kind: 'adult', ...person, createdBy: caller.user.id, now })
  await recordAudit(trx, auditActorOf(caller), { action: 'person.created', recordType: 'person', recordId: personId })
  return personId
}

/** Adds a child to a parent's family (making the family if the parent has none yet). Audited. */
export async function addChildOf(trx: Queryable, caller: Caller, parent: Person, child: NewPerson, now: Date): Promise<string> {
  const authorityId = caller.user.authorityId
  let familyGroupId = parent.familyGroupId
  if (!familyGroupId) {
    familyGroupId = await repository.insertFamilyGroup(trx, authorityId)
    await repository.setFamilyGroup(trx, authorityId, parent.id, familyGroupId)
  }
  const childId = await repository.insertPerson(trx, { authorityId, familyGroupId, kind: 'child', ...child, createdBy: caller.user.id, now })
  await recordAudit(trx, auditActorOf(caller), { action: 'person.created', recordType: 'person', recordId: childId })
  return childId
}

/**
 * Saves a person's answers to the equality questions, if nobody saved the person since `version`
 * (else a ConflictError). Audited with the questions that changed, never the answers.
 */
export async function saveEquality(trx: Queryable, caller: Caller, person: Person, fields: EqualityFields, version: number, now: Date): Promise<void> {
  const authorityId = caller.user.authorityId
  if (!(await repository.updateEquality(trx, authorityId, person.id, version, fields, now))) {
    throw new ConflictError('Someone else changed this person since you opened the page')
  }
  const changed = (Object.keys(fields) as (keyof EqualityFields)[]).filter((key) => fields[key] !== person.equality[key])
  await recordAudit(trx, auditActorOf(caller), { action: 'person.equality-updated', recordType: 'person', recordId: person.id, details: { changed } })
}
