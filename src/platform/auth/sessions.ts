import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Flash, Schema } from '../db/schema.ts'
import type { Clock } from '../time/clock.ts'
import { isRole, type SignedInUser } from './roles.ts'

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
  | { readonly status: 'active'; readonly user: SignedInUser; readonly flash: Flash }
  /** The id was signed in but has timed out: we know whose it was, but it proves nothing now. */
  | { readonly status: 'timed-out'; readonly userId: string; readonly authorityId: string }
  | { readonly status: 'anonymous' }

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

  function csrfToken(sessionId: string): string {
    return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url')
  }

  return {
    async resolve(sessionId) {
      const row = await db
        .selectFrom('user_session')
        .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
        .select([
          'user_session.id_hash',
          'user_session.user_id',
          'user_session.authority_id',
          'user_session.created_at',
          'user_session.last_seen_at',
          'user_session.ended_at',
          'user_session.end_reason',
          'user_session.flash',
          'app_user.display_name',
          'app_user.email',
          'app_user.roles',
          'app_user.active',
        ])
        .where('user_session.id_hash', '=', hashId(sessionId))
        .executeTakeFirst()
      if (!row || !row.active) return { status: 'anonymous' }
      const now = clock.now().getTime()
      const idle = now - row.last_seen_at.getTime() > idleMs
      const tooOld = now - row.created_at.getTime() > absoluteMs
      if (row.ended_at && row.end_reason !== 'timed-out') return { status: 'anonymous' }
      if (row.ended_at || idle || tooOld) {
        if (!row.ended_at) {
          await db
            .updateTable('user_session')
            .set({ ended_at: clock.now(), end_reason: 'timed-out', flash: '{}' })
            .where('id_hash', '=', row.id_hash)
            .where('ended_at', 'is', null)
            .execute()
        }
        return { status: 'timed-out', userId: row.user_id, authorityId: row.authority_id }
      }
      if (now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
        await db.updateTable('user_session').set({ last_seen_at: clock.now() }).where('id_hash', '=', row.id_hash).execute()
      }
      const teams = await db
        .selectFrom('team_member')
        .select('team_id')
        .where('user_id', '=', row.user_id)
        .where('authority_id', '=', row.authority_id)
        .execute()
      return {
        status: 'active',
        flash: row.flash,
        user: {
          id: row.user_id,
          authorityId: row.authority_id,
          displayName: row.display_name,
          email: row.email,
          roles: row.roles.filter(isRole),
          teamIds: teams.map((team) => team.team_id),
        },
      }
    },

    async start(userId, authorityId, previousSessionId) {
      const sessionId = newSessionId()
      await db.transaction().execute(async (trx) => {
        if (previousSessionId) {
          await trx
            .updateTable('user_session')
            .set({ ended_at: clock.now(), end_reason: 'replaced' })
            .where('id_hash', '=', hashId(previousSessionId))
            .where('ended_at', 'is', null)
            .execute()
        }
        await trx
          .insertInto('user_session')
          .values({
            id_hash: hashId(sessionId),
            user_id: userId,
            authority_id: authorityId,
            created_at: clock.now(),
            last_seen_at: clock.now(),
            flash: '{}',
          })
          .execute()
      })
      return sessionId
    },

    async end(sessionId, reason) {
      await db
        .updateTable('user_session')
        .set({ ended_at: clock.now(), end_reason: reason, flash: '{}' })
        .where('id_hash', '=', hashId(sessionId))
        .where('ended_at', 'is', null)
        .execute()
    },

    async endAllFor(userId, reason) {
      await db
        .updateTable('user_session')
        .set({ ended_at: clock.now(), end_reason: reason, flash: '{}' })
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null)
        .execute()
    },

    async setFlash(sessionId, flash) {
      await db
        .updateTable('user_session')
        .set({ flash: JSON.stringify(flash) })
        .where('id_hash', '=', hashId(sessionId))
        .where('ended_at', 'is', null)
        .execute()
    },

    csrfToken,

    checkCsrfToken(sessionId, token) {
      if (typeof token !== 'string') return false
      const expected = Buffer.from(csrfToken(sessionId))
      const actual = Buffer.from(token)
      return actual.length === expected.length && timingSafeEqual(actual, expected)
    },
  }
}
