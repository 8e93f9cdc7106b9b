import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The advocate pool: advocates and what matching needs to know of them, local services for triage,
 * the peer advocate programme (training cohorts, sessions, modules, supervision), allocations, and
 * the advocacy record (contacts and the person's views), which only the advocacy service sees.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table authority_setting (
      authority_id uuid not null references authority (id),
      key text not null,
      value text not null,
      updated_at timestamptz not null default now(),
      primary key (authority_id, key)
    )`,

    `create table advocate (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      user_id uuid unique references app_user (id),
      kind text not null check (kind in ('parent_peer_advocate', 'professional_advocate')),
      given_name text not null,
      family_name text not null,
      email text,
      phone text,
      gender text check (gender in ('woman', 'man', 'non_binary')),
      heritage text,
      lived_experience text,
      specialisms text[] not null default '{}',
      areas text[] not null default '{}',
      available_days text[] not null default '{}',
      capacity integer not null default 1 check (capacity between 0 and 20),
      dbs_checked_on date,
      about_me text,
      photo bytea,
      photo_type text check (photo_type in ('image/jpeg', 'image/png')),
      stage text not null check (stage in ('application', 'conversation', 'references', 'dbs', 'training',
        'accreditation', 'active', 'resting', 'left')),
      accredited_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    `create index advocate_authority on advocate (authority_id, stage, family_name)`,

    `create table advocate_language (
      advocate_id uuid not null references advocate (id) on delete cascade,
      authority_id uuid not null references authority (id),
      language text not null,
      level text not null check (level in ('basic', 'conversational', 'fluent', 'first_language')),
      primary key (advocate_id, language)
    )`,

    `create table advocate_absence (
      id uuid primary key default gen_random_uuid(),
      advocate_id uuid not null references advocate (id) on delete cascade,
      authority_id uuid not null references authority (id),
      starts_on date not null,
      ends_on date not null,
      note text,
      check (starts_on <= ends_on)
    )`,
    `create index advocate_absence_advocate on advocate_absence (advocate_id, ends_on)`,

    `create table advocate_known_family (
      advocate_id uuid not null references advocate (id) on delete cascade,
      family_group_id uuid not null references family_group (id),
      authority_id uuid not null references authority (id),
      note text,
      primary key (advocate_id, family_group_id)
    )`,

    `create table advocate_stage_change (
      id bigint generated always as identity primary key,
      advocate_id uuid not null references advocate (id) on delete cascade,
      authority_id uuid not null references authority (id),
      from_stage text,
      to_stage text not null,
      at timestamptz not null default now(),
      by_user_id uuid references app_user (id)
    )`,

    `create table local_service (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      name text not null,
      languages text[] not null default '{}',
      specialisms text[] not null default '{}',
      contact text not null,
      notes text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    `create unique index local_service_name on local_service (authority_id, lower(name))`,

    `create table training_cohort (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      name text not null,
      starts_on date not null,
      created_at timestamptz not null default now()
    )`,
    `create table cohort_member (
      cohort_id uuid not null references training_cohort (id) on delete cascade,
      advocate_id uuid not null references advocate (id) on delete cascade,
      authority_id uuid not null references authority (id),
      primary key (cohort_id, advocate_id)
    )`,
    `create table training_session (
      id uuid primary key default gen_random_uuid(),
      cohort_id uuid not null references training_cohort (id) on delete cascade,
      authority_id uuid not null references authority (id),
      week integer not null check (week between 1 and 8),
      module text not null,
      held_on date not null,
      unique (cohort_id, week)
    )`,
    `create table session_attendance (
      session_id uuid not null references training_session (id) on delete cascade,
      advocate_id uuid not null references advocate (id) on delete cascade,
      authority_id uuid not null references authority (id),
      primary key (session_id, advocate_id)
    )`,
    `create table module_completion (
      advocate_id uuid not null references advocate (id) on delete cascade,
      module text not null,
      authority_id uuid not null references authority (id),
      completed_on date not null,
      recorded_by uuid references app_user (id),
      primary key (advocate_id, module)
    )`,

    `create table supervision_session (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      kind text not null check (kind in ('one_to_one', 'group')),
      held_on date not null,
      supervisor_id uuid references app_user (id),
      notes text,
      created_at timestamptz not null default now()
    )`,
    `create index supervision_session_authority on supervision_session (authority_id, kind, held_on)`,
    `create table supervision_attendance (
      session_id uuid not null references supervision_session (id) on delete cascade,
      advocate_id uuid not null references advocate (id) on delete cascade,
      authority_id uuid not null references authority (id),
      primary key (session_id, advocate_id)
    )`,
    `create index supervision_attendance_advocate on supervision_attendance (advocate_id)`,

    `create table allocation (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      advocate_id uuid references advocate (id),
      local_service_id uuid references local_service (id),
      status text not null check (status in ('offered', 'accepted', 'declined', 'lapsed', 'withdrawn', 'triaged', 'ended')),
      offered_by uuid references app_user (id),
      offered_at timestamptz not null default now(),
      respond_by timestamptz,
      responded_at timestamptz,
      answered_by uuid references app_user (id),
      decline_reason text,
      ended_at timestamptz,
      ended_reason text,
      reasons jsonb not null default '[]',
      preferences jsonb not null default '{}',
      version integer not null default 1,
      check ((advocate_id is null) <> (local_service_id is null))
    )`,
    `create index allocation_referral on allocation (referral_id, offered_at)`,
    `create index allocation_advocate_active on allocation (advocate_id) where status in ('offered', 'accepted')`,
    `create index allocation_offered on allocation (respond_by) where status = 'offered'`,

    `create table advocacy_contact (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      advocate_id uuid references advocate (id),
      contacted_on date not null,
      method text not null check (method in ('in_person', 'phone', 'video', 'message', 'meeting')),
      minutes integer check (minutes between 0 and 1440),
      notes text,
      created_by uuid not null references app_user (id),
      created_at timestamptz not null default now()
    )`,
    `create index advocacy_contact_referral on advocacy_contact (referral_id, contacted_on)`,

    `create table person_views (
      referral_id uuid primary key references referral (id),
      authority_id uuid not null references authority (id),
      views text,
      person_agreed_to_share boolean not null default false,
      agreed_on date,
      shared_at timestamptz,
      shared_by uuid references app_user (id),
      updated_by uuid references app_user (id),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,

    // Steps the service takes by itself (an offer nobody answered in time) have no person behind them.
    `alter table referral_event alter column actor_id drop not null`,
  ])
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone; restore from a backup instead.')
}
