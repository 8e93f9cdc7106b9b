import { hasRole, type SignedInUser } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import * as repository from './repository.ts'

/** Who may read and keep the pool, and finding the advocate they asked for: what every advocates service checks first. */

/** The pool's readers: the coordinator keeps it; the advocacy admins and managers match from it. */
export function requireReader(user: SignedInUser): void {
  if (!hasRole(user, 'coordinator', 'advocacy_admin', 'service_manager')) throw new ForbiddenError('Not allowed to see the advocate pool')
}

export function requireCoordinator(user: SignedInUser): void {
  if (!hasRole(user, 'coordinator')) throw new ForbiddenError('Only the coordinator keeps advocate records')
}

/** The authority's advocate, or not found (an id that is not one is not found either). */
export async function advocateOf(trx: Queryable, authorityId: string, advocateId: string, options: { forUpdate?: boolean } = {}) {
  const row = isId(advocateId) ? await repository.findAdvocate(trx, authorityId, advocateId, options) : undefined
  if (!row) throw new NotFoundError('No such advocate')
  return row
}
