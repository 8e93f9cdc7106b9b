import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Meetings the service steers by (issue 12, ADR 19). The meeting keeps the dates its conference clock
 * runs from (the strategy discussion before an initial conference; the conference before a review)
 * and the reason given when it is set after its due date. Each meeting's readiness is a row beside
 * it: the report shared with the family, the chair meeting them, a Family Group Conference, an
 * interpreter and adjustments, the advocate meeting them first, the venue and time they asked for,
 * and afterwards what actually happened. One version for the row, so two people saving at once
 * cannot overwrite each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table meeting add column strategy_discussion_on date`,
    `alter table meeting add column previous_conference_on date`,
    `alter table meeting add column previous_conference text check (previous_conference in ('initial_conference', 'review_conference'))`,
    `alter table meeting add column conference_late_reason text check (length(conference_late_reason) between 1 and 2000)`,
    `create table meeting_readiness (
      meeting_id uuid primary key references meeting (id),
      authority_id uuid not null references authority (id),
      report_shared_on date,
      chair_met_on date,
      fgc_status text check (fgc_status in ('offered', 'accepted', 'held', 'declined', 'not_possible')),
      fgc_why_not text check (length(fgc_why_not) between 1 and 2000),
      fgc_plan boolean,
      interpreter_booked boolean not null default false,
      interpreter_language text check (length(interpreter_language) between 1 and 100),
      adjustments_in_place boolean not null default false,
      advocate_met_on date,
      venue_confirmed boolean not null default false,
      asked_community_venue boolean not null default false,
      asked_another_time boolean not null default false,
      attended boolean,
      report_received_in_time boolean,
      chair_met_before boolean,
      updated_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    `create index meeting_readiness_authority on meeting_readiness (authority_id)`,
  ])
}
