import type { Kysely } from 'kysely'
import type { Schema } from '../db/schema.ts'
import type { Clock } from '../time/clock.ts'
import { deleteSavedFormsBefore } from './saved-form-repository.ts'
import { deleteSessionsLastSeenBefore } from './session-repository.ts'
import { TIMED_OUT_REMEMBERED_MS, type SessionPolicy } from './sessions.ts'

/** How long a session row is kept after it can no longer be used: long enough to see how it ended. */
const ENDED_SESSIONS_KEPT_MS = 7 * 24 * 3_600_000
/** Kept answers are handed back within a day (saved-forms.ts); after that nobody can take them. */
const SAVED_FORMS_KEPT_MS = 24 * 3_600_000

/**
 * Lets go of what can no longer be used: sessions past their absolute limit (and past the time a
 * timed-out one still names its holder), and answers kept for someone who never came back. Safe to
 * run from several processes at once: each delete is of rows nobody can use.
 */
export async function purgeExpired(db: Kysely<Schema>, clock: Clock, policy: SessionPolicy): Promise<{ sessions: number; savedForms: number }> {
  const now = clock.now().getTime()
  const unusableAfter = Math.max(policy.absoluteHours * 3_600_000, TIMED_OUT_REMEMBERED_MS)
  const sessions = await deleteSessionsLastSeenBefore(db, new Date(now - unusableAfter - ENDED_SESSIONS_KEPT_MS))
  const savedForms = await deleteSavedFormsBefore(db, new Date(now - SAVED_FORMS_KEPT_MS))
  return { sessions, savedForms }
}
