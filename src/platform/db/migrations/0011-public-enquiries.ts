import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The public pages (issue 10), owned by the public feature:
 *
 * - `advocacy_enquiry`: a request for an advocate sent by a parent, or by someone for them with
 *   their agreement, without signing in. It waits on the authority's FGC Advocacy Admin team until
 *   an admin links it to a referral, records that they asked the social worker to refer, or answers
 *   it, with a note. `version` lets two admins closing it at once find out.
 * - `public_form_receipt`: when each public form was accepted, and from which address (a SHA-256
 *   of it, an IPv6 address by its /64), so one address cannot fill the admins' worktray or the
 *   coordinator's pipeline. Only the last two days are kept: nothing older is counted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table advocacy_enquiry (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      team_id uuid references team (id),
      asker text not null check (asker in ('myself', 'someone_else')),
      asker_name text,
      asker_relationship text,
      parent_agreed boolean not null,
      name text not null,
      contact_way text not null check (contact_way in ('phone', 'email')),
      phone text,
      email text,
      safe_to_leave_message boolean not null,
      safe_times text,
      social_worker text,
      meeting_type text check (meeting_type in ('initial_conference', 'review_conference', 'core_group', 'child_in_need_review',
        'early_help_meeting', 'family_group_conference', 'other', 'not_sure')),
      meeting_date date,
      language text,
      anything_else text,
      page_language text not null,
      received_at timestamptz not null,
      due_on date not null,
      state text not null default 'open' check (state in ('open', 'closed')),
      outcome text check (outcome in ('linked_to_referral', 'referral_requested', 'answered')),
      outcome_note text,
      referral_id uuid references referral (id),
      closed_by uuid references app_user (id),
      closed_at timestamptz,
      version integer not null default 1,
      check (asker = 'myself' or (asker_name is not null and parent_agreed)),
      check ((contact_way = 'phone' and phone is not null) or (contact_way = 'email' and email is not null)),
      check ((state = 'open') = (outcome is null)),
      check ((state = 'open') = (closed_at is null)),
      check (outcome <> 'linked_to_referral' or referral_id is not null)
    )`,
    `create index advocacy_enquiry_waiting on advocacy_enquiry (authority_id, state, due_on, received_at)`,

    `create table public_form_receipt (
      id bigint generated always as identity primary key,
      authority_id uuid not null references authority (id),
      form text not null check (form in ('enquiry', 'application')),
      address_hash text not null,
      received_at timestamptz not null
    )`,
    `create index public_form_receipt_address on public_form_receipt (form, address_hash, received_at)`,
    `create index public_form_receipt_authority on public_form_receipt (authority_id, form, received_at)`,
  ])
}
