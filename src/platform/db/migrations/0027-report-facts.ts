import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * The reports' facts (issue 13, ADR 34): one row per referral sent, holding what the referral
 * figures count of it (its stage, meeting, decision, allocation, outcome, readiness, and its
 * person's equality groups), so that a report reads one narrow row per referral instead of joining
 * thirteen tables for each. The reports' repository writes the rows (`referral-facts-repository.ts`); this
 * migration only keeps account of which rows may be out of date.
 *
 * Every change to a table a fact is drawn from says which referrals it touched in
 * `referral_fact_stale`, in the changing statement's own transaction (a trigger per statement, with
 * the rows it changed): nothing can change a figure without saying so. The reports bring an
 * authority's stale facts up to date before they count, so a figure is never older than the page
 * that shows it. `referral_fact_stale` has no key on purpose: two transactions marking the same
 * referral never wait on each other (a unique key would make them, and could deadlock them).
 */

/** Each table a fact is drawn from, and the referrals a set of its rows (`changed`) touches. */
const sources: Readonly<Record<string, string>> = {
  referral: 'select c.authority_id, c.id from changed c',
  section_one: 'select c.authority_id, c.referral_id from changed c',
  decision: 'select c.authority_id, c.referral_id from changed c',
  review: 'select c.authority_id, c.referral_id from changed c',
  person_views: 'select c.authority_id, c.referral_id from changed c',
  allocation: 'select c.authority_id, c.referral_id from changed c',
  advocacy_contact: 'select c.authority_id, c.referral_id from changed c',
  meeting: 'select r.authority_id, r.id from changed c join referral r on r.meeting_id = c.id and r.authority_id = c.authority_id',
  meeting_readiness: 'select r.authority_id, r.id from changed c join referral r on r.meeting_id = c.meeting_id and r.authority_id = c.authority_id',
  person: 'select r.authority_id, r.id from changed c join referral r on r.person_id = c.id and r.authority_id = c.authority_id',
  // The referrer's team (their first by name), and its name.
  team_member: 'select r.authority_id, r.id from changed c join referral r on r.referrer_id = c.user_id and r.authority_id = c.authority_id',
  team: `select r.authority_id, r.id from changed c
    join team_member tm on tm.team_id = c.id and tm.authority_id = c.authority_id
    join referral r on r.referrer_id = tm.user_id and r.authority_id = c.authority_id`,
  // An allocated advocate's kind (peer or professional).
  advocate: 'select al.authority_id, al.referral_id from changed c join allocation al on al.advocate_id = c.id and al.authority_id = c.authority_id',
}

function triggersOf(table: string, touched: string): string[] {
  const mark = (rows: string) => `insert into referral_fact_stale (authority_id, referral_id) ${touched.replaceAll('changed c', `${rows} c`)};`
  return [
    `create function referral_fact_mark_${table}() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${mark('new_rows')}
      elsif tg_op = 'UPDATE' then
        ${mark('new_rows')}
        ${mark('old_rows')}
      else
        ${mark('old_rows')}
      end if;
      return null;
    end $$`,
    // A trigger with the rows it changed fires on one kind of change only.
    `create trigger referral_fact_inserted after insert on ${table} referencing new table as new_rows
      for each statement execute function referral_fact_mark_${table}()`,
    `create trigger referral_fact_updated after update on ${table} referencing new table as new_rows old table as old_rows
      for each statement execute function referral_fact_mark_${table}()`,
    `create trigger referral_fact_deleted after delete on ${table} referencing old table as old_rows
      for each statement execute function referral_fact_mark_${table}()`,
    `create trigger referral_fact_truncated after truncate on ${table} for each statement execute function referral_fact_mark_all()`,
  ]
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table referral_fact (
      referral_id uuid primary key,
      authority_id uuid not null references authority (id),
      sent_at timestamptz not null,
      person_id uuid,
      meeting_id uuid,
      stage text,
      late boolean not null,
      late_reason text,
      due_by date,
      closed_reason text,
      meeting_type text,
      meeting_date date,
      team text,
      next_action text,
      days_to_decision integer,
      allocated_kind text,
      days_to_allocation integer,
      days_to_first_meeting integer,
      advocate_on date,
      advocate_attended text,
      views_heard text,
      views_prepared boolean not null,
      views_shared boolean not null,
      report_in_time boolean not null,
      chair_met boolean,
      fgc_offered boolean not null,
      interpreter_needed boolean not null,
      interpreter_booked boolean not null,
      language_met text,
      gender_met text,
      heritage_met text,
      offers_declined integer not null,
      offers_lapsed integer not null,
      relationship text not null,
      age_group text not null,
      ethnic_group text not null,
      language_group text not null,
      disability_group text not null
    )`,
    `create index referral_fact_sent on referral_fact (authority_id, sent_at)`,
    `create table referral_fact_stale (
      authority_id uuid not null,
      referral_id uuid not null
    )`,
    `create index referral_fact_stale_authority on referral_fact_stale (authority_id)`,
    // What the marks look up: a meeting's referrals, and an advocate's allocations whatever their state.
    `create index referral_meeting on referral (authority_id, meeting_id) where meeting_id is not null`,
    `create index allocation_advocate on allocation (advocate_id)`,
    // Emptying a table changes every figure: every referral is marked.
    `create function referral_fact_mark_all() returns trigger language plpgsql as $$
    begin
      insert into referral_fact_stale (authority_id, referral_id) select authority_id, id from referral;
      delete from referral_fact;
      return null;
    end $$`,
    ...Object.entries(sources).flatMap(([table, touched]) => triggersOf(table, touched)),
    // Every referral sent so far: the first report of each authority brings its facts up to date.
    `insert into referral_fact_stale (authority_id, referral_id) select authority_id, id from referral where sent_at is not null`,
  ])
}
