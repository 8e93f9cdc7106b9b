import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Concerns that are never lost (issue 11, ADR 25): a safeguarding concern raised by a person from
 * their own pages or by their advocate, who it is with and by when it must be acknowledged, and
 * every step it takes. A concern cannot be deleted, and once closed it cannot change; its steps
 * cannot be changed or deleted at all (triggers, as for the audit trail).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table concern (
      id uuid primary key default gen_random_uuid(),
      authority_id uuid not null references authority (id),
      referral_id uuid not null references referral (id),
      person_id uuid references person (id),
      raised_by_kind text not null check (raised_by_kind in ('family', 'advocate')),
      raised_by uuid references app_user (id),
      family_code_id uuid references family_code (id),
      about text not null check (about in ('me', 'child', 'both')),
      words text,
      language text not null default 'en',
      raised_at timestamptz not null,
      state text not null default 'open' check (state in ('open', 'acknowledged', 'closed')),
      with_user_id uuid references app_user (id),
      with_every_manager boolean not null default false,
      acknowledge_by timestamptz,
      acknowledged_by uuid references app_user (id),
      acknowledged_at timestamptz,
      plan text,
      closed_by uuid references app_user (id),
      closed_at timestamptz,
      outcome text,
      version integer not null default 1
    )`,
    `create index concern_waiting on concern (authority_id, state, acknowledge_by)`,
    `create index concern_referral on concern (referral_id, raised_at)`,
    `create index concern_family_code on concern (family_code_id, raised_at) where family_code_id is not null`,
    `create table concern_step (
      id bigint generated always as identity primary key,
      concern_id uuid not null references concern (id),
      authority_id uuid not null references authority (id),
      step text not null check (step in ('raised', 'sent', 'told', 'escalated', 'every_manager', 'acknowledged', 'closed', 'more_words')),
      to_user_id uuid references app_user (id),
      by_user_id uuid references app_user (id),
      note text,
      at timestamptz not null
    )`,
    `create index concern_step_concern on concern_step (concern_id, id)`,
    `create function concern_refuse_delete() returns trigger language plpgsql as $$
      begin
        raise exception 'a concern is never deleted: % is refused', tg_op;
      end
    $$`,
    `create trigger concern_never_deleted before delete on concern
      for each row execute function concern_refuse_delete()`,
    `create trigger concern_never_truncated before truncate on concern
      for each statement execute function concern_refuse_delete()`,
    `create function concern_refuse_rewrite() returns trigger language plpgsql as $$
      begin
        if old.state = 'closed'
          or new.words is distinct from old.words
          or new.about is distinct from old.about
          or new.raised_at is distinct from old.raised_at
          or new.referral_id is distinct from old.referral_id
          or new.raised_by is distinct from old.raised_by then
          raise exception 'a concern keeps what was raised, and a closed concern does not change';
        end if;
        return new;
      end
    $$`,
    `create trigger concern_kept_as_raised before update on concern
      for each row execute function concern_refuse_rewrite()`,
    `create trigger concern_step_append_only before update or delete on concern_step
      for each row execute function concern_refuse_delete()`,
    `create trigger concern_step_no_truncate before truncate on concern_step
      for each statement execute function concern_refuse_delete()`,
    `alter table notification drop constraint notification_kind_check`,
    `alter table notification add constraint notification_kind_check
      check (kind in ('decision_waiting', 'offer_waiting', 'supervision_due', 'dbs_due', 'report_due', 'readiness_overdue', 'concern_raised'))`,
  ])
}
