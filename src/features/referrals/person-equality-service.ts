import { recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as people from '../people/records-service.ts'
import type { EqualityFields } from '../people/service.ts'
import { openPerson } from './referral-page-service.ts'
import { actorOf } from './steps.ts'

/**
 * The equality questions on a parent or carer's record (relationship to the child, ethnicity, first
 * language, disability), for the reports' equality splits. Open to whoever may open the person's
 * page; each answer may be "Prefer not to say". Viewing is audited, as the person's page is; a
 * change is saved only over the version the page was opened on.
 */

async function openAdult(context: ServiceContext, caller: Caller, personId: string) {
  const { person } = await openPerson(context, caller, personId)
  if (person.kind !== 'adult') throw new NotFoundError('No such person')
  return person
}

export async function personEquality(context: ServiceContext, caller: Caller, personId: string) {
  const person = await openAdult(context, caller, personId)
  await recordAudit(context.db, actorOf(caller), { action: 'person.viewed', recordType: 'person', recordId: person.id, details: { page: 'equality' } })
  return { id: person.id, name: person.name, equality: person.equality, version: person.version }
}

export async function savePersonEquality(context: ServiceContext, caller: Caller, personId: string, fields: EqualityFields, version: number): Promise<void> {
  const person = await openAdult(context, caller, personId)
  await context.db.transaction().execute((trx) => people.saveEquality(trx, caller, person, fields, version, context.clock.now()))
}
