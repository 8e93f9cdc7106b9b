import type { Queryable } from '../db/schema.ts'
import { addSeals, chainsWaiting, claimChainHead, moveChainHead, waitingEvents } from './audit-repository.ts'
import { genesisHash, linkHash } from './chain.ts'

/**
 * The sealer (ADR 23): gives events that wait their places in their authority's chain, with a hash
 * of each one's content as stored joined to the hash before it, and moves the chain's head on.
 *
 * Each chain is sealed in a transaction that holds its head row: a second sealer (another process
 * sharing the database) skips a chain being sealed and goes on to the next, so the chain never
 * forks and no event is sealed twice. What a request recorded and committed is sealed by the next
 * round; a process killed between rounds leaves its events waiting, and the next sealer anywhere
 * seals them.
 */

const BATCH = 500

/** Seals what waits, chain by chain, a batch at a time; how many events it sealed. */
export async function sealAuditTrail(db: Queryable, options: { readonly batch?: number } = {}): Promise<number> {
  const batch = options.batch ?? BATCH
  let sealed = 0
  for (const chain of await chainsWaiting(db)) {
    for (;;) {
      const done = await db.transaction().execute(async (trx) => {
        const head = await claimChainHead(trx, chain, genesisHash(chain))
        if (!head) return 0
        const events = await waitingEvents(trx, chain, batch)
        let { lastSeq: seq, lastHash: previous } = head
        const seals = events.map((event) => {
          seq += 1
          const hash = linkHash(previous, {
            chain,
            seq,
            at: event.at,
            authorityId: event.authority_id,
            actorId: event.actor_id,
            action: event.action,
            recordType: event.record_type,
            recordId: event.record_id,
            ip: event.ip,
            details: event.details,
          })
          const seal = { chain, chainSeq: seq, eventId: event.id, previousHash: previous, hash }
          previous = hash
          return seal
        })
        await addSeals(trx, seals)
        if (seals.length > 0) await moveChainHead(trx, chain, seq, previous)
        return seals.length
      })
      sealed += done
      if (done < batch) break
    }
  }
  return sealed
}

export interface Sealer {
  /** Seals what waits now (and waits for a round already under way). */
  sealNow(): Promise<number>
  /** Stops sealing on a timer, after a last round. */
  stop(): Promise<void>
}

/**
 * Seals every `everyMs` (a second by default) in the background, one round at a time; problems go
 * to `onProblem` and the next round tries again.
 */
export function startSealing(db: Queryable, onProblem: (error: unknown) => void, everyMs = 1_000): Sealer {
  let round: Promise<number> | null = null
  let stopped = false
  // One round at a time in this process: a tick that finds one under way lets it be.
  const sealNow = (): Promise<number> => {
    round ??= sealAuditTrail(db).finally(() => (round = null))
    return round
  }
  const timer = setInterval(() => {
    sealNow().catch(onProblem)
  }, everyMs)
  timer.unref()
  return {
    async sealNow() {
      await round?.catch(() => 0)
      return sealNow()
    },
    async stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      await round?.catch(() => 0)
      await sealNow().catch(onProblem)
    },
  }
}
