import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * A social worker's photo and introduction for the families they refer (issue 10): theirs to
 * write, shown only when they choose and their authority lets families see them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table staff_profile (
      user_id uuid primary key references app_user (id),
      authority_id uuid not null references authority (id),
      introduction text check (char_length(introduction) <= 600),
      photo bytea,
      photo_type text check (photo_type in ('image/jpeg', 'image/png')),
      shown_to_families boolean not null default false,
      updated_at timestamptz not null,
      version integer not null default 1,
      check ((photo is null) = (photo_type is null))
    )`,
  ])
}
