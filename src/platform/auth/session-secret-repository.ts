import { randomBytes } from 'node:crypto'
import type { Queryable } from '../db/schema.ts'

/**
 * The secret that signs form tokens. Production supplies its own (SESSION_SECRET); elsewhere one is
 * made on first start and kept in the database, so restarts and second processes agree on it.
 */
export async function storedSessionSecret(db: Queryable): Promise<string> {
  await db
    .insertInto('app_setting')
    .values({ key: 'session_secret', value: randomBytes(48).toString('base64url') })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute()
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'session_secret').executeTakeFirstOrThrow()
  return row.value
}
