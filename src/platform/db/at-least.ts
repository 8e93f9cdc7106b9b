import type { SelectQueryBuilder } from 'kysely'
import type { Queryable, Schema } from './schema.ts'

/**
 * Whether a query finds at least `count` rows, reading no more than that many: a bounded count,
 * which a partial index can answer alone. For choosing how to read a list by how much waits (ADR 38).
 */
export async function hasAtLeast<TB extends keyof Schema, O>(db: Queryable, rows: SelectQueryBuilder<Schema, TB, O>, count: number): Promise<boolean> {
  const found = await db
    .selectFrom(rows.limit(count).as('some'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(found.n) >= count
}
