import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Families' own way in (ADR 17), owned by the family feature:
 *
 * - `family_code`: the personal code given to a parent (or young person) for one referral, kept
 *   only as a keyed hash (HMAC-SHA-256), with the memorable word they chose at first use (argon2id,
 *   like a password). At most one code per referral works at a time: issuing a new one ends the
 *   old one (`replaced`), and staff may end it (`revoked`). A code also stops working a set time
 *   after the referral ends (worked out from the referral, not stored).
 * - `family_session`: a signed-in family member's session, apart from staff sessions (their own
 *   table and cookie), keyed by the SHA-256 of its id and tied to the code it began with, so
 *   revoking or replacing the code ends it.
 * - `family_sign_in_guess`: wrong words for a code from one address and from every address (`*`),
 *   and codes that open nothing from one address (`no-code`): growing delays, never a lock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table family_code (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      person_id uuid not null references person (id),
      code_hash text not null unique,
      word_hash text,
      issued_by uuid not null references app_user (id),
      issued_at timestamptz not null,
      word_chosen_at timestamptz,
      last_used_at timestamptz,
      ended_at timestamptz,
      end_reason text check (end_reason in ('revoked', 'replaced')),
      ended_by uuid references app_user (id),
      check ((ended_at is null) = (end_reason is null))
    )`,
    `create unique index family_code_one_working on family_code (referral_id) where ended_at is null`,
    `create index family_code_referral on family_code (authority_id, referral_id, issued_at)`,

    `create table family_session (
      id_hash text primary key,
      code_id uuid not null references family_code (id),
      authority_id uuid not null references authority (id),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      ended_at timestamptz,
      end_reason text
    )`,
    `create index family_session_code on family_session (code_id)`,
    `create index family_session_last_seen on family_session (last_seen_at)`,

    `create table family_sign_in_guess (
      subject text not null,
      address text not null,
      failures integer not null check (failures >= 0),
      wait_until timestamptz not null,
      last_failure_at timestamptz not null,
      primary key (subject, address)
    )`,
    `create index family_sign_in_guess_last_failure on family_sign_in_guess (last_failure_at)`,
  ])
}
