import type { Queryable } from '../../platform/db/schema.ts'
import type { TrainingHistory } from '../advocates/context.ts'
import * as modules from './modules-repository.ts'
import * as supervision from './supervision-repository.ts'

/**
 * What the programme records of each advocate's training and supervision, as the pool's
 * eligibility needs it. src/composition.ts hands this to the advocates feature, which does not
 * import the programme (the programme imports it).
 */

/** Modules completed, supervision attended since `since` and group sessions held since then, for these advocates (or the whole pool). */
export async function trainingRecords(
  trx: Queryable,
  authorityId: string,
  advocateIds: readonly string[] | undefined,
  since: string,
): Promise<TrainingHistory> {
  const [completed, attended, held] = await Promise.all([
    modules.completedModules(trx, authorityId, advocateIds),
    supervision.supervisionAttended(trx, authorityId, since, advocateIds),
    supervision.groupSessionsHeld(trx, authorityId, since),
  ])
  return {
    completedModules: completed.map((row) => ({ advocateId: row.advocate_id, module: row.module })),
    supervisionAttended: attended.map((row) => ({ advocateId: row.advocate_id, kind: row.kind, heldOn: row.held_on })),
    groupSessionsHeld: held,
  }
}
