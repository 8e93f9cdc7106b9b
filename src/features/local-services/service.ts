import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { Clock } from '../../platform/time/clock.ts'
import type { Specialism } from '../../vocabulary/advocates.ts'
import * as repository from './repository.ts'

/**
 * The directory of local services that can take a referral the pool cannot serve ("we will triage
 * the referral and source an advocate from local services"). The advocacy admins and the
 * coordinator keep it.
 */

export interface LocalService {
  readonly id: string
  readonly name: string
  readonly languages: readonly string[]
  readonly specialisms: readonly Specialism[]
  readonly contact: string
  readonly notes: string | null
  readonly active: boolean
  readonly version: number
}

export class NameTakenError extends Error {
  override name = 'NameTakenError'
}

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

export function createLocalServices(db: Kysely<Schema>, clock: Clock) {
  return {
    async list(caller: Caller, options: { activeOnly?: boolean } = {}): Promise<LocalService[]> {
      requireKeeper(caller)
      return (await repository.listServices(db, caller.user.authorityId, options)).map(fromRow)
    },

    async find(caller: Caller, serviceId: string): Promise<LocalService> {
      requireKeeper(caller)
      const row = isId(serviceId) ? await repository.findService(db, caller.user.authorityId, serviceId) : undefined
      if (!row) throw new NotFoundError('No such local service')
      return fromRow(row)
    },

    async create(caller: Caller, fields: repository.ServiceFields): Promise<string> {
      requireKeeper(caller)
      return db.transaction().execute(async (trx) => {
        if (await repository.nameTaken(trx, caller.user.authorityId, fields.name)) throw new NameTakenError('A local service with that name is already listed')
        const id = await repository.insertService(trx, caller.user.authorityId, fields, clock.now())
        await recordAudit(
          trx,
          { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip },
          { action: 'local-service.created', recordType: 'local_service', recordId: id },
        )
        return id
      })
    },

    async update(caller: Caller, serviceId: string, fields: repository.ServiceFields, version: number): Promise<void> {
      requireKeeper(caller)
      await db.transaction().execute(async (trx) => {
        const row = isId(serviceId) ? await repository.findService(trx, caller.user.authorityId, serviceId) : undefined
        if (!row) throw new NotFoundError('No such local service')
        if (await repository.nameTaken(trx, caller.user.authorityId, fields.name, row.id))
          throw new NameTakenError('A local service with that name is already listed')
        if (!(await repository.updateService(trx, caller.user.authorityId, row.id, version, fields, clock.now()))) {
          throw new ConflictError('Someone else changed this local service since you opened the page', null, row.updated_at)
        }
        await recordAudit(
          trx,
          { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip },
          { action: 'local-service.updated', recordType: 'local_service', recordId: row.id },
        )
      })
    },
  }
}

export type LocalServices = ReturnType<typeof createLocalServices>
