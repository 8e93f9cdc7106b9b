/**
 * A synthetic dataset at any scale, made by set-based SQL (each table filled by one
 * `insert … select … from generate_series`, never row by row), on a database the project's own
 * migrations have brought up to date, and within every constraint they declare. The same
 * statements run on PostgreSQL and on the embedded database (PGlite).
 *
 * What each state of the Advocacy Workflow implies is generated with it (`workflow.ts`):
 *
 *   - every referral has its timeline (`referral_event`), one event per step it took to reach its
 *     state, by whom the workflow lets take it, and one audit row per step plus the views of it;
 *   - once sent: a parent (an adult person) with one to three children, a meeting and a complete
 *     Section 1; a draft may still lack the parent or the meeting, and its Section 1 is partial;
 *   - from the manager's decision: the decision (No Further Action, or a review with an advocate
 *     type and a priority); from the review: the review row;
 *   - an offer waiting (`awaiting_advocate`), an accepted allocation (half of `in_review`, and every
 *     referral awaiting sign-off) or an ended one (completed), with two contacts and the person's
 *     views for each advocate who worked with someone;
 *   - the outcome for referrals awaiting sign-off or completed; closing details for ended ones;
 *   - what the reports read beside them: the parent's answers to the equality questions (some
 *     not asked, some "Prefer not to say"), each sent conference's readiness, the offer of an
 *     advocate to each child of a conference, children's consultations before reviews, and for completed referrals whether the person gave
 *     feedback, their answers by every way of giving it and how many days after the meeting, the
 *     service's themes and the words it coded with them.
 *
 * Who each referral waits on, and when its step is due, follows `steps.ts`: the FGC Advocacy Admin
 * team for `awaiting_admin` and `in_review`, the assigned manager for a decision or a sign-off, the
 * referrer for a draft or a return, the offered advocate's sign-in for an offer.
 *
 * The audit rows are generated outside any chain (`chain` is null), as events recorded before the
 * chain began (migration 0005) are: `npm run audit:verify` passes, since it checks the chains, but
 * it vouches for none of the synthetic rows. Hash-linking ten million rows would be a walk in order,
 * not a set-based insert; the rows are there for their size and their indexes, which is what the
 * pages feel.
 */
import { sql, type Kysely } from 'kysely'
import { performance } from 'node:perf_hooks'
import type { Schema } from '../../src/platform/db/schema.ts'
import { referralStates, type ReferralState } from '../../src/vocabulary/referrals.ts'
import { isEnded } from '../../src/features/referrals/workflow.ts'
import type { Scale } from './scales.ts'

type Actor = 'referrer' | 'admin' | 'manager' | 'advocate' | 'system'
type Step = readonly [event: string, from: ReferralState | null, to: ReferralState, actor: Actor]

const started: Step = ['start', null, 'draft', 'referrer']
const sent: Step = ['send_request', 'draft', 'awaiting_admin', 'referrer']
const passed: Step = ['pass_to_manager', 'awaiting_admin', 'awaiting_decision', 'admin']
const toReview: Step = ['decide_review', 'awaiting_decision', 'in_review', 'manager']
const offered: Step = ['offer', 'in_review', 'awaiting_advocate', 'admin']
const accepted: Step = ['accept_offer', 'awaiting_advocate', 'in_review', 'advocate']
const outcome: Step = ['record_outcome', 'in_review', 'in_review', 'admin']
const signOff: Step = ['request_sign_off', 'in_review', 'awaiting_sign_off', 'admin']

/**
 * The path each referral took to where it stands: its timeline, step by step. A state reached by
 * more than one path has a variant (a review with or without an advocate yet; a withdrawal of a
 * draft that lapsed or of a sent referral).
 */
const paths: Readonly<Record<string, readonly Step[]>> = {
  draft: [started],
  awaiting_admin: [started, sent],
  awaiting_decision: [started, sent, passed],
  returned: [started, sent, passed, ['return_for_information', 'awaiting_decision', 'returned', 'manager']],
  in_review: [started, sent, passed, toReview],
  in_review_allocated: [started, sent, passed, toReview, offered, accepted],
  awaiting_advocate: [started, sent, passed, toReview, offered],
  awaiting_sign_off: [started, sent, passed, toReview, offered, accepted, outcome, signOff],
  no_further_action: [started, sent, passed, ['decide_no_further_action', 'awaiting_decision', 'no_further_action', 'manager']],
  completed: [started, sent, passed, toReview, offered, accepted, outcome, signOff, ['complete', 'awaiting_sign_off', 'completed', 'manager']],
  withdrawn_lapsed: [started, ['lapse_draft', 'draft', 'withdrawn', 'system']],
  withdrawn_sent: [started, sent, ['withdraw', 'awaiting_admin', 'withdrawn', 'referrer']],
}

const givenNames = [
  'Amira',
  'Bethany',
  'Chloe',
  'Dalia',
  'Ewa',
  'Fatima',
  'Grace',
  'Hannah',
  'Imani',
  'Joanna',
  'Kerry',
  'Lucía',
  'Maria José',
  'Nadia',
  'Olga',
  'Priya',
  'Rosa',
  'Siobhán',
  'Tanisha',
  'Ursula',
  'Aaron',
  'Ben',
  'Callum',
  'Dariusz',
  'Emeka',
  'Farid',
  'Gareth',
  'Hamza',
  'Ian',
  'Jamal',
  'Kwame',
  'Liam',
  'Marek',
  'Niall',
  'Omar',
  'Paddy',
  'Rhys',
  'Sami',
  'Tomás',
  'Zoltán',
]
const familyNames = [
  'Ahmed',
  'Begum',
  'Brown',
  'Campbell',
  'Clarke',
  'Davies',
  'Evans',
  'Fernández',
  'García López',
  'Green',
  'Hall',
  'Hughes',
  'Hussain',
  'Islam',
  'Jackson',
  'Jones',
  'Khan',
  'Kowalski',
  'Lewis',
  "O'Brien",
  'Mohamed',
  'Morris',
  'Murphy',
  'Nowak',
  'Okafor',
  'Patel',
  'Roberts',
  'Robinson',
  'Scott',
  'Shah',
  'Singh',
  'Smith',
  'Taylor',
  'Thomas',
  'Thompson',
  'Walker',
  'Ward',
  'White',
  'Williams',
  'Wilson',
  'Wright',
  'Young',
  'Zieliński',
  'Ó Súilleabháin',
  'Smith-Jones',
  'Mensah',
  'Osei',
  'Nguyen',
  'Chen',
  'Kaur',
]

/** The ONS 2021 categories, as often as a large English authority's parents might give them. */
const ethnicities = [
  'white_british',
  'white_british',
  'white_british',
  'white_british',
  'white_british',
  'white_british',
  'white_other',
  'white_irish',
  'white_gypsy_traveller',
  'white_roma',
  'asian_pakistani',
  'asian_bangladeshi',
  'asian_indian',
  'black_african',
  'black_caribbean',
  'mixed_white_black_caribbean',
  'mixed_other',
  'other_arab',
  'prefer_not_to_say',
]
const firstLanguages = [
  'English',
  'English',
  'English',
  'English',
  'English',
  'English',
  'English',
  'Polish',
  'Urdu',
  'Bengali',
  'Arabic',
  'Somali',
  'Romanian',
  'Spanish',
]
const betterWords = [
  'Getting the report two days before, not the night before.',
  'More time to talk before everyone came in.',
  'Someone explaining the words they used.',
  'A room where the children could wait.',
  'Being asked what I thought first.',
]
const themeNames = ['Reports in time', 'Being listened to', 'Understanding the words', 'The advocate', 'The room and the time']

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

function textArray(items: readonly string[]): string {
  return `array[${items.map(quote).join(', ')}]::text[]`
}

/** `(array[…])[1 + n % length]`: one item, chosen by a number. */
function pick(items: readonly string[], by: string): string {
  return `(${textArray(items)})[1 + (${by}) % ${items.length}]`
}

function stateOfBucket(mix: Scale['mix']): string {
  let upTo = 0
  const arms = referralStates.map((state) => {
    upTo += mix[state]
    return `when bucket < ${upTo} then '${state}'`
  })
  if (upTo !== 10_000) throw new Error(`A state mix must add up to 10,000, not ${upTo}`)
  return `case ${arms.join(' ')} end`
}

const endedStates = referralStates.filter(isEnded)
const openList = referralStates
  .filter((state) => !isEnded(state))
  .map(quote)
  .join(', ')
const endedList = endedStates.map(quote).join(', ')

export interface GenerateOptions {
  readonly scale: Scale
  /** The hash of the password every generated member of staff signs in with. */
  readonly passwordHash: string
  /** Told each step's name, how many rows it added and how long it took. */
  readonly log?: (step: string, rows: number, milliseconds: number) => void
}

/** Builds the dataset. Run it on a database with no authorities of its own. */
export async function generateDataset(db: Kysely<Schema>, { scale, passwordHash, log = () => undefined }: GenerateOptions): Promise<void> {
  const perAuthority = scale.referralsPerAuthority
  const total = scale.authorities * perAuthority
  const referrers = Math.max(5, Math.ceil(perAuthority / 150))
  const advocates = scale.advocatesPerAuthority
  const advocateSignIns = Math.ceil(advocates / 2)
  const steps: [string, string][] = [
    [
      'authorities',
      `create temporary table bench_authority as
        select n, gen_random_uuid() as id from generate_series(1, ${scale.authorities}) n`,
    ],
    [
      'authorities',
      `insert into authority (id, name, is_demo, reference_prefix, next_reference)
        select id, 'Bench Authority ' || n, true, 'ADV', ${perAuthority + 1} from bench_authority`,
    ],
    [
      'teams',
      `insert into team (id, authority_id, name, purpose)
        select gen_random_uuid(), id, 'FGC Advocacy Admin', 'fgc_advocacy_admin' from bench_authority
        union all
        select gen_random_uuid(), id, 'Safeguarding team ' || t, null from bench_authority cross join generate_series(1, 3) t`,
    ],
    [
      'staff',
      `create temporary table bench_staff as
        select a.n as a, a.id as authority_id, r.role, i, gen_random_uuid() as id
        from bench_authority a
        cross join (values ('referrer', ${referrers}), ('advocacy_admin', 4), ('service_manager', 3), ('advocate', ${advocateSignIns}),
          ('coordinator', 1), ('analyst', 1), ('system_admin', 1)) r (role, count)
        cross join lateral generate_series(1, r.count) i`,
    ],
    [
      'staff',
      `insert into app_user (id, authority_id, email, display_name, roles, password_hash)
        select id, authority_id, replace(role, '_', '-') || '-' || i || '.a' || a || '@bench.alongside.example',
          ${pick(givenNames, 'i * 7 + a')} || ' ' || ${pick(familyNames, 'i * 13 + a * 3')}, array[role]::text[], ${quote(passwordHash)}
        from bench_staff`,
    ],
    [
      'memberships',
      `insert into team_member (team_id, user_id, authority_id)
        select t.id, s.id, s.authority_id from bench_staff s join team t on t.authority_id = s.authority_id and t.purpose = 'fgc_advocacy_admin'
        where s.role = 'advocacy_admin'
        union all
        select t.id, s.id, s.authority_id from bench_staff s join team t on t.authority_id = s.authority_id and t.name = 'Safeguarding team ' || (1 + s.i % 3)
        where s.role = 'referrer'`,
    ],
    [
      'advocates',
      `create temporary table bench_advocate as
        select a.n as a, a.id as authority_id, g.i, gen_random_uuid() as id, s.id as user_id
        from bench_authority a cross join generate_series(1, ${advocates}) g (i)
        left join bench_staff s on s.a = a.n and s.role = 'advocate' and g.i % 2 = 1 and s.i = (g.i + 1) / 2`,
    ],
    [
      'advocates',
      `insert into advocate (id, authority_id, user_id, kind, given_name, family_name, email, gender, heritage, specialisms, areas, available_days,
          capacity, dbs_checked_on, stage, accredited_on)
        select id, authority_id, user_id, case when i % 10 < 7 then 'parent_peer_advocate' else 'professional_advocate' end,
          ${pick(givenNames, 'i * 3 + a')}, ${pick(familyNames, 'i * 11 + a')}, 'advocate-' || i || '.a' || a || '@bench.alongside.example',
          (array['woman', 'man', 'non_binary', 'woman'])[1 + i % 4], ${pick(['Bangladeshi', 'Irish', 'Somali', 'Polish', 'Latin American', 'White British'], 'i')},
          array[(array['dyslexia', 'domestic_abuse', 'mental_health', 'substance_use'])[1 + i % 4]]::text[], '{}'::text[],
          array['monday', 'wednesday', 'friday']::text[], 1 + i % 4, current_date - (30 + i % 300),
          case when i % 20 = 0 then 'resting' when i % 20 = 1 then 'training' else 'active' end,
          case when i % 10 < 7 then current_date - (60 + i % 300) end
        from bench_advocate`,
    ],
    [
      'languages',
      `insert into advocate_language (advocate_id, authority_id, language, level)
        select id, authority_id, 'English', 'first_language' from bench_advocate
        union all
        select id, authority_id, ${pick(['Spanish', 'Bengali', 'Polish', 'Somali', 'Arabic', 'Urdu', 'BSL'], 'i')}, 'fluent' from bench_advocate where i % 3 = 0`,
    ],
    [
      'plan',
      `create temporary table bench_shape as
        select g, a, k, h, state,
          case when state = 'in_review' and h % 2 = 0 then 'in_review_allocated'
            when state = 'withdrawn' and h % 2 = 0 then 'withdrawn_lapsed'
            when state = 'withdrawn' then 'withdrawn_sent' else state end as path
        from (
          select g, a, k, h, ${stateOfBucket(scale.mix)} as state
          from (
            select g, (g - 1) / ${perAuthority} + 1 as a, (g - 1) % ${perAuthority} + 1 as k, (hashtext(g::text) & 2147483647) as h,
              (g::bigint * 7919 + 13) % 10000 as bucket
            from generate_series(1, ${total}) g
          ) numbered
        ) stated`,
    ],
    // The planner knows nothing of a temporary table until it is analysed: without this it may join
    // each referral to the staff one row at a time.
    ['plan', `analyze bench_authority, bench_staff, bench_advocate, bench_shape`],
    ['plan', `create temporary table bench_path (path text, seq integer, event text, from_state text, to_state text, actor text)`],
    [
      'plan',
      `insert into bench_path values ${Object.entries(paths)
        .flatMap(([path, taken]) =>
          taken.map(
            ([event, from, to, actor], index) =>
              `(${quote(path)}, ${index + 1}, ${quote(event)}, ${from ? quote(from) : 'null'}, ${quote(to)}, ${quote(actor)})`,
          ),
        )
        .join(', ')}`,
    ],
    // Each authority's staff and advocates as arrays, picked by position: one join of 150 rows that
    // the planner cannot misjudge. Joined as tables on several columns each, it guessed one row where
    // there were a million, and read the referrers afresh for every referral (hours at national scale).
    [
      'plan',
      `create temporary table bench_pick as
        select au.n as a, au.id as aid, t.id as team_id,
          (select array_agg(s.id order by s.i) from bench_staff s where s.a = au.n and s.role = 'referrer') as referrers,
          (select array_agg(s.id order by s.i) from bench_staff s where s.a = au.n and s.role = 'service_manager') as managers,
          (select array_agg(s.id order by s.i) from bench_staff s where s.a = au.n and s.role = 'advocacy_admin') as admins,
          (select array_agg(v.id order by v.i) from bench_advocate v where v.a = au.n) as advocate_ids,
          (select array_agg(v.user_id order by v.i) from bench_advocate v where v.a = au.n) as advocate_user_ids
        from bench_authority au
        join team t on t.authority_id = au.id and t.purpose = 'fgc_advocacy_admin'`,
    ],
    ['plan', `create temporary table bench_steps as select path, count(*)::integer as steps from bench_path group by path`],
    ['plan', `analyze bench_pick, bench_steps`],
    [
      'plan',
      `create temporary table bench_plan as
        select s.*, p.steps, s.state in (${endedList}) as ended,
          gen_random_uuid() as rid, gen_random_uuid() as pid, gen_random_uuid() as mid, gen_random_uuid() as fid,
          x.aid, x.team_id, x.referrers[1 + s.k % ${referrers}] as referrer_id, x.managers[1 + s.k % 3] as manager_id,
          x.admins[1 + s.k % 4] as admin_id, x.advocate_ids[adv.i] as advocate_id, x.advocate_user_ids[adv.i] as advocate_user_id,
          case when s.state = 'draft' or s.path = 'withdrawn_lapsed' then s.h % 10 >= 3 else true end as has_person,
          case when s.state = 'draft' or s.path = 'withdrawn_lapsed' then s.h % 7 >= 3 else true end as has_meeting,
          now() - make_interval(days => case when s.state in (${endedList}) then p.steps + 30 + (s.h / 13) % 1100 else p.steps + (s.h / 7) % 20 end,
            hours => (s.h / 3) % 9) as created_at
        from bench_shape s
        join bench_steps p on p.path = s.path
        join bench_pick x on x.a = s.a
        cross join lateral (select case when s.state = 'awaiting_advocate' then 2 * ((s.k * 31) % ${Math.floor(advocates / 2)}) + 1
          else 1 + (s.k * 31) % ${advocates} end as i) adv`,
    ],
    [
      'plan',
      `create temporary table bench_referral as
        select *, created_at + make_interval(days => steps - 1) as last_at,
          case when state in (${endedList}) then created_at::date + 14 + h % 10 else current_date + (h / 11) % 30 - 3 end as meeting_on
        from bench_plan`,
    ],
    ['people', `insert into family_group (id, authority_id, created_at) select fid, aid, created_at from bench_referral`],
    [
      'people',
      `insert into person (id, authority_id, family_group_id, kind, given_name, family_name, date_of_birth, gender, external_id, created_by, created_at, updated_at,
          relationship_to_child, ethnicity, first_language, disability)
        select pid, aid, fid, 'adult', ${pick(givenNames, 'h / 5')}, ${pick(familyNames, 'h / 7')}, date '1970-01-01' + (h / 3) % 10000,
          case when (h / 5) % 40 < 20 then 'woman' else 'man' end, case when h % 3 <> 0 then 'CS' || g end, referrer_id, created_at, created_at,
          case when (h / 19) % 20 = 0 then null when (h / 19) % 20 = 1 then 'prefer_not_to_say' when (h / 19) % 20 < 4 then 'other_carer'
            when (h / 5) % 40 < 20 then 'mother' else 'father' end,
          case when (h / 23) % 20 = 0 then null else ${pick(ethnicities, 'h / 29')} end,
          case when (h / 31) % 20 = 0 then null else ${pick(firstLanguages, 'h / 37')} end,
          case when (h / 41) % 20 = 0 then null when (h / 41) % 20 = 1 then 'prefer_not_to_say' when (h / 41) % 20 < 5 then 'yes' else 'no' end
        from bench_referral where has_person`,
    ],
    [
      'meetings',
      `insert into meeting (id, authority_id, type, meeting_date, meeting_time, venue, created_at, updated_at)
        select mid, aid, case when h % 10 < 6 then 'initial_conference' when h % 10 < 9 then 'review_conference' else 'core_group' end,
          meeting_on, (array['09:30', '10:00', '13:30', '15:00'])[1 + h % 4], (array['Online (Teams)', 'Town Hall, Room 2', 'Family home'])[1 + h % 3],
          created_at, created_at
        from bench_referral where has_meeting`,
    ],
    [
      'referrals',
      `insert into referral (id, authority_id, reference, referrer_id, person_id, meeting_id, stage, state, waiting_on_team_id, waiting_on_user_id,
          step_due_on, step_entered_at, assigned_manager_id, due_by, late, late_reason, sent_at, closed_at, closed_reason, closed_details,
          referrer_read_at, created_at, updated_at, version)
        select rid, aid, 'ADV-' || case when k < 100000 then lpad(k::text, 5, '0') else k::text end, referrer_id,
          case when has_person then pid end, case when has_meeting then mid end, 'child_protection', state,
          case when state in ('awaiting_admin', 'in_review') then team_id end,
          case when state in ('draft', 'returned') then referrer_id when state in ('awaiting_decision', 'awaiting_sign_off') then manager_id
            when state = 'awaiting_advocate' then advocate_user_id end,
          case when state in (${openList}) then current_date + (h / 17) % 40 - 12 end,
          last_at,
          case when state not in ('draft', 'awaiting_admin') and path <> 'withdrawn_lapsed' and path <> 'withdrawn_sent' then manager_id end,
          case when has_meeting then meeting_on - 7 end,
          state <> 'draft' and path <> 'withdrawn_lapsed' and h % 25 = 0,
          case when state <> 'draft' and path <> 'withdrawn_lapsed' and h % 25 = 0 then 'The conference date was only set this week.' end,
          case when state <> 'draft' and path <> 'withdrawn_lapsed' then created_at + interval '1 day' end,
          case when ended then last_at end,
          case when state = 'completed' then 'completed' when state = 'no_further_action' then 'no_further_action'
            when path = 'withdrawn_lapsed' then 'lapsed' when path = 'withdrawn_sent' then (array['consent_withdrawn', 'meeting_cancelled', 'made_in_error', 'other'])[1 + h % 4] end,
          case when path = 'withdrawn_sent' and h % 4 = 3 then 'The family moved to another authority.' end,
          case when ended and h % 40 <> 0 then last_at + interval '1 day' end,
          created_at, last_at, steps
        from bench_referral`,
    ],
    [
      'children',
      `with children as (
          insert into person (authority_id, family_group_id, kind, given_name, family_name, date_of_birth, created_by, created_at, updated_at)
          select aid, fid, 'child', ${pick(givenNames, 'h / 3 + c * 7')}, ${pick(familyNames, 'h / 7')}, current_date - (300 + (h / 11 + c * 700) % 5500),
            referrer_id, created_at, created_at
          from bench_referral cross join lateral generate_series(1, 1 + h % 3) c
          where has_person
          returning id, family_group_id, authority_id
        )
        insert into referral_child (referral_id, person_id, authority_id)
        select r.rid, children.id, children.authority_id from children join bench_referral r on r.fid = children.family_group_id`,
    ],
    [
      'section 1',
      `insert into section_one (referral_id, authority_id, consent_given, consent_method, consent_date, reason, has_preference, preference_details,
          preferred_gender, preferred_languages, interpreter_needed, has_disability, has_other_needs, domestic_abuse_between_parents, safety_notes,
          updated_by, updated_at)
        select rid, aid, true, 'verbal', created_at::date,
          'The parent finds meetings about the children hard to follow and wants help to make her views heard at the conference.',
          case when state = 'draft' then null else h % 5 = 0 end,
          case when state <> 'draft' and h % 5 = 0 then 'Would prefer a woman who speaks Polish.' end,
          case when state <> 'draft' and h % 5 = 0 then 'woman' end,
          case when state <> 'draft' and h % 5 = 0 then array['Polish']::text[] else '{}'::text[] end,
          case when state <> 'draft' and h % 5 = 0 then false end,
          case when state = 'draft' then null else false end,
          case when state = 'draft' then null else false end,
          case when state = 'draft' then null else false end,
          case when state = 'draft' then null else 'None known.' end,
          referrer_id, created_at
        from bench_referral where has_person`,
    ],
    [
      'decisions',
      `insert into decision (referral_id, authority_id, next_action, reasons, advocate_type, priority, decided_by, decided_at)
        select rid, aid, case when state = 'no_further_action' then 'no_further_action' else 'child_protection_advocacy_review' end,
          'The parent meets the criteria for advocacy and has asked for it.',
          case when state <> 'no_further_action' then (array['parent_peer_advocate', 'parent_peer_advocate', 'professional_advocate'])[1 + h % 3] end,
          case when state <> 'no_further_action' then (array['standard', 'standard', 'high', 'urgent'])[1 + h % 4] end,
          manager_id, created_at + interval '3 days'
        from bench_referral where state in ('in_review', 'awaiting_advocate', 'awaiting_sign_off', 'completed', 'no_further_action')`,
    ],
    [
      'reviews',
      `insert into review (referral_id, authority_id, advocate_name, advocate_type, advocate_recorded_by, advocate_recorded_at, contact_count,
          contact_summary, advocate_attended, views_heard, meeting_outcome, minutes_spent, outcome_recorded_by, outcome_recorded_at, updated_at)
        select r.rid, r.aid, case when allocated then a.given_name || ' ' || a.family_name end, case when allocated then a.kind end,
          case when allocated then r.admin_id end, case when allocated then r.created_at + interval '5 days' end,
          case when outcome then 2 end, case when outcome then 'Met twice before the conference and went with her.' end,
          case when outcome then 'yes' end, case when outcome then (array['yes', 'partly'])[1 + r.h % 2] end,
          case when outcome then (array['child_protection_plan', 'plan_continued', 'child_in_need_plan', 'plan_ended'])[1 + r.h % 4] end,
          case when outcome then 180 + r.h % 240 end, case when outcome then r.admin_id end,
          case when outcome then r.created_at + interval '6 days' end, r.last_at
        from (
          select *, path in ('in_review_allocated', 'awaiting_sign_off', 'completed') as allocated, state in ('awaiting_sign_off', 'completed') as outcome
          from bench_referral where state in ('in_review', 'awaiting_advocate', 'awaiting_sign_off', 'completed')
        ) r
        join advocate a on a.id = r.advocate_id`,
    ],
    [
      'allocations',
      `insert into allocation (authority_id, referral_id, advocate_id, status, offered_by, offered_at, respond_by, responded_at, answered_by, ended_at, ended_reason)
        select aid, rid, advocate_id,
          case when state = 'awaiting_advocate' then 'offered' when state = 'completed' then 'ended' else 'accepted' end,
          admin_id, created_at + interval '4 days',
          case when state = 'awaiting_advocate' then current_date + 2 + interval '17 hours' else created_at + interval '6 days' end,
          case when state <> 'awaiting_advocate' then created_at + interval '5 days' end,
          case when state <> 'awaiting_advocate' then coalesce(advocate_user_id, admin_id) end,
          case when state = 'completed' then last_at end, case when state = 'completed' then 'complete' end
        from bench_referral where path in ('in_review_allocated', 'awaiting_advocate', 'awaiting_sign_off', 'completed')`,
    ],
    [
      'contacts',
      `insert into advocacy_contact (authority_id, referral_id, advocate_id, contacted_on, method, minutes, notes, created_by, created_at)
        select aid, rid, advocate_id, created_at::date + 5 + c, (array['in_person', 'phone', 'video', 'message'])[1 + (h + c) % 4], 30 + (h + c * 7) % 90,
          'Talked through the conference report together.', coalesce(advocate_user_id, admin_id), created_at + make_interval(days => 5 + c)
        from bench_referral cross join generate_series(1, 2) c
        where path in ('in_review_allocated', 'awaiting_sign_off', 'completed')`,
    ],
    [
      'views',
      `insert into person_views (referral_id, authority_id, views, person_agreed_to_share, agreed_on, shared_at, shared_by, updated_by, updated_at)
        select rid, aid, 'I want the conference to know how hard I have worked since the last meeting.', h % 2 = 0,
          case when h % 2 = 0 then created_at::date + 6 end, case when h % 4 = 0 then created_at + interval '7 days' end,
          case when h % 4 = 0 then admin_id end, coalesce(advocate_user_id, admin_id), created_at + interval '6 days'
        from bench_referral where path in ('in_review_allocated', 'awaiting_sign_off', 'completed')`,
    ],
    [
      'readiness',
      `insert into meeting_readiness (meeting_id, authority_id, report_shared_on, chair_met_on, fgc_status, fgc_why_not, interpreter_booked, interpreter_language,
          adjustments_in_place, advocate_met_on, venue_confirmed, attended, report_received_in_time, chair_met_before, updated_by, created_at, updated_at)
        select mid, aid, case when h % 10 < 8 then meeting_on - (1 + h % 5) end, case when (h / 3) % 10 < 6 then meeting_on - 1 end,
          case when (h / 7) % 6 = 0 then null else (array['offered', 'accepted', 'held', 'declined', 'not_possible'])[1 + (h / 7) % 5] end,
          case when (h / 7) % 6 <> 0 and (h / 7) % 5 = 4 then 'The conference was set for the next week.' end,
          h % 5 = 0, case when h % 5 = 0 then 'Polish' end, h % 7 = 0,
          case when path in ('in_review_allocated', 'awaiting_sign_off', 'completed') then created_at::date + 6 end, true,
          case when state in ('awaiting_sign_off', 'completed') then h % 20 <> 0 end,
          case when state in ('awaiting_sign_off', 'completed') then (h / 11) % 10 < 7 end,
          case when state in ('awaiting_sign_off', 'completed') then (h / 3) % 10 < 6 end,
          admin_id, created_at + interval '4 days', created_at + interval '6 days'
        from bench_referral where has_meeting and state not in ('draft', 'awaiting_admin') and path <> 'withdrawn_lapsed' and h % 10 < 9`,
    ],
    [
      'child offers',
      // The children of initial and review conferences: four in five have an answer recorded (the
      // rest are still "offered"), most accept; a child under 4 is answered for by a carer, who
      // gives a reason when they decline.
      `insert into child_advocacy_offer (authority_id, meeting_id, person_id, answer, who_answered, speaker_name, speaker_relationship, reason,
          communicates, answered_by, answered_at, created_at, updated_at)
        select aid, mid, child_id, answer, case when answer <> 'waiting' then case when young then 'someone_for_them' else 'child' end end,
          case when answer <> 'waiting' and young then 'A carer' end, case when answer <> 'waiting' and young then 'Foster carer' end,
          case when answer = 'declined' and young then 'Too young to take part; the carer will pass on how the child is.' end,
          case when young then '{}'::text[] else array['speaks']::text[] end, admin_id, created_at + interval '4 days', created_at + interval '4 days',
          created_at + interval '4 days'
        from (
          select r.aid, r.mid, r.admin_id, r.created_at, rc.person_id as child_id, c.date_of_birth > r.meeting_on - interval '4 years' as young,
            case when (r.h::bigint + (hashtext(rc.person_id::text) & 2147483647)) % 10 < 6 then 'accepted'
              when (r.h::bigint + (hashtext(rc.person_id::text) & 2147483647)) % 10 < 8 then 'declined' else 'waiting' end as answer,
            (r.h::bigint + (hashtext(rc.person_id::text) & 2147483647)) % 5 as skip
          from bench_referral r
          join referral_child rc on rc.referral_id = r.rid
          join person c on c.id = rc.person_id
          where r.has_meeting and r.h % 10 < 9 and r.state not in ('draft', 'awaiting_admin') and r.path <> 'withdrawn_lapsed'
        ) offers
        where skip <> 0`,
    ],
    [
      'consultations',
      // Children of 4 or more at a review conference (ADR 31): most took part (on their own pages,
      // with their advocate or on paper; the youngest always with a trusted adult), some did not,
      // some have nothing recorded.
      `insert into child_consultation (authority_id, meeting_id, person_id, status, age_band, done_how, helper_name, helper_relationship, answers,
          share_with, decline_reason, decline_detail, recorded_by, recorded_at, updated_at)
        select aid, mid, child_id, status, band, how, case when status = 'completed' and (band = '4_to_7' or pick % 2 = 0) then 'A trusted adult' end,
          case when status = 'completed' and (band = '4_to_7' or pick % 2 = 0) then 'Teacher' end,
          case when status = 'completed' then '{"home": "okay", "school": "happy"}'::jsonb else '{}'::jsonb end,
          case when status = 'completed' and pick % 3 <> 0 then array['chair']::text[] else '{}'::text[] end,
          case when status = 'declined' then case when pick % 2 = 0 then 'child_did_not_want' else 'carer_says_cannot' end end,
          case when status = 'declined' and pick % 2 = 1 then 'The carer says the child is not ready.' end,
          case when how <> 'own_pages' then admin_id end, meeting_on - 4, meeting_on - 4
        from (
          select r.aid, r.mid, r.admin_id, r.meeting_on, rc.person_id as child_id,
            case when c.date_of_birth > r.meeting_on - interval '8 years' then '4_to_7'
              when c.date_of_birth > r.meeting_on - interval '12 years' then '8_to_11' else '12_and_over' end as band,
            (r.h::bigint + (hashtext(rc.person_id::text) & 2147483647)) % 20 as pick,
            case when (r.h::bigint + (hashtext(rc.person_id::text) & 2147483647)) % 20 < 14 then 'completed' else 'declined' end as status,
            (array['own_pages', 'with_advocate', 'with_advocate', 'on_paper'])[1 + (r.h::bigint + (hashtext(rc.person_id::text) & 2147483647)) % 4] as how
          from bench_referral r
          join referral_child rc on rc.referral_id = r.rid
          join person c on c.id = rc.person_id
          where r.has_meeting and r.h % 10 between 6 and 8 and r.state not in ('draft', 'awaiting_admin') and r.path <> 'withdrawn_lapsed'
            and c.date_of_birth <= r.meeting_on - interval '4 years'
        ) due
        where pick <> 19`,
    ],
    [
      'feedback',
      `insert into feedback_request (referral_id, authority_id, meeting_id, state, changed_by, changed_at)
        select rid, aid, mid, case when h % 20 < 14 then 'given' when h % 20 < 17 then 'declined' else 'later' end, admin_id, meeting_on + interval '12 hours'
        from bench_referral where state = 'completed' and has_meeting`,
    ],
    [
      'feedback',
      // Answers given in every way: the kiosk on the day, the debrief and the person's own pages
      // days later, a card, paper; in the person's language; some words agreed to be quoted.
      `insert into feedback_response (authority_id, referral_id, meeting_id, channel, language, listened, understood, advocate_helped, reports_in_time,
          chair_met_first, better, days_after, entered_by, given_at, may_quote)
        select aid, rid, mid, channel, ${pick(['en', 'en', 'en', 'en', 'en', 'en', 'es', 'ar'], 'h / 43')},
          (array['yes', 'yes', 'a_bit', 'no'])[1 + (h / 3) % 4], (array['yes', 'a_bit', 'yes', 'no'])[1 + (h / 5) % 4],
          (array['yes', 'yes', 'yes', 'a_bit', 'no'])[1 + (h / 7) % 5], (array['yes', 'no', 'not_sure'])[1 + (h / 11) % 3],
          (array['yes', 'no', 'not_sure'])[1 + (h / 13) % 3],
          case when (h / 17) % 5 < 2 then ${pick(betterWords, 'h / 47')} end,
          days_after, case when channel = 'paper' then admin_id when channel = 'debrief' then coalesce(advocate_user_id, admin_id) end,
          meeting_on + make_interval(days => days_after, hours => 12), case when (h / 17) % 5 < 2 then (array['yes', 'no'])[1 + (h / 53) % 2] end
        from (
          select *, (array['kiosk', 'kiosk', 'debrief', 'debrief', 'debrief', 'own_pages', 'own_pages', 'card', 'paper', 'paper'])[1 + (h / 59) % 10] as channel
          from bench_referral where state = 'completed' and has_meeting and h % 20 < 14
        ) answered
        cross join lateral (select case channel when 'kiosk' then 0 when 'debrief' then 1 + h % 10 when 'paper' then h % 21 else 2 + h % 13 end as days_after) days`,
    ],
    [
      'feedback',
      `insert into feedback_theme (authority_id, name, created_at, updated_at)
        select id, theme, now() - interval '3 years', now() - interval '3 years'
        from bench_authority cross join unnest(${textArray(themeNames)}) theme`,
    ],
    [
      'feedback',
      `create temporary table bench_theme as
        select id, authority_id, row_number() over (partition by authority_id order by name) - 1 as n from feedback_theme`,
    ],
    [
      'feedback',
      `insert into feedback_coding (response_id, authority_id, may_quote, quote, coded_by, coded_at)
        select f.id, f.authority_id, f.may_quote, case when f.may_quote = 'yes' then f.better end, r.admin_id, f.given_at + interval '3 days'
        from feedback_response f join bench_referral r on r.rid = f.referral_id
        where f.better is not null and r.h % 3 <> 0`,
    ],
    [
      'feedback',
      `insert into feedback_coding_theme (response_id, theme_id, authority_id)
        select c.response_id, t.id, c.authority_id
        from feedback_coding c join bench_theme t on t.authority_id = c.authority_id and t.n = (hashtext(c.response_id::text) & 2147483647) % ${themeNames.length}`,
    ],
    [
      'timeline',
      `insert into referral_event (authority_id, referral_id, event, from_state, to_state, actor_id, at, note)
        select r.aid, r.rid, p.event, p.from_state, p.to_state,
          case p.actor when 'referrer' then r.referrer_id when 'admin' then r.admin_id when 'manager' then r.manager_id
            when 'advocate' then coalesce(r.advocate_user_id, r.admin_id) end,
          r.created_at + make_interval(days => p.seq - 1),
          case when p.event = 'return_for_information' then 'Please say what the parent has been told about the conference.' end
        from bench_referral r join bench_path p on p.path = r.path
        order by r.g, p.seq`,
    ],
    [
      'audit',
      `insert into audit_event (authority_id, actor_id, action, record_type, record_id, at, details)
        select r.aid, case p.actor when 'referrer' then r.referrer_id when 'admin' then r.admin_id when 'manager' then r.manager_id
            when 'advocate' then coalesce(r.advocate_user_id, r.admin_id) end,
          'referral.' || p.event, 'referral', r.rid::text, r.created_at + make_interval(days => p.seq - 1),
          jsonb_build_object('from', p.from_state, 'to', p.to_state)
        from bench_referral r join bench_path p on p.path = r.path
        union all
        select r.aid, case v when 1 then r.referrer_id when 2 then r.admin_id else r.manager_id end, 'referral.viewed', 'referral', r.rid::text,
          r.created_at + make_interval(hours => v * 5), '{}'::jsonb
        from bench_referral r cross join generate_series(1, 3) v`,
    ],
  ]

  // One transaction: a step that fails leaves the database as it was.
  await db.transaction().execute(async (connection) => {
    // Consecutive statements of one step are reported together.
    let step = { name: '', rows: 0, began: performance.now() }
    for (const [name, statement] of steps) {
      if (name !== step.name) {
        if (step.name) log(step.name, step.rows, performance.now() - step.began)
        step = { name, rows: 0, began: performance.now() }
      }
      const result = await sql.raw(statement).execute(connection)
      step.rows += Number(result.numAffectedRows ?? 0)
    }
    log(step.name, step.rows, performance.now() - step.began)
    for (const table of [
      'bench_theme',
      'bench_referral',
      'bench_plan',
      'bench_steps',
      'bench_pick',
      'bench_path',
      'bench_shape',
      'bench_advocate',
      'bench_staff',
      'bench_authority',
    ]) {
      await sql.raw(`drop table ${table}`).execute(connection)
    }
  })
  // Vacuumed as well as analysed, outside the transaction: a service's tables are kept so by
  // autovacuum, and a table nobody has vacuumed yet has no visibility map, so a count the index
  // could answer alone reads every row from the table instead (40,000 referrals: 25 ms, not 5).
  const began = performance.now()
  await sql`vacuum (analyze)`.execute(db)
  log('vacuum, analyze', 0, performance.now() - began)
}
