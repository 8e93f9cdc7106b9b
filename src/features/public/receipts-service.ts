import { createHash } from 'node:crypto'
import type { Queryable } from '../../platform/db/schema.ts'
import type { PublicForm } from '../../vocabulary/enquiries.ts'
import { addressKey, RECEIPT_KEPT_HOURS, refusalFor, type Refusal } from './limits.ts'
import * as receipts from './receipt-repository.ts'

const HOUR = 60 * 60 * 1000

/** An address as the receipts keep it: by its /64 for IPv6 (limits.ts), hashed. */
export function addressHash(ip: string): string {
  return createHash('sha256')
    .update(`public-form:${addressKey(ip)}`)
    .digest('hex')
}

/**
 * Inside the caller's transaction: whether one more of this form may be accepted from this address
 * for this authority (limits.ts), and if so, the receipt that counts it. Every acceptance of the
 * form for the authority waits for this one's transaction, so the limits hold under a flood.
 */
export async function acceptReceipt(trx: Queryable, receipt: { authorityId: string; form: PublicForm; ip: string; at: Date }): Promise<Refusal | null> {
  await receipts.lockReceipts(trx, receipt.authorityId, receipt.form)
  const hash = addressHash(receipt.ip)
  const counts = await receipts.receiptsSince(trx, {
    authorityId: receipt.authorityId,
    form: receipt.form,
    addressHash: hash,
    since: new Date(receipt.at.getTime() - 24 * HOUR),
  })
  const refusal = refusalFor(receipt.form, counts.fromAddress, counts.forAuthority)
  if (refusal) return refusal
  await receipts.insertReceipt(trx, { authorityId: receipt.authorityId, form: receipt.form, addressHash: hash, at: receipt.at })
  await receipts.deleteReceiptsBefore(trx, new Date(receipt.at.getTime() - RECEIPT_KEPT_HOURS * HOUR))
  return null
}
