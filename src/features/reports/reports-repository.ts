import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import { bringFactsUpToDate } from './referral-facts-repository.ts'
import { dimensions, type ReferralFigures } from './quarterly-return.ts'

/**
 * The reports' queries: read-only aggregates over other features' tables (referrals, people,
 * decisions, allocations, contacts, teams, public requests, the advocate pool). This repository
 * writes nothing and owns no table (README). Every query names the authority, counts in the
 * database (never a row per person leaves it), and reads referrals by the day they were sent
 * (`referral_sent`, migration 0016).
 *
 * A window is the period's first instant and the instant after its last day, in UK time.
 */

export interface Window {
  readonly start: Date
  readonly end: Date
  /** The same period as UK dates, both included, for `date` columns. */
  readonly from: string
  readonly to: string
}

/**
 * The referrals sent in the window, one row per referral with what the figures need and each
 * person's equality groups: their facts (`referral-facts-repository.ts`), which `bringFactsUpToDate` must have
 * brought up to date first.
 */
function cohort(authorityId: string, window: Window) {
  return sql`
    select * from referral_fact
    where authority_id = ${authorityId} and sent_at >= ${window.start} and sent_at < ${window.end}`
}

/** What each count of the referral figures counts, as SQL over one referral of the cohort. */
const countedWhere: Readonly<Record<string, string>> = {
  referrals: 'true',
  'stage.early_help': "stage = 'early_help'",
  'stage.child_in_need': "stage = 'child_in_need'",
  'stage.child_protection': "stage = 'child_protection'",
  'stage.not_recorded': 'stage is null',
  'meeting.initial_conference': "meeting_type = 'initial_conference'",
  'meeting.review_conference': "meeting_type = 'review_conference'",
  'meeting.core_group': "meeting_type = 'core_group'",
  'meeting.child_in_need_review': "meeting_type = 'child_in_need_review'",
  'meeting.early_help_meeting': "meeting_type = 'early_help_meeting'",
  'meeting.family_group_conference': "meeting_type = 'family_group_conference'",
  'meeting.other': "meeting_type = 'other'",
  'meeting.not_recorded': 'meeting_type is null',
  'timeliness.on_time': 'due_by is not null and not late',
  'timeliness.late': 'late',
  'timeliness.no_deadline': 'due_by is null and not late',
  'late.with_reason': 'late and late_reason is not null',
  'late.without_reason': 'late and late_reason is null',
  'decision.progressed': "next_action = 'child_protection_advocacy_review'",
  'decision.no_further_action': "next_action = 'no_further_action'",
  'decision.undecided': 'next_action is null',
  withdrawn: "closed_reason in ('consent_withdrawn', 'meeting_cancelled', 'made_in_error', 'other')",
  'withdrawn.consent_withdrawn': "closed_reason = 'consent_withdrawn'",
  'withdrawn.meeting_cancelled': "closed_reason = 'meeting_cancelled'",
  'withdrawn.made_in_error': "closed_reason = 'made_in_error'",
  'withdrawn.other': "closed_reason = 'other'",
  'allocation.any': 'allocated_kind is not null',
  'allocation.parent_peer_advocate': "allocated_kind = 'parent_peer_advocate'",
  'allocation.professional_advocate': "allocated_kind = 'professional_advocate'",
  'allocation.local_service': "allocated_kind = 'local_service'",
  'allocation.none': 'allocated_kind is null',
  'preference.language.asked': "language_met in ('met', 'not_met', 'interpreter')",
  'preference.language.met': "language_met = 'met'",
  'preference.language.interpreter': "language_met = 'interpreter'",
  'preference.language.not_met': "language_met = 'not_met'",
  'preference.gender.asked': "gender_met in ('met', 'not_met')",
  'preference.gender.met': "gender_met = 'met'",
  'preference.gender.not_met': "gender_met = 'not_met'",
  'preference.heritage.asked': "heritage_met in ('met', 'not_met')",
  'preference.heritage.met': "heritage_met = 'met'",
  'preference.heritage.not_met': "heritage_met = 'not_met'",
  // Meetings with an advocate (peer or professional) in place in time: accepted before the meeting's day.
  'in_place.in_time': 'meeting_date is not null and advocate_on < meeting_date',
  'in_place.late': 'meeting_date is not null and advocate_on >= meeting_date',
  'in_place.no_advocate': 'meeting_date is not null and advocate_on is null',
  'in_place.no_meeting': 'meeting_date is null',
  // The Advocacy Outcome (the review's record, the authority's): did the advocate attend, were the person's views heard.
  'outcome.recorded': 'advocate_attended is not null',
  'outcome.not_recorded': 'advocate_attended is null',
  'outcome.attended.yes': "advocate_attended = 'yes'",
  'outcome.attended.no': "advocate_attended = 'no'",
  'outcome.attended.meeting_not_held': "advocate_attended = 'meeting_not_held'",
  'outcome.views.yes': "advocate_attended is not null and views_heard = 'yes'",
  'outcome.views.partly': "advocate_attended is not null and views_heard = 'partly'",
  'outcome.views.no': "advocate_attended is not null and views_heard = 'no'",
  'outcome.views.not_recorded': 'advocate_attended is not null and views_heard is null',
  // The person's views, prepared with their advocate (the advocacy record, ADR 7), and shared with the chair.
  'views.shared': 'views_shared',
  'views.prepared_not_shared': 'views_prepared and not views_shared',
  'views.none': 'not views_prepared and not views_shared',
  // Meeting readiness, for a child protection conference (initial or review), as recorded for its meeting.
  'readiness.conferences': "meeting_type in ('initial_conference', 'review_conference')",
  'readiness.report_in_time': "meeting_type in ('initial_conference', 'review_conference') and report_in_time",
  'readiness.chair_met': "meeting_type in ('initial_conference', 'review_conference') and chair_met",
  'readiness.fgc_offered': "meeting_type in ('initial_conference', 'review_conference') and fgc_offered",
  'readiness.interpreter_needed': "meeting_type in ('initial_conference', 'review_conference') and interpreter_needed",
  'readiness.interpreter_booked': "meeting_type in ('initial_conference', 'review_conference') and interpreter_needed and interpreter_booked",
  'readiness.achieved':
    "meeting_type in ('initial_conference', 'review_conference') and report_in_time and chair_met and fgc_offered and (not interpreter_needed or interpreter_booked)",
}

/** The referral figures that add up (a referral's counts, and its offers declined and lapsed): summed from the finest grain. */
const summedKeys = [...Object.keys(countedWhere), 'offers.declined', 'offers.lapsed']

/** The figures a list of referrals can be drawn from: every count of one referral each (not people, offers or medians), and each referrer's team. */
export function isDrillable(key: string): boolean {
  return Object.hasOwn(countedWhere, key) || key.startsWith('team.')
}

/** The figures that read the advocacy record (`person_views`: views prepared with the advocate), which is the advocacy service's alone (ADR 7). */
export function readsAdvocacyRecord(key: string): boolean {
  return key.startsWith('views.')
}

/**
 * The one definition of which referrals of the cohort a figure counts: the grouping-sets query
 * counts with it, and the list behind a figure selects with it, so the two cannot drift. A team's
 * figure (`team.<name>`, `team.` for no team) is the referrer's first team by name.
 */
function whereOf(key: string) {
  const where = countedWhere[key]
  if (where !== undefined) return sql.raw(where)
  if (key.startsWith('team.')) {
    const name = key.slice('team.'.length)
    return name === '' ? sql`team is null` : sql`team = ${name}`
  }
  throw new Error(`No such figure: ${key}`)
}

/** The windows as rows (`i`, its first instant, the instant after it) to join the referrals sent in each to. */
export function windowRows(windows: readonly Window[]) {
  return sql.join(windows.map((window, index) => sql`(${index}::int, ${window.start}::timestamptz, ${window.end}::timestamptz)`))
}

/** The span of several windows: from the first one's start to the last one's end. */
export function spanOf(windows: readonly Window[]): Window {
  const first = windows.reduce((earliest, window) => (window.start < earliest.start ? window : earliest))
  const last = windows.reduce((latest, window) => (window.end > latest.end ? window : latest))
  return { start: first.start, end: last.end, from: first.from, to: last.to }
}

/**
 * The referral figures of each window, for everyone and split by each equality dimension. Each
 * referral of the windows' span is read and joined once, then counted in every window it was sent
 * in (a quarter and its year): the annual evaluation's ten periods are two queries, not ten. The
 * counts are counted at the finest grain (a window and one group of every dimension at once), each
 * referral once instead of once per dimension, and that is summed for everyone, each team and each
 * group with grouping sets, in the database (a few hundred rows leave it); what does not add up
 * (distinct people, medians) is a second, narrower query with grouping sets.
 */
export async function referralFiguresByWindow(db: Queryable, authorityId: string, windows: readonly Window[]): Promise<ReferralFigures[][]> {
  return (await referralAndTeamFiguresByWindow(db, authorityId, windows)).figures
}

/** Each window's referrals by the referrer's team, from the same pass as the referral figures. */
export type TeamFigures = { team: string | null; referrals: number }[]

/** The referral figures and the referrals by team of each window: the same two queries (`referralFiguresByWindow`). */
export async function referralAndTeamFiguresByWindow(
  db: Queryable,
  authorityId: string,
  windows: readonly Window[],
): Promise<{ figures: ReferralFigures[][]; teams: TeamFigures[] }> {
  if (windows.length === 0) return { figures: [], teams: [] }
  await bringFactsUpToDate(db, authorityId)
  const counts = Object.keys(countedWhere).map((key) => sql`count(*) filter (where ${whereOf(key)})::int as ${sql.raw(`"${key}"`)}`)
  const from = sql`
    with cohort as (${cohort(authorityId, spanOf(windows))}),
    windows (i, window_start, window_end) as (values ${windowRows(windows)})`
  const joined = sql`from cohort join windows on cohort.sent_at >= windows.window_start and cohort.sent_at < windows.window_end`
  const sums = summedKeys.map((key) => sql`sum(${sql.id(key)})::int as ${sql.id(key)}`)
  const [finest, rest] = await Promise.all([
    // Counted once at the finest grain (a window and one group of every dimension at once), then
    // summed in the database for everyone, each team and each group: a few hundred rows leave it.
    sql<Record<string, unknown>>`${from},
      finest as (
        select windows.i, team, relationship, age_group, ethnic_group, language_group, disability_group,
          ${sql.join(counts)},
          coalesce(sum(offers_declined), 0)::int as "offers.declined",
          coalesce(sum(offers_lapsed), 0)::int as "offers.lapsed"
        ${joined}
        group by windows.i, team, relationship, age_group, ethnic_group, language_group, disability_group
      )
      select i, grouping(team) as g_team, ${sql.join(dimensions.map((dimension) => sql`grouping(${sql.id(dimension)}) as ${sql.id(`g_${dimension}`)}`))},
        team, relationship, age_group, ethnic_group, language_group, disability_group,
        ${sql.join(sums)}
      from finest
      group by grouping sets ((i), (i, team), ${sql.join(dimensions.map((dimension) => sql`(i, ${sql.id(dimension)})`))})`.execute(db),
    sql<Record<string, unknown>>`${from}
      select
        windows.i,
        grouping(relationship) as g_relationship,
        grouping(age_group) as g_age_group,
        grouping(ethnic_group) as g_ethnic_group,
        grouping(language_group) as g_language_group,
        grouping(disability_group) as g_disability_group,
        relationship, age_group, ethnic_group, language_group, disability_group,
        count(distinct person_id)::int as "people.referred",
        count(distinct person_id) filter (where allocated_kind is not null)::int as "people.supported",
        percentile_cont(0.5) within group (order by days_to_decision) as "median.daysToDecision",
        percentile_cont(0.5) within group (order by days_to_allocation) as "median.daysToAllocation",
        percentile_cont(0.5) within group (order by days_to_first_meeting) as "median.daysToFirstMeeting",
        count(days_to_decision)::int as "of.daysToDecision",
        count(days_to_allocation)::int as "of.daysToAllocation",
        count(days_to_first_meeting)::int as "of.daysToFirstMeeting"
      ${joined}
      group by grouping sets ((windows.i), (windows.i, relationship), (windows.i, age_group), (windows.i, ethnic_group), (windows.i, language_group),
        (windows.i, disability_group))`.execute(db),
  ])
  // Each window's counts for everyone and for each group, and its referrals by team.
  const summed = new Map<string, Record<string, number>>()
  const teams = windows.map(() => new Map<string | null, number>())
  for (const row of finest.rows) {
    const i = Number(row['i'])
    if (Number(row['g_team']) === 0) {
      teams[i]?.set(typeof row['team'] === 'string' ? row['team'] : null, Number(row['referrals']))
      continue
    }
    const dimension = dimensions.find((name) => Number(row[`g_${name}`]) === 0)
    const rowCounts: Record<string, number> = {}
    for (const key of summedKeys) rowCounts[key] = Number(row[key])
    summed.set(dimension === undefined ? `${i}|` : `${i}|${dimension}|${String(row[dimension])}`, rowCounts)
  }
  const byWindow: ReferralFigures[][] = windows.map(() => [])
  for (const row of rest.rows) {
    const figures = referralFiguresOfRow(row)
    const key = figures.dimension === null ? `${Number(row['i'])}|` : `${Number(row['i'])}|${figures.dimension}|${figures.group}`
    byWindow[Number(row['i'])]?.push({ ...figures, counts: { ...summed.get(key), ...figures.counts } })
  }
  for (const figures of byWindow) if (!figures.some((row) => row.dimension === null)) figures.unshift(noReferrals())
  // By team name, no team last (as `referralsByTeam` orders them).
  const teamRows = teams.map((byTeam) =>
    [...byTeam.entries()]
      .map(([team, referrals]) => ({ team, referrals }))
      .sort((a, b) => (a.team === null ? 1 : b.team === null ? -1 : a.team < b.team ? -1 : a.team > b.team ? 1 : 0)),
  )
  return { figures: byWindow, teams: teamRows }
}

/** The referral figures of one window (`referralFiguresByWindow` for one). */
export async function referralFigures(db: Queryable, authorityId: string, window: Window): Promise<ReferralFigures[]> {
  return (await referralFiguresByWindow(db, authorityId, [window]))[0] ?? []
}

function referralFiguresOfRow(row: Record<string, unknown>): ReferralFigures {
  const dimension = dimensions.find((name) => Number(row[`g_${name}`]) === 0) ?? null
  const rowCounts: Record<string, number> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key === 'i' || key.startsWith('g_') || key.startsWith('median.') || key.startsWith('of.') || (dimensions as readonly string[]).includes(key)) continue
    rowCounts[key] = Number(value)
  }
  const median = (name: string) => (row[`median.${name}`] === null ? null : Number(row[`median.${name}`]))
  return {
    dimension,
    group: dimension === null ? null : String(row[dimension]),
    counts: rowCounts,
    medians: { daysToDecision: median('daysToDecision'), daysToAllocation: median('daysToAllocation'), daysToFirstMeeting: median('daysToFirstMeeting') },
    medianOf: {
      daysToDecision: Number(row['of.daysToDecision']),
      daysToAllocation: Number(row['of.daysToAllocation']),
      daysToFirstMeeting: Number(row['of.daysToFirstMeeting']),
    },
  }
}

/** What a window with no referral sent counts (as the grouping set over no rows gave: every count 0, no medians). */
function noReferrals(): ReferralFigures {
  const keys = [...summedKeys, 'people.referred', 'people.supported']
  return {
    dimension: null,
    group: null,
    counts: Object.fromEntries(keys.map((key) => [key, 0])),
    medians: { daysToDecision: null, daysToAllocation: null, daysToFirstMeeting: null },
    medianOf: { daysToDecision: 0, daysToAllocation: 0, daysToFirstMeeting: 0 },
  }
}

/**
 * The children named on each window's referrals: all of them, and those whose parent was allocated
 * support (distinct children). Supported is the cohort's "an allocation exists" (`allocated_kind` is
 * never null then: an allocation names an advocate or a local service); one query for every window.
 */
export async function childFiguresByWindow(db: Queryable, authorityId: string, windows: readonly Window[]): Promise<{ referred: number; supported: number }[]> {
  if (windows.length === 0) return []
  await bringFactsUpToDate(db, authorityId)
  const result = await sql<{ i: number; referred: number; supported: number }>`
    with windows (i, window_start, window_end) as (values ${windowRows(windows)})
    select
      windows.i,
      count(distinct rc.person_id)::int as referred,
      count(distinct rc.person_id) filter (where f.allocated_kind is not null)::int as supported
    from (${cohort(authorityId, spanOf(windows))}) f
    join windows on f.sent_at >= windows.window_start and f.sent_at < windows.window_end
    join referral_child rc on rc.referral_id = f.referral_id and rc.authority_id = f.authority_id
    group by windows.i`.execute(db)
  return windows.map((_, index) => {
    const row = result.rows.find((found) => Number(found.i) === index)
    return { referred: Number(row?.referred ?? 0), supported: Number(row?.supported ?? 0) }
  })
}

/** The children named on the window's referrals (`childFiguresByWindow` for one). */
export async function childFigures(db: Queryable, authorityId: string, window: Window): Promise<{ referred: number; supported: number }> {
  return (await childFiguresByWindow(db, authorityId, [window]))[0] ?? { referred: 0, supported: 0 }
}

/**
 * The children of the window's initial and review conferences, each offered an advocate (opt-out,
 * ADR 29: a child with no answer recorded, or `waiting`, is offered and has not answered yet), one
 * per child per conference, and their answers: who gave them, and the children's own referrals
 * started from an acceptance (ADR 30).
 */
export async function childOfferFiguresByWindow(db: Queryable, authorityId: string, windows: readonly Window[]): Promise<Record<string, number>[]> {
  if (windows.length === 0) return []
  await bringFactsUpToDate(db, authorityId)
  // The cohort's referrals of a conference: one pass for every window.
  const result = await sql<Record<string, number>>`
    with windows (i, window_start, window_end) as (values ${windowRows(windows)}),
    offered as (
      select distinct windows.i, f.meeting_id, rc.person_id, coalesce(o.answer, 'waiting') as answer, o.who_answered, o.child_referral_id
      from (${cohort(authorityId, spanOf(windows))}) f
      join windows on f.sent_at >= windows.window_start and f.sent_at < windows.window_end
      join referral_child rc on rc.referral_id = f.referral_id and rc.authority_id = f.authority_id
      left join child_advocacy_offer o on o.meeting_id = f.meeting_id and o.person_id = rc.person_id and o.authority_id = f.authority_id
      where f.meeting_type in ('initial_conference', 'review_conference')
    )
    select
      i,
      count(*)::int as "children.offered",
      count(*) filter (where answer = 'accepted')::int as "children.accepted",
      count(*) filter (where answer = 'accepted' and who_answered = 'child')::int as "children.accepted.child",
      count(*) filter (where answer = 'accepted' and who_answered = 'someone_for_them')::int as "children.accepted.someone_for_them",
      count(*) filter (where answer = 'declined')::int as "children.declined",
      count(*) filter (where answer = 'declined' and who_answered = 'child')::int as "children.declined.child",
      count(*) filter (where answer = 'declined' and who_answered = 'someone_for_them')::int as "children.declined.someone_for_them",
      count(*) filter (where answer = 'waiting')::int as "children.waiting",
      count(*) filter (where child_referral_id is not null)::int as "children.referral_started"
    from offered
    group by i`.execute(db)
  const keys = [
    'offered',
    'accepted',
    'accepted.child',
    'accepted.someone_for_them',
    'declined',
    'declined.child',
    'declined.someone_for_them',
    'waiting',
    'referral_started',
  ]
  return windows.map((_, index) => {
    const row = result.rows.find((found) => Number(found['i']) === index)
    return Object.fromEntries(keys.map((key) => [`children.${key}`, Number(row?.[`children.${key}`] ?? 0)]))
  })
}

/**
 * The children consulted before each window's review conferences (ADR 31): every child of 4 or more
 * on the day of the meeting (or whose date of birth is not known: they are consulted too, the rule
 * `consultationDue` in the consultation feature states) named on a referral for a review conference,
 * once per child per conference, and what was recorded: taken part (and how, with a trusted adult,
 * shared with the chair), did not take part, or nothing recorded.
 */
export async function consultationFiguresByWindow(db: Queryable, authorityId: string, windows: readonly Window[]): Promise<Record<string, number>[]> {
  if (windows.length === 0) return []
  await bringFactsUpToDate(db, authorityId)
  const result = await sql<Record<string, number>>`
    with windows (i, window_start, window_end) as (values ${windowRows(windows)}),
    due as (
      select distinct windows.i, f.meeting_id, rc.person_id, cc.status, cc.done_how, cc.helper_name is not null as helped,
        coalesce('chair' = any(cc.share_with), false) as shared_with_chair
      from (${cohort(authorityId, spanOf(windows))}) f
      join windows on f.sent_at >= windows.window_start and f.sent_at < windows.window_end
      join referral_child rc on rc.referral_id = f.referral_id and rc.authority_id = f.authority_id
      join person c on c.id = rc.person_id and c.authority_id = f.authority_id
      left join child_consultation cc on cc.meeting_id = f.meeting_id and cc.person_id = rc.person_id and cc.authority_id = f.authority_id
      where f.meeting_type = 'review_conference'
        and (c.date_of_birth is null or c.date_of_birth <= (f.meeting_date - interval '4 years')::date)
    )
    select
      i,
      count(*)::int as "consultation.due",
      count(*) filter (where status = 'completed')::int as "consultation.completed",
      count(*) filter (where status = 'declined')::int as "consultation.declined",
      count(*) filter (where status is null)::int as "consultation.not_recorded",
      count(*) filter (where status = 'completed' and done_how = 'own_pages')::int as "consultation.completed.own_pages",
      count(*) filter (where status = 'completed' and done_how = 'with_advocate')::int as "consultation.completed.with_advocate",
      count(*) filter (where status = 'completed' and done_how = 'on_paper')::int as "consultation.completed.on_paper",
      count(*) filter (where status = 'completed' and helped)::int as "consultation.helped",
      count(*) filter (where status = 'completed' and shared_with_chair)::int as "consultation.shared_with_chair"
    from due
    group by i`.execute(db)
  const keys = [
    'due',
    'completed',
    'declined',
    'not_recorded',
    'completed.own_pages',
    'completed.with_advocate',
    'completed.on_paper',
    'helped',
    'shared_with_chair',
  ]
  return windows.map((_, index) => {
    const row = result.rows.find((found) => Number(found['i']) === index)
    return Object.fromEntries(keys.map((key) => [`consultation.${key}`, Number(row?.[`consultation.${key}`] ?? 0)]))
  })
}

/** The children offered an advocate on one window's conferences (`childOfferFiguresByWindow` for one). */
export async function childOfferFigures(db: Queryable, authorityId: string, window: Window): Promise<Record<string, number>> {
  return (await childOfferFiguresByWindow(db, authorityId, [window]))[0] ?? {}
}

/** The window's referrals by the referrer's team (their first team by name; "no team" for a referrer in none). */
export async function referralsByTeam(db: Queryable, authorityId: string, window: Window): Promise<{ team: string | null; referrals: number }[]> {
  await bringFactsUpToDate(db, authorityId)
  const result = await sql<{ team: string | null; referrals: number }>`
    with cohort as (${cohort(authorityId, window)})
    select team, count(*)::int as referrals
    from cohort
    group by team
    order by team nulls last`.execute(db)
  return result.rows.map((row) => ({ team: row.team, referrals: Number(row.referrals) }))
}

/** One referral behind a figure, as the list shows it. */
export interface ReferralBehind {
  readonly id: string
  readonly reference: string
  readonly referrer_id: string
  readonly sent_at: Date
  readonly person_given_name: string | null
  readonly person_family_name: string | null
  readonly team: string | null
}

/**
 * The referrals a figure counts, a page at a time (sent first, then by reference), and how many
 * there are: the cohort and the where-clause the figure is counted with (`whereOf`).
 */
export async function referralsBehind(
  db: Queryable,
  authorityId: string,
  window: Window,
  key: string,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ total: number; rows: ReferralBehind[] }> {
  const where = whereOf(key)
  await bringFactsUpToDate(db, authorityId)
  const [total, rows] = await Promise.all([
    sql<{ total: number }>`
      with cohort as (${cohort(authorityId, window)})
      select count(*)::int as total from cohort where ${where}`.execute(db),
    sql<ReferralBehind>`
      with cohort as (${cohort(authorityId, window)}),
      behind as (select referral_id, team from cohort where ${where})
      select behind.referral_id as id, r.reference, r.referrer_id, r.sent_at, p.given_name as person_given_name, p.family_name as person_family_name, behind.team
      from behind
      join referral r on r.id = behind.referral_id and r.authority_id = ${authorityId}
      left join person p on p.id = r.person_id and p.authority_id = ${authorityId}
      order by r.sent_at, r.reference, r.id
      limit ${page.limit} offset ${page.offset}`.execute(db),
  ])
  return { total: Number(total.rows[0]?.total ?? 0), rows: rows.rows }
}

/** Requests for an advocate from the public pages that came in the window, by where they stand. */
export async function selfRequestFigures(db: Queryable, authorityId: string, window: Window): Promise<Record<string, number>> {
  const result = await sql<Record<string, number>>`
    select
      count(*)::int as "requests",
      count(*) filter (where outcome = 'linked_to_referral')::int as "requests.linked_to_referral",
      count(*) filter (where outcome = 'referral_requested')::int as "requests.referral_requested",
      count(*) filter (where outcome = 'answered')::int as "requests.answered",
      count(*) filter (where outcome is null)::int as "requests.open"
    from advocacy_enquiry
    where authority_id = ${authorityId} and received_at >= ${window.start} and received_at < ${window.end}`.execute(db)
  const row = result.rows[0] ?? {}
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]))
}

/**
 * The parent peer advocate programme: each peer advocate's stage at the end of the window (their
 * last recorded stage change before it, or their stage now when none is recorded), and what
 * happened in the window: new applicants, accreditations, and people who left.
 */
export async function programmeFigures(db: Queryable, authorityId: string, window: Window): Promise<Record<string, number>> {
  const result = await sql<{ total: number; stage: string | null; advocates: number; applied: number; accredited: number; left_in_period: number }>`
    with peers as (
      select
        a.id,
        a.created_at,
        a.accredited_on,
        coalesce(
          (select sc.to_stage from advocate_stage_change sc where sc.advocate_id = a.id and sc.authority_id = a.authority_id and sc.at < ${window.end} order by sc.at desc, sc.id desc limit 1),
          case when not exists (select 1 from advocate_stage_change sc where sc.advocate_id = a.id and sc.authority_id = a.authority_id) then a.stage end
        ) as stage_then,
        exists (select 1 from advocate_stage_change sc where sc.advocate_id = a.id and sc.authority_id = a.authority_id and sc.to_stage = 'left' and sc.at >= ${window.start} and sc.at < ${window.end}) as left_in_period
      from advocate a
      where a.authority_id = ${authorityId} and a.kind = 'parent_peer_advocate' and a.created_at < ${window.end}
    )
    select
      grouping(stage_then) as total,
      stage_then as stage,
      count(*)::int as advocates,
      count(*) filter (where created_at >= ${window.start})::int as applied,
      count(*) filter (where accredited_on between ${window.from} and ${window.to})::int as accredited,
      count(*) filter (where left_in_period)::int as left_in_period
    from peers
    group by grouping sets ((stage_then), ())`.execute(db)
  const figures: Record<string, number> = {}
  for (const row of result.rows) {
    if (Number(row.total) === 1) {
      figures['programme.all'] = Number(row.advocates)
      figures['programme.applied'] = Number(row.applied)
      figures['programme.accredited'] = Number(row.accredited)
      figures['programme.left_in_period'] = Number(row.left_in_period)
    } else figures[`programme.stage.${row.stage ?? 'not_recorded'}`] = Number(row.advocates)
  }
  return figures
}
