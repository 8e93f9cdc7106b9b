import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import { textArray } from '../../platform/db/text-array.ts'
import type { Specialism } from '../../vocabulary/advocates.ts'

const columns = ['id', 'name', 'languages', 'specialisms', 'contact', 'notes', 'active', 'version', 'updated_at'] as const

export async function listServices(db: Queryable, authorityId: string, options: { activeOnly?: boolean } = {}) {
  let query = db.selectFrom('local_service').select(columns).where('authority_id', '=', authorityId)
  if (options.activeOnly) query = query.where('active', '=', true)
  return query.orderBy('name').execute()
}

export async function findService(db: Queryable, authorityId: string, serviceId: string) {
  return db.selectFrom('local_service').select(columns).where('authority_id', '=', authorityId).where('id', '=', serviceId).executeTakeFirst()
}

export interface ServiceFields {
  readonly name: string
  readonly languages: readonly string[]
  readonly specialisms: readonly Specialism[]
  readonly contact: string
  readonly notes: string | null
  readonly active: boolean
}

export async function insertService(db: Queryable, authorityId: string, fields: ServiceFields, now: Date): Promise<string> {
  const row = await db
    .insertInto('local_service')
    .values({
      authority_id: authorityId,
      name: fields.name,
      languages: textArray(fields.languages),
      specialisms: textArray(fields.specialisms),
      contact: fields.contact,
      notes: fields.notes,
      active: fields.active,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateService(
  db: Queryable,
  authorityId: string,
  serviceId: string,
  version: number,
  fields: ServiceFields,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('local_service')
    .set({
      name: fields.name,
      languages: textArray(fields.languages),
      specialisms: textArray(fields.specialisms),
      contact: fields.contact,
      notes: fields.notes,
      active: fields.active,
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('id', '=', serviceId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function nameTaken(db: Queryable, authorityId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('local_service')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
  if (exceptId) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}
