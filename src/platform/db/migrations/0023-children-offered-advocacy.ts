import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Children offered an advocate of their own (issue 11, ADR 29): one row per child per child
 * protection conference, so a child who declined is offered again at the next conference. Opt-out:
 * a child with no row, or a row still `waiting`, has an advocate unless they decline. Someone may
 * answer for a child who cannot yet say (their name and relationship kept), and must say why when
 * they decline for them. The needs that change how advocacy is done (how the child communicates,
 * disability, custody, a placement out of the area) are kept with the offer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table child_advocacy_offer (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      meeting_id uuid not null references meeting (id),
      person_id uuid not null references person (id),
      answer text not null default 'waiting' check (answer in ('waiting', 'accepted', 'declined')),
      who_answered text check (who_answered in ('child', 'someone_for_them')),
      speaker_name text check (length(speaker_name) between 1 and 200),
      speaker_relationship text check (length(speaker_relationship) between 1 and 200),
      reason text check (length(reason) between 1 and 2000),
      communicates text[] not null default '{}'
        check (communicates <@ array['speaks', 'signs', 'pictures', 'no_speech']::text[]),
      needs text[] not null default '{}'
        check (needs <@ array['disability', 'in_custody', 'out_of_area']::text[]),
      needs_detail text check (length(needs_detail) between 1 and 2000),
      answered_by uuid references app_user (id),
      answered_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (meeting_id, person_id),
      check ((answer = 'waiting') = (who_answered is null)),
      check ((who_answered = 'someone_for_them') = (speaker_name is not null and speaker_relationship is not null)),
      check (answer <> 'declined' or who_answered <> 'someone_for_them' or reason is not null)
    )`,
    `create index child_advocacy_offer_authority on child_advocacy_offer (authority_id, meeting_id)`,
  ])
}
