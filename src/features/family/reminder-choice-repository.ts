import { sql } from 'kysely'
import type { OutboxChannel, Queryable } from '../../platform/db/schema.ts'

/**
 * Whether the family member wants reminders of their meeting, by email or by text, and where to
 * (migration 0014): the family feature's own table, `family_reminder_choice`. The meetings to remind
 * of are read in a join from the referrals' tables (never written).
 */

export async function choiceOf(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('family_reminder_choice')
    .leftJoin('app_user', 'app_user.id', 'family_reminder_choice.updated_by')
    .select([
      'family_reminder_choice.wants_reminders',
      'family_reminder_choice.channel',
      'family_reminder_choice.address',
      'family_reminder_choice.version',
      'family_reminder_choice.updated_at',
      'app_user.display_name as updated_by_name',
    ])
    .where('family_reminder_choice.authority_id', '=', authorityId)
    .where('family_reminder_choice.referral_id', '=', referralId)
    .executeTakeFirst()
}

export interface ChoiceRow {
  readonly authorityId: string
  readonly referralId: string
  readonly channel: OutboxChannel | null
  readonly address: string | null
  readonly updatedBy: string
  readonly now: Date
}

/** The first choice recorded for a referral; false if someone recorded one meanwhile. */
export async function insertChoice(db: Queryable, row: ChoiceRow): Promise<boolean> {
  const inserted = await db
    .insertInto('family_reminder_choice')
    .values({
      referral_id: row.referralId,
      authority_id: row.authorityId,
      wants_reminders: row.channel !== null,
      channel: row.channel,
      address: row.address,
      updated_by: row.updatedBy,
      updated_at: row.now,
    })
    .onConflict((conflict) => conflict.column('referral_id').doNothing())
    .returning('referral_id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** A change to the choice, only if it is still at `version`; false if someone changed it meanwhile. */
export async function updateChoice(db: Queryable, row: ChoiceRow, version: number): Promise<boolean> {
  const updated = await db
    .updateTable('family_reminder_choice')
    .set({
      wants_reminders: row.channel !== null,
      channel: row.channel,
      address: row.address,
      updated_by: row.updatedBy,
      updated_at: row.now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', row.authorityId)
    .where('referral_id', '=', row.referralId)
    .where('version', '=', version)
    .returning('referral_id')
    .executeTakeFirst()
  return updated !== undefined
}

/**
 * Each open referral whose person wants reminders and whose meeting falls on a day from `from` to
 * `to` (UK days), in every authority: what the reminder job sends.
 */
export async function meetingsToRemind(db: Queryable, from: string, to: string) {
  return db
    .selectFrom('family_reminder_choice')
    .innerJoin('referral', 'referral.id', 'family_reminder_choice.referral_id')
    .innerJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .select([
      'referral.id as referral_id',
      'referral.authority_id',
      'meeting.meeting_date',
      'meeting.meeting_time',
      'family_reminder_choice.channel',
      'family_reminder_choice.address',
      'section_one.preferred_languages',
    ])
    .where('family_reminder_choice.wants_reminders', '=', true)
    .where('referral.closed_at', 'is', null)
    .where('referral.sent_at', 'is not', null)
    .where('meeting.meeting_date', '>=', from)
    .where('meeting.meeting_date', '<=', to)
    .orderBy('meeting.meeting_date')
    .execute()
}
