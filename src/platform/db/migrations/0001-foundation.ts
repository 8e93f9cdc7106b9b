import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The foundation: authorities, accounts, sessions, the audit trail, people, meetings and the
 * Advocacy Workflow. Every table that holds personal or case data carries `authority_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table authority (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      is_demo boolean not null default false,
      reference_prefix text not null default 'ADV',
      next_reference integer not null default 1,
      created_at timestamptz not null default now()
    )`,

    `create table app_setting (
      key text primary key,
      value text not null,
      created_at timestamptz not null default now()
    )`,

    `create table app_user (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      email text not null,
      display_name text not null,
      roles text[] not null,
      password_hash text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    `create unique index app_user_email on app_user (lower(email))`,
    `create index app_user_authority on app_user (authority_id, display_name)`,

    `create table team (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      name text not null,
      purpose text check (purpose in ('fgc_advocacy_admin')),
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    `create unique index team_name on team (authority_id, lower(name))`,
    `create unique index team_purpose on team (authority_id, purpose) where purpose is not null`,

    `create table team_member (
      team_id uuid not null references team (id) on delete cascade,
      user_id uuid not null references app_user (id),
      authority_id uuid not null references authority (id),
      primary key (team_id, user_id)
    )`,
    `create index team_member_user on team_member (user_id)`,

    `create table account_link (
      token_hash text primary key,
      purpose text not null check (purpose in ('first_admin', 'set_password')),
      authority_id uuid references authority (id),
      user_id uuid references app_user (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`,

    `create table user_session (
      id_hash text primary key,
      user_id uuid not null references app_user (id),
      authority_id uuid not null references authority (id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      ended_at timestamptz,
      end_reason text,
      flash jsonb not null default '{}'
    )`,
    `create index user_session_user on user_session (user_id) where ended_at is null`,

    `create table sign_in_attempt (
      id bigint generated always as identity primary key,
      email text not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    )`,
    `create index sign_in_attempt_email on sign_in_attempt (email, at)`,
    `create index sign_in_attempt_ip on sign_in_attempt (ip, at)`,

    `create table saved_form (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user (id),
      authority_id uuid not null references authority (id),
      path text not null,
      answers jsonb not null,
      created_at timestamptz not null default now()
    )`,
    `create index saved_form_user on saved_form (user_id, created_at)`,

    `create table audit_event (
      id bigint generated always as identity primary key,
      authority_id uuid references authority (id),
      actor_id uuid references app_user (id),
      action text not null,
      record_type text not null,
      record_id text,
      at timestamptz not null default now(),
      ip text,
      details jsonb not null default '{}'
    )`,
    `create index audit_event_record on audit_event (authority_id, record_type, record_id, at)`,
    `create index audit_event_actor on audit_event (authority_id, actor_id, at)`,
    `create function audit_event_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit trail is append-only: % is refused', tg_op;
      end
    $$`,
    `create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function audit_event_refuse_change()`,
    `create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_refuse_change()`,

    `create table family_group (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      created_at timestamptz not null default now()
    )`,

    `create table person (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      family_group_id uuid references family_group (id),
      kind text not null check (kind in ('adult', 'child')),
      given_name text not null,
      family_name text not null,
      date_of_birth date,
      gender text,
      pronouns text,
      external_id text,
      created_by uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    `create index person_name on person (authority_id, lower(family_name), lower(given_name))`,
    `create index person_external_id on person (authority_id, external_id) where external_id is not null`,
    `create index person_family on person (family_group_id)`,

    `create table meeting (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      type text not null check (type in ('initial_conference', 'review_conference', 'core_group',
        'child_in_need_review', 'early_help_meeting', 'family_group_conference', 'other')),
      type_other text,
      meeting_date date not null,
      meeting_time text,
      venue text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,

    `create table referral (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      reference text not null,
      referrer_id uuid not null references app_user (id),
      person_id uuid references person (id),
      meeting_id uuid references meeting (id),
      stage text check (stage in ('early_help', 'child_in_need', 'child_protection')),
      state text not null,
      waiting_on_team_id uuid references team (id),
      waiting_on_user_id uuid references app_user (id),
      step_due_on date,
      step_entered_at timestamptz not null default now(),
      assigned_manager_id uuid references app_user (id),
      due_by date,
      late boolean not null default false,
      late_reason text,
      sent_at timestamptz,
      closed_at timestamptz,
      closed_reason text,
      closed_details text,
      referrer_read_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    `create unique index referral_reference on referral (authority_id, reference)`,
    `create index referral_waiting_on_team on referral (authority_id, waiting_on_team_id, step_due_on)
      where waiting_on_team_id is not null`,
    `create index referral_waiting_on_user on referral (authority_id, waiting_on_user_id, step_due_on)
      where waiting_on_user_id is not null`,
    `create index referral_referrer on referral (authority_id, referrer_id, created_at)`,
    `create index referral_person on referral (authority_id, person_id)`,

    `create table referral_child (
      referral_id uuid not null references referral (id),
      person_id uuid not null references person (id),
      authority_id uuid not null references authority (id),
      primary key (referral_id, person_id)
    )`,

    `create table section_one (
      referral_id uuid primary key references referral (id),
      authority_id uuid not null references authority (id),
      consent_given boolean,
      consent_details text,
      consent_method text check (consent_method in ('verbal', 'written', 'other')),
      consent_date date,
      reason text,
      has_preference boolean,
      preference_details text,
      preferred_gender text check (preferred_gender in ('woman', 'man', 'non_binary', 'no_preference')),
      preferred_languages text[] not null default '{}',
      preferred_heritage text,
      interpreter_needed boolean,
      has_disability boolean,
      disability_details text,
      adjustments text[] not null default '{}',
      has_other_needs boolean,
      other_needs_details text,
      domestic_abuse_between_parents boolean,
      safety_notes text,
      updated_by uuid references app_user (id),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,

    `create table decision (
      referral_id uuid primary key references referral (id),
      authority_id uuid not null references authority (id),
      next_action text not null check (next_action in ('child_protection_advocacy_review', 'no_further_action')),
      reasons text not null,
      advocate_type text check (advocate_type in ('peer_parent_advocate', 'professional_advocate', 'specialist_local_service')),
      priority text check (priority in ('urgent', 'high', 'standard')),
      decided_by uuid not null references app_user (id),
      decided_at timestamptz not null default now()
    )`,

    `create table review (
      referral_id uuid primary key references referral (id),
      authority_id uuid not null references authority (id),
      advocate_name text,
      advocate_type text check (advocate_type in ('peer_parent_advocate', 'professional_advocate', 'specialist_local_service')),
      advocate_recorded_by uuid references app_user (id),
      advocate_recorded_at timestamptz,
      contact_count integer,
      contact_summary text,
      advocate_attended text check (advocate_attended in ('yes', 'no', 'meeting_not_held')),
      views_heard text check (views_heard in ('yes', 'partly', 'no')),
      meeting_outcome text,
      meeting_outcome_details text,
      minutes_spent integer,
      notes text,
      outcome_recorded_by uuid references app_user (id),
      outcome_recorded_at timestamptz,
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,

    `create table referral_event (
      id bigint generated always as identity primary key,
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      event text not null,
      from_state text,
      to_state text not null,
      actor_id uuid not null references app_user (id),
      at timestamptz not null default now(),
      note text
    )`,
    `create index referral_event_referral on referral_event (referral_id, id)`,
  ])
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be undone; restore from a backup instead.')
}
