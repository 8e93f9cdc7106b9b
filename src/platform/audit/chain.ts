/**
 * @pure
 *
 * The audit trail's chain: each event's hash covers its content and the hash before it, so the
 * trail cannot be changed, shortened or added to in the middle without the chain breaking at that
 * link. Pure: the same content always gives the same hash, in the service and in `audit:verify`.
 */
import { createHash } from 'node:crypto'

export interface ChainedContent {
  readonly chain: string
  readonly seq: number
  readonly at: Date
  readonly authorityId: string | null
  readonly actorId: string | null
  readonly action: string
  readonly recordType: string
  readonly recordId: string | null
  readonly ip: string | null
  readonly details: Record<string, unknown>
}

/** JSON with every object's keys in order, so a value stored and read back hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

/** Where each chain starts: a hash of its name. */
export function genesisHash(chain: string): string {
  return createHash('sha256').update(`alongside audit chain\n${chain}`).digest('hex')
}

export function linkHash(previousHash: string, content: ChainedContent): string {
  // Exactly the content's own fields, whatever else the value passed in carries.
  const body = canonicalJson({
    chain: content.chain,
    seq: content.seq,
    at: content.at.toISOString(),
    authorityId: content.authorityId,
    actorId: content.actorId,
    action: content.action,
    recordType: content.recordType,
    recordId: content.recordId,
    ip: content.ip,
    details: content.details,
  })
  return createHash('sha256').update(`${previousHash}\n${body}`).digest('hex')
}

/** The chain an event belongs to: its authority's, or the one for events of no authority. */
export function chainOf(authorityId: string | null): string {
  return authorityId ?? 'global'
}

export interface StoredLink extends ChainedContent {
  readonly id: number
  readonly previousHash: string | null
  readonly hash: string | null
}

export type BrokenLink =
  | { readonly kind: 'changed'; readonly seq: number; readonly id: number }
  | { readonly kind: 'missing'; readonly seq: number; readonly afterId: number | null }
  | { readonly kind: 'relinked'; readonly seq: number; readonly id: number }
  | { readonly kind: 'head'; readonly seq: number }

/**
 * Walks one chain's events, in order, from where the last call left off, and says where it first
 * breaks: an event whose content no longer matches its hash (changed), a place with no event
 * (removed), an event whose link points elsewhere (inserted or reordered).
 */
export function checkLinks(
  events: readonly StoredLink[],
  from: { readonly seq: number; readonly hash: string; readonly id: number | null },
): { readonly broken: BrokenLink | null; readonly last: { seq: number; hash: string; id: number | null } } {
  let last = { ...from }
  for (const event of events) {
    if (event.seq !== last.seq + 1) return { broken: { kind: 'missing', seq: last.seq + 1, afterId: last.id }, last }
    if (event.previousHash !== last.hash) return { broken: { kind: 'relinked', seq: event.seq, id: event.id }, last }
    if (event.hash !== linkHash(last.hash, event)) return { broken: { kind: 'changed', seq: event.seq, id: event.id }, last }
    last = { seq: event.seq, hash: event.hash, id: event.id }
  }
  return { broken: null, last }
}
