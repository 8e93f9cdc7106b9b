import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Sign-in that an attacker can neither race nor turn on the account's owner (ADR 13), and the
 * account changes service managers are shown:
 *
 * - `sign_in_guess`: wrong passwords for one email from one address, and when the next guess may
 *   be checked (growing delays). A guess takes its place here, under a row lock, before its
 *   password is checked, so concurrent guesses cannot go past the limit.
 * - `sign_in_account_guard`: wrong passwords for one email from every address since its last
 *   sign-in; at the ceiling, only a one-time link emailed to the owner signs in.
 * - `account_link` gains the purpose `sign_in` (that link, kept hashed like the others).
 * - `sign_in_attempt` goes: the two counters replace it, and the audit trail keeps every attempt.
 * - `role_grant`: each time an account was given a role that opens case records, with who gave it,
 *   for the authority's service managers to see and acknowledge.
 *
 * Emails are kept as typed (lower case), whether or not an account has them, so a throttled
 * address says nothing about which emails have accounts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table sign_in_guess (
      email text not null,
      address text not null,
      failures integer not null check (failures >= 0),
      wait_until timestamptz not null,
      last_failure_at timestamptz not null,
      primary key (email, address)
    )`,
    `create index sign_in_guess_last_failure on sign_in_guess (last_failure_at)`,

    `create table sign_in_account_guard (
      email text primary key,
      failures integer not null check (failures >= 0),
      last_failure_at timestamptz not null
    )`,
    `create index sign_in_account_guard_last_failure on sign_in_account_guard (last_failure_at)`,

    `drop table sign_in_attempt`,

    `alter table account_link drop constraint account_link_purpose_check`,
    `alter table account_link add constraint account_link_purpose_check check (purpose in ('first_admin', 'set_password', 'sign_in'))`,
    `create index account_link_user on account_link (user_id, purpose, created_at)`,

    `create table role_grant (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      user_id uuid not null references app_user (id),
      granted_by uuid not null references app_user (id),
      roles text[] not null,
      granted_at timestamptz not null,
      acknowledged_by uuid references app_user (id),
      acknowledged_at timestamptz,
      check ((acknowledged_by is null) = (acknowledged_at is null))
    )`,
    `create index role_grant_authority on role_grant (authority_id, granted_at desc)`,
  ])
}
