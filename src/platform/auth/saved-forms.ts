import type { Kysely } from 'kysely'
import type { Schema } from '../db/schema.ts'
import type { Clock } from '../time/clock.ts'
import { isId } from '../ids.ts'
import * as store from './saved-form-repository.ts'

/**
 * Answers posted after a session timed out. They are kept for their owner alone, for a day, and
 * handed back to the same page once that person signs in again: nobody loses a form to a time-out.
 * They are never saved to the record itself until the person presses the button again.
 */

const KEEP_FOR_MS = 24 * 3_600_000

/** A person has at most this many forms kept at once (the newest): a page left open, not a store. */
export const MAX_SAVED_FORMS_PER_PERSON = 5

export interface SavedForm {
  readonly path: string
  readonly answers: Record<string, unknown>
}

export interface SavedForms {
  keep(owner: { userId: string; authorityId: string }, path: string, answers: Record<string, unknown>): Promise<string>
  /** Hands back (and forgets) the answers with this id, if they belong to this user and are fresh. */
  takeBack(userId: string, id: string): Promise<SavedForm | undefined>
}

export function createSavedForms(db: Kysely<Schema>, clock: Clock): SavedForms {
  return {
    async keep(owner, path, answers) {
      return db.transaction().execute(async (trx) => {
        const id = await store.insertSavedForm(trx, { ...owner, path, answers, now: clock.now() })
        await store.keepNewestSavedForms(trx, owner.userId, MAX_SAVED_FORMS_PER_PERSON)
        return id
      })
    },

    async takeBack(userId, id) {
      if (!isId(id)) return undefined
      return store.takeSavedForm(db, userId, id, new Date(clock.now().getTime() - KEEP_FOR_MS))
    },
  }
}
