import { sql, type RawBuilder } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'

/**
 * The reports' facts (ADR 34): one row per referral sent, with what the referral figures count of it,
 * drawn from thirteen tables (referrals, meetings, people, Section 1, decisions, reviews, views,
 * readiness, offers, advocates, contacts, teams). A report reads one narrow row per referral from
 * `referral_fact` instead of joining them all for every referral of its period: the annual
 * evaluation of a big authority-year read 3,500 referrals through thirteen joins twice.
 *
 * This file owns `referral_fact` and `referral_fact_stale` (migration 0027) and is the one definition
 * of a fact (`factsOf`). Every change to a table a fact is drawn from marks the referrals it touched
 * as stale, in its own transaction (the migration's triggers); `bringFactsUpToDate` draws those
 * referrals' facts again before a report counts, so a figure is never older than its page.
 */

/** `referral_fact`'s columns, as `factsOf` names them: a fact is written and compared by name. */
const factColumns = [
  'referral_id',
  'authority_id',
  'sent_at',
  'person_id',
  'meeting_id',
  'stage',
  'late',
  'late_reason',
  'due_by',
  'closed_reason',
  'meeting_type',
  'meeting_date',
  'team',
  'next_action',
  'days_to_decision',
  'allocated_kind',
  'days_to_allocation',
  'days_to_first_meeting',
  'advocate_on',
  'advocate_attended',
  'views_heard',
  'views_prepared',
  'views_shared',
  'report_in_time',
  'chair_met',
  'fgc_offered',
  'interpreter_needed',
  'interpreter_booked',
  'language_met',
  'gender_met',
  'heritage_met',
  'offers_declined',
  'offers_lapsed',
  'relationship',
  'age_group',
  'ethnic_group',
  'language_group',
  'disability_group',
] as const

const columns = sql.join(factColumns.map((column) => sql.id(column)))

/** The facts of the referrals `where` picks (over `r`, the referral), in `referral_fact`'s columns. */
function factsOf(where: RawBuilder<unknown>) {
  return sql`
    select
      r.id as referral_id,
      r.authority_id,
      r.sent_at,
      r.person_id,
      r.meeting_id,
      r.stage,
      r.late,
      r.late_reason,
      r.due_by,
      r.closed_reason,
      m.type as meeting_type,
      m.meeting_date,
      t.name as team,
      d.next_action,
      (d.decided_at at time zone 'Europe/London')::date - (r.sent_at at time zone 'Europe/London')::date as days_to_decision,
      case when a.local_service_id is not null then 'local_service' else adv.kind end as allocated_kind,
      (a.responded_at at time zone 'Europe/London')::date - (r.sent_at at time zone 'Europe/London')::date as days_to_allocation,
      (select min(c.contacted_on) from advocacy_contact c where c.referral_id = r.id and c.authority_id = r.authority_id)
        - (r.sent_at at time zone 'Europe/London')::date as days_to_first_meeting,
      case when a.advocate_id is not null then (a.responded_at at time zone 'Europe/London')::date end as advocate_on,
      rv.advocate_attended,
      rv.views_heard,
      pv.views is not null as views_prepared,
      pv.shared_at is not null as views_shared,
      mr.report_received_in_time is true as report_in_time,
      (mr.chair_met_before is true or (mr.chair_met_before is null and mr.chair_met_on is not null)) as chair_met,
      coalesce(mr.fgc_status in ('offered', 'accepted', 'held', 'declined'), false) as fgc_offered,
      s1.interpreter_needed is true as interpreter_needed,
      mr.interpreter_booked is true as interpreter_booked,
      a.preferences ->> 'language' as language_met,
      a.preferences ->> 'gender' as gender_met,
      a.preferences ->> 'heritage' as heritage_met,
      a.offers_declined,
      a.offers_lapsed,
      coalesce(p.relationship_to_child, 'not_recorded') as relationship,
      case
        when p.date_of_birth is null then 'not_recorded'
        when p.date_of_birth > (r.sent_at at time zone 'Europe/London')::date - interval '25 years' then 'under_25'
        else 'over_25'
      end as age_group,
      case
        when p.ethnicity is null then 'not_recorded'
        when p.ethnicity = 'prefer_not_to_say' then 'prefer_not_to_say'
        else split_part(p.ethnicity, '_', 1)
      end as ethnic_group,
      case
        when p.first_language is null then 'not_recorded'
        when p.first_language = 'prefer_not_to_say' then 'prefer_not_to_say'
        when lower(p.first_language) = 'english' then 'english'
        else 'another'
      end as language_group,
      coalesce(p.disability, case s1.has_disability when true then 'yes' when false then 'no' end, 'not_recorded') as disability_group
    from referral r
    left join meeting m on m.id = r.meeting_id and m.authority_id = r.authority_id
    left join person p on p.id = r.person_id and p.authority_id = r.authority_id
    left join section_one s1 on s1.referral_id = r.id and s1.authority_id = r.authority_id
    left join decision d on d.referral_id = r.id and d.authority_id = r.authority_id
    left join review rv on rv.referral_id = r.id and rv.authority_id = r.authority_id
    left join person_views pv on pv.referral_id = r.id and pv.authority_id = r.authority_id
    left join meeting_readiness mr on mr.meeting_id = r.meeting_id and mr.authority_id = r.authority_id
    left join lateral (
      select team.name
      from team_member tm
      join team on team.id = tm.team_id
      where tm.user_id = r.referrer_id and tm.authority_id = r.authority_id
      order by team.name, team.id
      limit 1
    ) t on true
    -- Every offer of the referral read once: the first that became the allocation, and how many were declined or lapsed.
    left join lateral (
      select
        (array_agg(al.local_service_id order by al.offered_at, al.id) filter (where al.status in ('accepted', 'ended', 'triaged')))[1] as local_service_id,
        (array_agg(al.advocate_id order by al.offered_at, al.id) filter (where al.status in ('accepted', 'ended', 'triaged')))[1] as advocate_id,
        (array_agg(al.responded_at order by al.offered_at, al.id) filter (where al.status in ('accepted', 'ended', 'triaged')))[1] as responded_at,
        (array_agg(al.preferences order by al.offered_at, al.id) filter (where al.status in ('accepted', 'ended', 'triaged')))[1] as preferences,
        count(*) filter (where al.status = 'declined')::int as offers_declined,
        count(*) filter (where al.status = 'lapsed')::int as offers_lapsed
      from allocation al
      where al.referral_id = r.id and al.authority_id = r.authority_id
    ) a on true
    -- The advocate is joined outside the lateral: inside it, the planner hashed the whole pool
    -- once per referral (every authority's advocates at national scale).
    left join advocate adv on adv.id = a.advocate_id and adv.authority_id = r.authority_id
    where r.sent_at is not null and ${where}`
}

/** How many referrals' facts one statement draws. */
const DRAWN_AT_ONCE = 2_000

/** The advisory lock that lets one transaction at a time bring an authority's facts up to date. */
function lockOf(authorityId: string) {
  return sql`select pg_advisory_xact_lock(hashtextextended(${`referral_fact ${authorityId}`}, 0))`
}

async function bring(trx: Queryable, authorityId: string): Promise<number> {
  await lockOf(authorityId).execute(trx)
  // The marks taken here are the changes these facts will show: the facts below are drawn after
  // (each statement sees what was committed when it began), and a mark made meanwhile stays for next time.
  const taken = await sql<{ referral_id: string }>`
    delete from referral_fact_stale where authority_id = ${authorityId} returning referral_id`.execute(trx)
  const ids = [...new Set(taken.rows.map((row) => row.referral_id))]
  if (ids.length === 0) return 0
  // A few thousand at a time: drawing a whole authority at once (after the migration, or a team
  // renamed) held the embedded database's memory at its peak for good.
  for (let start = 0; start < ids.length; start += DRAWN_AT_ONCE) {
    const some = ids.slice(start, start + DRAWN_AT_ONCE)
    const picked = sql`r.authority_id = ${authorityId} and r.id = any(${some}::uuid[])`
    await sql`delete from referral_fact where authority_id = ${authorityId} and referral_id = any(${some}::uuid[])`.execute(trx)
    await sql`insert into referral_fact (${columns}) select ${columns} from (${factsOf(picked)}) drawn`.execute(trx)
  }
  return ids.length
}

/**
 * Draws again the facts of the authority's referrals changed since they were last drawn, and says
 * how many it drew. Cheap when nothing changed (one look at an index); two at once take turns.
 */
export async function bringFactsUpToDate(db: Queryable, authorityId: string): Promise<number> {
  const stale = await sql`select 1 from referral_fact_stale where authority_id = ${authorityId} limit 1`.execute(db)
  if (stale.rows.length === 0) return 0
  if (db.isTransaction) return bring(db, authorityId)
  return db.transaction().execute((trx) => bring(trx, authorityId))
}

/** Every authority with a fact to draw again: for the job that keeps them up to date between reports. */
export async function authoritiesWithStaleFacts(db: Queryable): Promise<string[]> {
  const result = await sql<{ authority_id: string }>`select distinct authority_id from referral_fact_stale`.execute(db)
  return result.rows.map((row) => row.authority_id)
}

/**
 * The facts as they are drawn now, beside the facts held, for the tests that prove the marks: the
 * referrals of the authority whose held fact differs from (or is missing beside) its fact drawn now.
 */
export async function factsThatDiffer(db: Queryable, authorityId: string): Promise<string[]> {
  const result = await sql<{ referral_id: string }>`
    with now_drawn as (select ${columns} from (${factsOf(sql`r.authority_id = ${authorityId}`)}) drawn),
    held as (select ${columns} from referral_fact where authority_id = ${authorityId}),
    differ as ((select * from now_drawn except select * from held) union (select * from held except select * from now_drawn))
    select distinct referral_id from differ`.execute(db)
  return result.rows.map((row) => row.referral_id)
}
