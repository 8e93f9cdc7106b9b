import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Bank holidays by region (ADR 10). Each authority's region is one more row in `authority_setting`
 * (none means England and Wales). The rules know the usual holidays of every year; this table holds
 * what they cannot: a one-off announced since (a state funeral), or a holiday moved. It belongs to
 * no authority, since a bank holiday is the same for every authority in its region.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table bank_holiday_change (
      id uuid primary key default gen_random_uuid(),
      region text not null check (region in ('england_and_wales', 'scotland', 'northern_ireland')),
      on_date date not null,
      change text not null check (change in ('added', 'removed')),
      name text not null check (length(name) between 1 and 100),
      created_by uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      unique (region, on_date)
    )`,
  ])
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone; restore from a backup instead.')
}
