import type { Queryable } from '../db/schema.ts'
import { chainEvents, chainHeads, eventsOutsideTheChain, waitingToBeSealed } from './audit-repository.ts'
import { checkLinks, genesisHash, type BrokenLink } from './chain.ts'

export interface ChainReport {
  readonly chain: string
  readonly events: number
  readonly broken: BrokenLink | null
}

const BATCH = 5_000

/** Checks every chain of the audit trail from its first link to its head, and says where each first breaks. */
export async function verifyAuditTrail(db: Queryable): Promise<ChainReport[]> {
  const reports: ChainReport[] = []
  for (const head of await chainHeads(db)) {
    let from: { seq: number; hash: string; id: number | null } = { seq: 0, hash: genesisHash(head.chain), id: null }
    let broken: BrokenLink | null
    for (;;) {
      const rows = await chainEvents(db, head.chain, from.seq, BATCH)
      const checked = checkLinks(
        rows.map((row) => ({
          id: row.id,
          chain: row.chain ?? '',
          seq: row.chain_seq ?? 0,
          at: row.at,
          authorityId: row.authority_id,
          actorId: row.actor_id,
          action: row.action,
          recordType: row.record_type,
          recordId: row.record_id,
          ip: row.ip,
          details: row.details,
          previousHash: row.previous_hash,
          hash: row.hash,
        })),
        from,
      )
      from = checked.last
      broken = checked.broken
      if (broken || rows.length < BATCH) break
    }
    if (!broken && (from.seq !== head.last_seq || from.hash !== head.last_hash)) broken = { kind: 'head', seq: from.seq + 1 }
    reports.push({ chain: head.chain, events: from.seq, broken })
  }
  return reports
}

export interface SealingReport {
  /** Events recorded and not yet sealed (the sealer seals them within seconds), and the oldest's time. */
  readonly waiting: number
  readonly oldestWaiting: Date | null
  /** Events recorded since the chains began that are neither sealed nor waiting (the first few). */
  readonly outside: readonly number[]
}

/** What waits to be sealed, and any event taken off the waiting list behind the sealer's back. */
export async function checkSealing(db: Queryable): Promise<SealingReport> {
  const { count, oldest } = await waitingToBeSealed(db)
  return { waiting: count, oldestWaiting: oldest, outside: await eventsOutsideTheChain(db, 10) }
}

/** A broken link in words: where it is, and what happened there. */
export function describeBreak(chain: string, broken: BrokenLink): string {
  switch (broken.kind) {
    case 'changed':
      return `chain ${chain}: link ${broken.seq} (audit event ${broken.id}) was changed after it was recorded`
    case 'missing':
      return `chain ${chain}: link ${broken.seq} is missing${broken.afterId === null ? ' at the start' : ` (after audit event ${broken.afterId})`}: an event was removed`
    case 'relinked':
      return `chain ${chain}: link ${broken.seq} (audit event ${broken.id}) does not follow the link before it: an event was inserted, removed or moved`
    case 'head':
      return `chain ${chain}: the trail ends before link ${broken.seq}, but the chain's head says there is more: events at the end were removed`
  }
}
