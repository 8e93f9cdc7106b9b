import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import type { PublicForm } from '../../vocabulary/enquiries.ts'

/**
 * Holds every other acceptance of this form for this authority until the caller's transaction
 * ends, so two posts at once cannot both pass a limit they would pass one at a time.
 */
export async function lockReceipts(trx: Queryable, authorityId: string, form: PublicForm): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`public_form_receipt:${authorityId}:${form}`}, 0))`.execute(trx)
}

/** Forms accepted since `since`: from this address (any authority), and for this authority. */
export async function receiptsSince(
  db: Queryable,
  query: { authorityId: string; form: PublicForm; addressHash: string; since: Date },
): Promise<{ fromAddress: number; forAuthority: number }> {
  const row = await db
    .selectFrom('public_form_receipt')
    .select((eb) => [
      eb.fn.count<number>(sql`case when address_hash = ${query.addressHash} then 1 end`).as('from_address'),
      eb.fn.count<number>(sql`case when authority_id = ${query.authorityId} then 1 end`).as('for_authority'),
    ])
    .where('form', '=', query.form)
    .where('received_at', '>', query.since)
    .where((eb) => eb.or([eb('address_hash', '=', query.addressHash), eb('authority_id', '=', query.authorityId)]))
    .executeTakeFirstOrThrow()
  return { fromAddress: Number(row.from_address), forAuthority: Number(row.for_authority) }
}

export async function insertReceipt(db: Queryable, receipt: { authorityId: string; form: PublicForm; addressHash: string; at: Date }): Promise<void> {
  await db
    .insertInto('public_form_receipt')
    .values({ authority_id: receipt.authorityId, form: receipt.form, address_hash: receipt.addressHash, received_at: receipt.at })
    .execute()
}

/** Receipts too old to count: nothing is kept longer than the limits need. */
export async function deleteReceiptsBefore(db: Queryable, before: Date): Promise<void> {
  await db.deleteFrom('public_form_receipt').where('received_at', '<', before).execute()
}
