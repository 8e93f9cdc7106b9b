import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import pg from 'pg'

/**
 * Each PostgreSQL connection prepares the service's statements once and plans them from then on as
 * PostgreSQL decides (ADR 35): a worktray list joins six tables, and planning it again on every
 * request cost as much as running it (10 ms of a 25 ms query on a 2-core machine). pg keeps a
 * named statement per connection and sends only its parameters after the first time.
 *
 * Only queries, inserts, updates and deletes are named, and at most `most` of them a connection, so
 * a statement whose text varies (a list of ids of any length) cannot fill the server's memory: past
 * the limit, statements run unnamed, as before. When a migration changes a table under a prepared
 * statement, PostgreSQL refuses it once ("cached plan must not change result type"); the connection
 * then forgets its names and prepares each statement afresh under a new one.
 */
export function preparingStatements(pool: pg.Pool, most = 200): PostgresPool {
  const named = new WeakMap<pg.PoolClient, { readonly texts: Map<string, string>; next: number }>()
  return {
    // For Kysely's cancelling of a query, on a connection of its own.
    Client: pg.Client,
    options: pool.options,
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect()
      const known = named.get(client) ?? { texts: new Map<string, string>(), next: 1 }
      named.set(client, known)
      function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>
      function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>
      function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>) {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>
        const values = [...(parameters ?? [])]
        const name = nameFor(known, sqlOrCursor, most)
        if (name === undefined) return client.query(sqlOrCursor, values) as unknown as Promise<PostgresQueryResult<R>>
        return (client.query({ name, text: sqlOrCursor, values }) as unknown as Promise<PostgresQueryResult<R>>).catch((error: unknown) => {
          if (isStalePlan(error)) known.texts.clear()
          throw error
        })
      }
      return {
        get processID() {
          return (client as unknown as { processID: number }).processID
        },
        query,
        release: (destroy?: boolean) => client.release(destroy),
      }
    },
  }
}

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i

/** The name a connection knows `text` by, given one if it has room; undefined to run it unnamed. */
export function nameFor(names: { readonly texts: Map<string, string>; next: number }, text: string, most: number): string | undefined {
  const known = names.texts.get(text)
  if (known !== undefined) return known
  if (names.texts.size >= most || !PREPARABLE.test(text)) return undefined
  const name = `alongside_${names.next}`
  names.next += 1
  names.texts.set(text, name)
  return name
}

/** PostgreSQL's refusal of a prepared statement whose table has changed since it was planned. */
export function isStalePlan(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === '0A000' &&
    /cached plan must not change result type/.test(String((error as { message?: unknown }).message))
  )
}
