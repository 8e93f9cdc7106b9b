import type { Queryable } from '../../platform/db/schema.ts'
import type { ModuleKey } from '../../vocabulary/advocates.ts'

/** The training modules each advocate has completed, in a cohort or before. Every query names the authority. */

const NO_ADVOCATE = '00000000-0000-0000-0000-000000000000'

/** Every module each of these advocates (or, without ids, everyone) has completed. */
export async function completedModules(db: Queryable, authorityId: string, advocateIds?: readonly string[]) {
  let query = db.selectFrom('module_completion').select(['advocate_id', 'module', 'completed_on']).where('authority_id', '=', authorityId)
  if (advocateIds) query = query.where('advocate_id', 'in', advocateIds.length > 0 ? [...advocateIds] : [NO_ADVOCATE])
  return query.execute()
}

/** Records modules as completed; a completion already recorded keeps its date. */
export async function insertCompletions(
  db: Queryable,
  authorityId: string,
  completions: readonly { advocateId: string; module: ModuleKey }[],
  completedOn: string,
  recordedBy: string,
): Promise<void> {
  if (completions.length === 0) return
  await db
    .insertInto('module_completion')
    .values(
      completions.map((completion) => ({
        authority_id: authorityId,
        advocate_id: completion.advocateId,
        module: completion.module,
        completed_on: completedOn,
        recorded_by: recordedBy,
      })),
    )
    .onConflict((conflict) => conflict.columns(['advocate_id', 'module']).doNothing())
    .execute()
}

export async function deleteCompletions(db: Queryable, authorityId: string, advocateId: string, modules: readonly ModuleKey[]): Promise<void> {
  if (modules.length === 0) return
  await db
    .deleteFrom('module_completion')
    .where('authority_id', '=', authorityId)
    .where('advocate_id', '=', advocateId)
    .where('module', 'in', [...modules])
    .execute()
}
