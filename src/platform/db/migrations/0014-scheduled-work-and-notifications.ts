import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Scheduled work that runs once across processes, mail that is never lost, and notifications (ADR 20):
 *
 * - `scheduled_job_slot` (the platform's scheduler): one row per run of a recurring job, keyed by the
 *   job and its slot (the day for a daily job, the minute for a job every minute). A process runs a
 *   slot only by claiming its row; a claim lasts a lease, so a slot whose process died is taken over.
 * - `outbox_message` (the platform's mail): each email or text the service sends, written in the same
 *   transaction as the change that caused it and sent by the scheduler. `dedupe_key` makes "send this
 *   once" a unique row (a reminder for one meeting); a sent message keeps no address and no text.
 * - `notification` and `notification_preference` (the notifications feature): what a member of staff
 *   needs to do, one row per thing (`key` makes raising it twice a no-op), and whether they want an
 *   email as well.
 * - `family_reminder_choice` (the family feature): whether the family member wants reminders, by email
 *   or by text, and where to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table scheduled_job_slot (
      job text not null,
      slot text not null,
      claimed_until timestamptz not null,
      finished_at timestamptz,
      done integer,
      primary key (job, slot)
    )`,

    `create table outbox_message (
      id uuid primary key default gen_random_uuid(),
      channel text not null check (channel in ('email', 'sms')),
      recipient text not null,
      subject text not null,
      body text not null,
      dedupe_key text unique,
      queued_at timestamptz not null,
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null,
      claimed_until timestamptz,
      sent_at timestamptz,
      given_up_at timestamptz,
      last_error text,
      check (sent_at is null or given_up_at is null)
    )`,
    `create index outbox_message_waiting on outbox_message (next_attempt_at) where sent_at is null and given_up_at is null`,

    `create table notification (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      user_id uuid not null references app_user (id),
      kind text not null check (kind in ('decision_waiting', 'offer_waiting', 'supervision_due', 'dbs_due', 'report_due', 'readiness_overdue')),
      key text not null,
      about text not null,
      link text not null check (link like '/%'),
      due_on date,
      created_at timestamptz not null,
      done_at timestamptz,
      unique (user_id, key)
    )`,
    `create index notification_open on notification (user_id) where done_at is null`,

    `create table notification_preference (
      user_id uuid primary key references app_user (id),
      email boolean not null default false,
      updated_at timestamptz not null,
      version integer not null default 1
    )`,

    `create table family_reminder_choice (
      referral_id uuid primary key references referral (id),
      authority_id uuid not null references authority (id),
      wants_reminders boolean not null,
      channel text check (channel in ('email', 'sms')),
      address text,
      updated_by uuid not null references app_user (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      check (wants_reminders = (channel is not null)),
      check ((channel is null) = (address is null))
    )`,
  ])
}
