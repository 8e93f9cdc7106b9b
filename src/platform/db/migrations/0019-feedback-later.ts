import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Answering later (issue 11): a code on a card handed over at the meeting, which opens the
 * questionnaire for that meeting from the day the person picked, once. The code is kept only as a
 * keyed hash; a card expires, can be revoked, and is marked used when it is answered. Codes that
 * open nothing are counted per address, so a flood waits (ADR 24).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table feedback_card (
      id uuid primary key default gen_random_uuid(),
      code_hash text not null unique,
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      meeting_id uuid not null references meeting (id),
      opens_on date not null,
      expires_at timestamptz not null,
      issued_by uuid not null references app_user (id),
      issued_at timestamptz not null,
      revoked_at timestamptz,
      revoked_by uuid references app_user (id),
      used_at timestamptz
    )`,
    `create index feedback_card_referral on feedback_card (referral_id)`,
    `create table feedback_card_guess (
      address text primary key,
      failures integer not null,
      wait_until timestamptz not null,
      last_failure_at timestamptz not null
    )`,
  ])
}
