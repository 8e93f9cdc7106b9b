import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Flash, Schema } from '../db/schema.ts'
import type { Clock } from '../time/clock.ts'
import { isRole, type SignedInUser } from './roles.ts'
import * as store from './session-repository.ts'

/**
 * Server-side sessions. The browser holds only a random id; the database holds its SHA-256, so a
 * copy of the table cannot be used to sign in. A session ends when its holder signs out, after a
 * stretch without activity (idle) or after a fixed time whatever happens (absolute).
 *
 * Every browser gets an id before it signs in (no row is stored for it); forms are protected by a
 * token derived from that id, and signing in always issues a new id.
 */

export interface SessionPolicy {
  readonly idleMinutes: number
  readonly absoluteHours: number
}

export type ResolvedSession =
  /** Signed in: who, and the name of their authority (for the header of every page). */
  | { readonly status: 'active'; readonly user: SignedInUser; readonly authorityName: string; readonly flash: Flash }
  /** The id was signed in but has timed out: we know whose it was, but it proves nothing now. */
  | { readonly status: 'timed-out'; readonly userId: string; readonly authorityId: string }
  | { readonly status: 'anonymous' }

/**
 * How long after its last use a timed-out session still names its holder, so answers posted from
 * a page left open are kept for them. After that it is an old cookie, and proves nothing.
 */
export const TIMED_OUT_REMEMBERED_MS = 24 * 3_600_000

/** How often a busy session's last-seen time is written (it need not be exact to the second). */
const TOUCH_INTERVAL_MS = 60_000

export function newSessionId(): string {
  return randomBytes(32).toString('base64url')
}

function hashId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex')
}

export function isWellFormedSessionId(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value)
}

export interface Sessions {
  resolve(sessionId: string): Promise<ResolvedSession>
  /** Starts a signed-in session under a new id, ending the one the browser had. Returns the new id. */
  start(userId: string, authorityId: string, previousSessionId: string | undefined): Promise<string>
  end(sessionId: string, reason: 'signed-out' | 'replaced'): Promise<void>
  endAllFor(userId: string, reason: string): Promise<void>
  setFlash(sessionId: string, flash: Flash): Promise<void>
  csrfToken(sessionId: string): string
  checkCsrfToken(sessionId: string, token: unknown): boolean
}

export function createSessions(db: Kysely<Schema>, clock: Clock, policy: SessionPolicy, secret: string): Sessions {
  const idleMs = policy.idleMinutes * 60_000
  const absoluteMs = policy.absoluteHours * 3_600_000

  /** The session's own form secret: never written into a page as it is. */
  function sessionSecret(sessionId: string): Buffer {
    return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest()
  }

  /**
   * The form token for one page: the session's secret masked with bytes drawn afresh each time, and
   * the mask with it (ADR 41). A compressed page whose size an eavesdropper can watch gives nothing
   * away of a secret it never repeats (BREACH), and every page's token is good for the session.
   */
  function csrfToken(sessionId: string): string {
    const sessionBytes = sessionSecret(sessionId)
    const mask = randomBytes(sessionBytes.length)
    return Buffer.concat([mask, xor(mask, sessionBytes)]).toString('base64url')
  }

  return {
    async resolve(sessionId) {
      const row = await store.findSession(db, hashId(sessionId))
      if (!row || !row.active) return { status: 'anonymous' }
      const now = clock.now().getTime()
      const idle = now - row.last_seen_at.getTime() > idleMs
      const tooOld = now - row.created_at.getTime() > absoluteMs
      if (row.ended_at && row.end_reason !== 'timed-out') return { status: 'anonymous' }
      if (row.ended_at || idle || tooOld) {
        if (!row.ended_at) await store.endSession(db, row.id_hash, 'timed-out', clock.now(), { forget: true })
        if (now - row.last_seen_at.getTime() > TIMED_OUT_REMEMBERED_MS) return { status: 'anonymous' }
        return { status: 'timed-out', userId: row.user_id, authorityId: row.authority_id }
      }
      if (now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await store.touchSession(db, row.id_hash, clock.now())
      return {
        status: 'active',
        flash: row.flash,
        authorityName: row.authority_name,
        user: {
          id: row.user_id,
          authorityId: row.authority_id,
          displayName: row.display_name,
          email: row.email,
          roles: row.roles.filter(isRole),
          teamIds: row.team_ids,
        },
      }
    },

    async start(userId, authorityId, previousSessionId) {
      const sessionId = newSessionId()
      await db.transaction().execute(async (trx) => {
        if (previousSessionId) await store.endSession(trx, hashId(previousSessionId), 'replaced', clock.now(), { forget: false })
        await store.insertSession(trx, { idHash: hashId(sessionId), userId, authorityId, now: clock.now() })
      })
      return sessionId
    },

    async end(sessionId, reason) {
      await store.endSession(db, hashId(sessionId), reason, clock.now(), { forget: true })
    },

    async endAllFor(userId, reason) {
      await store.endSessionsOf(db, userId, reason, clock.now())
    },

    async setFlash(sessionId, flash) {
      await store.setFlash(db, hashId(sessionId), flash)
    },

    csrfToken,

    checkCsrfToken(sessionId, token) {
      if (typeof token !== 'string' || !MASKED_TOKEN.test(token)) return false
      const sent = Buffer.from(token, 'base64url')
      const half = sent.length / 2
      return timingSafeEqual(xor(sent.subarray(0, half), sent.subarray(half)), sessionSecret(sessionId))
    },
  }
}

/** A masked form token: 32 bytes of mask and 32 of the masked secret, in base64url without padding. */
const MASKED_TOKEN = /^[\w-]{86}$/

function xor(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(a.length)
  for (let index = 0; index < a.length; index += 1) out[index] = (a[index] ?? 0) ^ (b[index] ?? 0)
  return out
}
