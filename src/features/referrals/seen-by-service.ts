import { recordAudit, sightingsOf } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { staffNames } from '../../platform/auth/staff-repository.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as people from '../people/records-service.ts'
import * as referrals from './referral-repository.ts'
import { byThePerson, SEEN_BY_PAGE_SIZE, whatTheyDid } from './seen-by.ts'
import { actorOf, loadReferral } from './steps.ts'

/**
 * "Who has seen this record", for a service manager: each person who opened a referral or a
 * person's page, saw them listed in a worktray or found them in a search, downloaded the meeting
 * or changed the record, newest first, a page at a time, from the audit trail. Only a service
 * manager who may see the record may ask, and asking is itself recorded.
 */

export interface SeenBy {
  readonly rows: readonly { readonly who: string; readonly what: string; readonly at: Date }[]
  readonly page: number
  readonly hasOlder: boolean
}

function requireManager(caller: Caller): void {
  if (!hasRole(caller.user, 'service_manager')) throw new ForbiddenError('Only a service manager can see who has seen a record')
}

/** A page of sightings of these records, in words. */
async function seenBy(
  context: ServiceContext,
  caller: Caller,
  about: { kind: 'referral' | 'person'; id: string },
  records: readonly { recordType: string; recordId: string }[],
  references: ReadonlyMap<string, string>,
  page: number,
): Promise<SeenBy> {
  const authorityId = caller.user.authorityId
  const sightings = await sightingsOf(context.db, authorityId, records, { limit: SEEN_BY_PAGE_SIZE + 1, offset: (page - 1) * SEEN_BY_PAGE_SIZE })
  const shown = sightings.slice(0, SEEN_BY_PAGE_SIZE)
  const names = await staffNames(
    context.db,
    authorityId,
    shown.flatMap((sighting) => (sighting.actorId ? [sighting.actorId] : [])),
  )
  await recordAudit(context.db, actorOf(caller), { action: `${about.kind}.seen-by-viewed`, recordType: about.kind, recordId: about.id, details: { page } })
  return {
    rows: shown.map((sighting) => ({
      who: sighting.actorId
        ? (names.get(sighting.actorId) ?? 'Someone no longer on the staff list')
        : byThePerson(sighting.action)
          ? 'The person, on their own pages'
          : 'The service',
      what: whatTheyDid(sighting, about, references),
      at: sighting.at,
    })),
    page,
    hasOlder: sightings.length > SEEN_BY_PAGE_SIZE,
  }
}

/** Who has seen a referral: the events about it and the lists that showed it. */
export async function referralSeenBy(context: ServiceContext, caller: Caller, referralId: string, page: number) {
  requireManager(caller)
  const row = await loadReferral(context.db, caller, referralId)
  const person = row.person_id ? await people.findPerson(context.db, row.authority_id, row.person_id) : undefined
  const sightings = await seenBy(context, caller, { kind: 'referral', id: row.id }, [{ recordType: 'referral', recordId: row.id }], new Map(), page)
  return { referral: { id: row.id, reference: row.reference, personName: person?.name ?? null }, ...sightings }
}

/**
 * Who has seen a person: the events about them (found in a search, their page opened) and about
 * each of their referrals the manager may see (opened, listed, changed), each named.
 */
export async function personSeenBy(context: ServiceContext, caller: Caller, personId: string, page: number) {
  requireManager(caller)
  if (!isId(personId)) throw new NotFoundError('No such person')
  const authorityId = caller.user.authorityId
  const person = await people.findPerson(context.db, authorityId, personId)
  if (!person) throw new NotFoundError('No such person')
  // The manager may see the person through the referrals sent to the service, as on the person's page.
  const theirs = (await referrals.referralsOfPerson(context.db, authorityId, personId)).filter((referral) => referral.sent_at !== null)
  if (theirs.length === 0) throw new NotFoundError('No such person')
  const records = [{ recordType: 'person', recordId: person.id }, ...theirs.map((referral) => ({ recordType: 'referral', recordId: referral.id }))]
  const references = new Map(theirs.map((referral) => [referral.id, referral.reference]))
  const sightings = await seenBy(context, caller, { kind: 'person', id: person.id }, records, references, page)
  return { person: { id: person.id, name: person.name }, ...sightings }
}
