import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import { NameTakenError, type LocalService } from './local-service.ts'
import * as repository from './repository.ts'

/**
 * The directory of local services that can take a referral the pool cannot serve ("we will triage
 * the referral and source an advocate from local services"). The advocacy admins, managers and the
 * coordinator keep it.
 */

function requireKeeper(caller: Caller): void {
  if (!hasRole(caller.user, 'advocacy_admin', 'coordinator', 'service_manager')) throw new ForbiddenError('Not allowed to keep the directory of local services')
}

function fromRow(row: Awaited<ReturnType<typeof repository.listServices>>[number]): LocalService {
  return {
    id: row.id,
    name: row.name,
    languages: row.languages,
    specialisms: row.specialisms,
    contact: row.contact,
    notes: row.notes,
    active: row.active,
    version: row.version,
  }
}

export async function list(context: ServiceContext, caller: Caller, options: { activeOnly?: boolean } = {}): Promise<LocalService[]> {
  requireKeeper(caller)
  return (await repository.listServices(context.db, caller.user.authorityId, options)).map(fromRow)
}

export async function find(context: ServiceContext, caller: Caller, serviceId: string): Promise<LocalService> {
  requireKeeper(caller)
  const row = isId(serviceId) ? await repository.findService(context.db, caller.user.authorityId, serviceId) : undefined
  if (!row) throw new NotFoundError('No such local service')
  return fromRow(row)
}

export async function create(context: ServiceContext, caller: Caller, fields: repository.ServiceFields): Promise<string> {
  requireKeeper(caller)
  return context.db.transaction().execute(async (trx) => {
    if (await repository.nameTaken(trx, caller.user.authorityId, fields.name)) throw new NameTakenError('A local service with that name is already listed')
    const id = await repository.insertService(trx, caller.user.authorityId, fields, context.clock.now())
    await recordAudit(trx, auditActorOf(caller), { action: 'local-service.created', recordType: 'local_service', recordId: id })
    return id
  })
}

/** Saves the changes if nobody else saved the service since `version`. */
export async function update(context: ServiceContext, caller: Caller, serviceId: string, fields: repository.ServiceFields, version: number): Promise<void> {
  requireKeeper(caller)
  await context.db.transaction().execute(async (trx) => {
    const row = isId(serviceId) ? await repository.findService(trx, caller.user.authorityId, serviceId) : undefined
    if (!row) throw new NotFoundError('No such local service')
    if (await repository.nameTaken(trx, caller.user.authorityId, fields.name, row.id))
      throw new NameTakenError('A local service with that name is already listed')
    if (!(await repository.updateService(trx, caller.user.authorityId, row.id, version, fields, context.clock.now()))) {
      throw new ConflictError('Someone else changed this local service since you opened the page', null, row.updated_at)
    }
    await recordAudit(trx, auditActorOf(caller), { action: 'local-service.updated', recordType: 'local_service', recordId: row.id })
  })
}

/** What the pages (and triage, through src/composition.ts) call. */
export type LocalServices = BoundService<{ list: typeof list; find: typeof find; create: typeof create; update: typeof update }, ServiceContext>
