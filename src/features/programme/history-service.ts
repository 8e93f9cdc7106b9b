import type { Queryable } from '../../platform/db/schema.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type { ModuleKey, SupervisionKind } from '../../vocabulary/advocates.ts'
import * as modules from './modules-repository.ts'
import * as supervision from './supervision-repository.ts'

/**
 * Training and supervision an advocate had before the service kept their record, brought in once
 * (the demo pool; a council moving its records over), in the caller's transaction.
 */

export async function importCompletedModules(
  _context: ServiceContext,
  trx: Queryable,
  record: { authorityId: string; advocateId: string; modules: readonly ModuleKey[]; completedOn: string; recordedBy: string },
): Promise<void> {
  const completions = record.modules.map((module) => ({ advocateId: record.advocateId, module }))
  await modules.insertCompletions(trx, record.authorityId, completions, record.completedOn, record.recordedBy)
}

export async function importSupervision(
  context: ServiceContext,
  trx: Queryable,
  record: { authorityId: string; kind: SupervisionKind; heldOn: string; supervisorId: string; advocateIds: readonly string[] },
): Promise<void> {
  const sessionId = await supervision.insertSupervision(trx, { ...record, notes: null, now: context.clock.now() })
  await supervision.insertSupervisionAttendance(trx, record.authorityId, sessionId, record.advocateIds)
}
