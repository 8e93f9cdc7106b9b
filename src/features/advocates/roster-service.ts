import type { Queryable } from '../../platform/db/schema.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type { AdvocateKind, Stage } from '../../vocabulary/advocates.ts'
import * as repository from './repository.ts'

/**
 * The pool as the peer advocate programme's services read it, inside their own transactions: who
 * is at which stage, their rows locked while the programme changes what it records of them, and
 * the date of their Level 2 accreditation, which the programme records on the advocate. The
 * programme's service has already checked that the caller may do this.
 */

export interface RosterAdvocate {
  readonly id: string
  readonly name: string
  readonly kind: AdvocateKind
  readonly stage: Stage
  readonly dbsCheckedOn: string | null
  readonly accreditedOn: string | null
}

function rosterOf(row: Awaited<ReturnType<typeof repository.listAdvocates>>[number]): RosterAdvocate {
  return { id: row.id, name: fullName(row), kind: row.kind, stage: row.stage, dbsCheckedOn: row.dbs_checked_on, accreditedOn: row.accredited_on }
}

/** The authority's advocates, by name: at these stages, of this kind, or with these ids, when asked. */
export async function roster(
  trx: Queryable,
  authorityId: string,
  filter: { stages?: readonly Stage[]; kind?: AdvocateKind; ids?: readonly string[] } = {},
): Promise<RosterAdvocate[]> {
  return (await repository.listAdvocates(trx, authorityId, filter)).map(rosterOf)
}

/** These advocates, locked until the transaction ends; those that are not the authority's are left out. */
export async function lockRoster(trx: Queryable, authorityId: string, advocateIds: readonly string[]): Promise<RosterAdvocate[]> {
  return (await repository.lockAdvocates(trx, authorityId, advocateIds)).map(rosterOf)
}

/** Records the date of the advocate's Level 2 accreditation on their record (a change to the record, so its version moves). */
export async function recordAccreditedOn(
  context: ServiceContext,
  trx: Queryable,
  authorityId: string,
  advocateId: string,
  accreditedOn: string,
): Promise<void> {
  await repository.setAccreditedOn(trx, authorityId, advocateId, accreditedOn, context.clock.now())
}

/** Links a sign-in that already exists to the advocate (the demo's advocate account). */
export async function linkSignIn(_context: ServiceContext, trx: Queryable, authorityId: string, advocateId: string, userId: string): Promise<void> {
  await repository.linkUser(trx, authorityId, advocateId, userId)
}
