import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Children's consultation before a review conference (issue 11, ADR 31): one row per child per
 * review conference, keyed as the offers are (the meeting of the parent's referral, the child), so
 * a second completion at the same moment makes no second row. No row is "due": reading never writes.
 * The answers are the questions of the child's age band (faces as values, words as text); the child
 * says who beyond the advocacy service may read them (`share_with`). A trusted adult is named for
 * the 4 to 7 form and whenever someone helped; a child who did not take part has a reason, and a
 * carer who says they cannot says why. Own-pages answers have no member of staff who recorded them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table child_consultation (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      meeting_id uuid not null references meeting (id),
      person_id uuid not null references person (id),
      status text not null check (status in ('completed', 'declined')),
      age_band text not null check (age_band in ('4_to_7', '8_to_11', '12_and_over')),
      done_how text not null check (done_how in ('own_pages', 'with_advocate', 'on_paper')),
      helper_name text check (length(helper_name) between 1 and 200),
      helper_relationship text check (length(helper_relationship) between 1 and 200),
      answers jsonb not null default '{}'::jsonb check (jsonb_typeof(answers) = 'object' and length(answers::text) <= 20000),
      worrying_words boolean not null default false,
      share_with text[] not null default '{}' check (share_with <@ array['chair', 'social_worker']::text[]),
      decline_reason text check (decline_reason in ('child_did_not_want', 'carer_says_cannot')),
      decline_detail text check (length(decline_detail) between 1 and 2000),
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      unique (meeting_id, person_id),
      check ((helper_name is null) = (helper_relationship is null)),
      check (status <> 'completed' or age_band <> '4_to_7' or helper_name is not null),
      check ((status = 'declined') = (decline_reason is not null)),
      check (decline_reason is distinct from 'carer_says_cannot' or decline_detail is not null),
      check ((done_how = 'own_pages') = (recorded_by is null)),
      check (status = 'completed' or (answers = '{}'::jsonb and share_with = '{}'))
    )`,
    `create index child_consultation_authority on child_consultation (authority_id, meeting_id)`,
  ])
}
