import type { Queryable } from '../db/schema.ts'

/** The scheduler's queries (ADR 20). The platform's scheduler owns `scheduled_job_slot`. */

/**
 * Claims one run of a job: a new slot, or one whose claim lapsed before it finished (its process
 * died). One statement, so of two processes asking at once exactly one gets the row back: the
 * other's insert meets the first's row and its update's condition no longer holds.
 */
export async function claimSlot(db: Queryable, job: string, slot: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const claimed = await db
    .insertInto('scheduled_job_slot')
    .values({ job, slot, claimed_until: leaseUntil, finished_at: null, done: null })
    .onConflict((conflict) =>
      conflict
        .columns(['job', 'slot'])
        .doUpdateSet({ claimed_until: leaseUntil })
        .where('scheduled_job_slot.finished_at', 'is', null)
        .where('scheduled_job_slot.claimed_until', '<', now),
    )
    .returning('job')
    .executeTakeFirst()
  return claimed !== undefined
}

export async function finishSlot(db: Queryable, job: string, slot: string, now: Date, done: number): Promise<void> {
  await db.updateTable('scheduled_job_slot').set({ finished_at: now, done }).where('job', '=', job).where('slot', '=', slot).execute()
}

/** A run that failed: its claim is let go of after `retryAt`, so a later tick (of any process) tries the slot again. */
export async function releaseSlot(db: Queryable, job: string, slot: string, retryAt: Date): Promise<void> {
  await db
    .updateTable('scheduled_job_slot')
    .set({ claimed_until: retryAt })
    .where('job', '=', job)
    .where('slot', '=', slot)
    .where('finished_at', 'is', null)
    .execute()
}

export async function forgetSlotsBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('scheduled_job_slot').where('finished_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function slotsOf(db: Queryable, job: string): Promise<readonly { slot: string; finished_at: Date | null; done: number | null }[]> {
  return db.selectFrom('scheduled_job_slot').select(['slot', 'finished_at', 'done']).where('job', '=', job).orderBy('slot').execute()
}
