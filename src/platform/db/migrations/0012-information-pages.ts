import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The information pages families read (what an advocate does, the conference, the plan, their
 * rights), as each authority publishes them: every publish is a new row, in one language, so what a
 * family was shown on any day can be told, and two editors cannot overwrite each other (the next
 * version's number is unique for the page and language; the second to claim it is refused). Until
 * an authority publishes its own, the first version shipped with the service is shown (ADR 18).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table information_page_version (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      page text not null check (page in ('advocates', 'conference', 'plan', 'rights')),
      language text not null check (language ~ '^[a-z]{2,3}$'),
      version integer not null check (version > 0),
      title text not null check (length(title) between 1 and 120),
      body text not null check (length(body) between 1 and 10000),
      written_with_parents boolean not null,
      published_by uuid not null references app_user (id),
      published_at timestamptz not null,
      unique (authority_id, page, language, version)
    )`,
  ])
}
