import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The participation group's themes and the annual evaluation (issues 11 and 13): the themes each
 * service keeps for coding what families wrote (added, renamed, retired; never deleted, so a coded
 * answer keeps its theme), each free-text answer's coding with whether the person agreed their words
 * may be quoted and the words as they may be quoted (names taken out), the person's own answer to
 * "Can we use your words?" on the questionnaire, and the narrative the service manager writes into
 * each year's evaluation. Each is versioned, so a second window is told someone saved first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table feedback_response add column may_quote text check (may_quote in ('yes', 'no'))`,
    `create table feedback_theme (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      name text not null check (length(name) between 1 and 80),
      retired_at timestamptz,
      created_at timestamptz not null,
      updated_by uuid references app_user (id),
      updated_at timestamptz not null,
      version integer not null default 1
    )`,
    `create unique index feedback_theme_name on feedback_theme (authority_id, lower(name))`,
    `create table feedback_coding (
      response_id uuid primary key references feedback_response (id),
      authority_id uuid not null references authority (id),
      may_quote text check (may_quote in ('yes', 'no')),
      quote text check (length(quote) between 1 and 1000),
      coded_by uuid not null references app_user (id),
      coded_at timestamptz not null,
      version integer not null default 1
    )`,
    `create table feedback_coding_theme (
      response_id uuid not null references feedback_coding (response_id),
      theme_id uuid not null references feedback_theme (id),
      authority_id uuid not null references authority (id),
      primary key (response_id, theme_id)
    )`,
    `create index feedback_coding_theme_theme on feedback_coding_theme (theme_id)`,
    `create table evaluation_narrative (
      authority_id uuid not null references authority (id),
      year integer not null check (year between 2000 and 2100),
      summary text check (length(summary) <= 5000),
      went_well text check (length(went_well) <= 5000),
      will_change text check (length(will_change) <= 5000),
      families_told_us text check (length(families_told_us) <= 5000),
      updated_by uuid not null references app_user (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (authority_id, year)
    )`,
  ])
}
