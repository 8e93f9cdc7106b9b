import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Feedback after a meeting (issue 11): what the person chose when asked how it went (later, no, or
 * given), their answers with the way they gave them and how long after the meeting, and the kiosks
 * the advocacy admins open on a shared device in the meeting room.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table feedback_request (
      referral_id uuid primary key references referral (id),
      authority_id uuid not null references authority (id),
      meeting_id uuid not null references meeting (id),
      state text not null check (state in ('later', 'declined', 'given')),
      changed_by uuid references app_user (id),
      changed_at timestamptz not null,
      version integer not null default 1
    )`,
    `create table feedback_response (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      meeting_id uuid not null references meeting (id),
      channel text not null check (channel in ('kiosk', 'own_pages', 'card', 'debrief', 'paper')),
      language text not null,
      listened text check (listened in ('yes', 'a_bit', 'no')),
      understood text check (understood in ('yes', 'a_bit', 'no')),
      advocate_helped text check (advocate_helped in ('yes', 'a_bit', 'no')),
      reports_in_time text check (reports_in_time in ('yes', 'no', 'not_sure')),
      chair_met_first text check (chair_met_first in ('yes', 'no', 'not_sure')),
      better text,
      worrying_words text[] not null default '{}',
      days_after integer not null check (days_after >= 0),
      entered_by uuid references app_user (id),
      given_at timestamptz not null
    )`,
    `create index feedback_response_authority on feedback_response (authority_id, given_at)`,
    `create index feedback_response_referral on feedback_response (referral_id)`,
    `create table feedback_kiosk (
      token_hash text primary key,
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      meeting_id uuid not null references meeting (id),
      opened_by uuid not null references app_user (id),
      opened_at timestamptz not null,
      closes_at timestamptz not null,
      closed_at timestamptz
    )`,
    `create index feedback_kiosk_referral on feedback_kiosk (referral_id) where closed_at is null`,
  ])
}
