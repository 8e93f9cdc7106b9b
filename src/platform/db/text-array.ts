import { sql, type RawBuilder } from 'kysely'

/**
 * A list of strings as a PostgreSQL `text[]` value. Passed as one parameter (not spread), so an empty
 * list is an empty array on both PostgreSQL and PGlite, and the column keeps its vocabulary's type.
 */
export function textArray<T extends string>(values: readonly T[]): RawBuilder<T[]> {
  return sql<T[]>`${sql.val([...values])}::text[]`
}
