import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import { spanOf, windowRows, type Window } from './reports-repository.ts'

/**
 * The people's voices, for the reports: read-only aggregates over the feedback feature's tables
 * (`feedback_response`, `feedback_theme`, `feedback_coding`, `feedback_coding_theme`), counted in the
 * database, by the instant each answer was given. The one thing read that is not a count is the words
 * a person agreed may be quoted, as the advocacy admin wrote them out without names, and nothing
 * else of them (no date, no referral, no channel).
 */

/** Each answer of each question, and "not answered", as SQL over one answer. */
function answersOf(columns: readonly string[], answers: readonly string[]): Record<string, string> {
  const where: Record<string, string> = {}
  for (const column of columns) {
    for (const answer of answers) where[`feedback.${column}.${answer}`] = `${column} = '${answer}'`
    where[`feedback.${column}.not_answered`] = `${column} is null`
  }
  return where
}

/** What each count of the feedback figures counts, as SQL over one answer. */
const feedbackWhere: Readonly<Record<string, string>> = {
  'feedback.responses': 'true',
  ...answersOf(['listened', 'understood', 'advocate_helped'], ['yes', 'a_bit', 'no']),
  ...answersOf(['reports_in_time', 'chair_met_first'], ['yes', 'no', 'not_sure']),
  'feedback.channel.kiosk': "channel = 'kiosk'",
  'feedback.channel.own_pages': "channel = 'own_pages'",
  'feedback.channel.card': "channel = 'card'",
  'feedback.channel.debrief': "channel = 'debrief'",
  'feedback.channel.paper': "channel = 'paper'",
  'feedback.delay.same_day': 'days_after <= 0',
  'feedback.delay.within_a_week': 'days_after between 1 and 7',
  'feedback.delay.within_a_month': 'days_after between 8 and 31',
  'feedback.delay.later': 'days_after > 31',
  'feedback.words': 'better is not null',
}

/**
 * Each window's feedback, counted: every answer of every question, each way of answering, each
 * delay. One pass over the windows' span, each answer counted in every window it was given in (a
 * quarter and its year).
 */
export async function feedbackFiguresByWindow(db: Queryable, authorityId: string, windows: readonly Window[]): Promise<Record<string, number>[]> {
  if (windows.length === 0) return []
  const span = spanOf(windows)
  const counts = Object.entries(feedbackWhere).map(([key, where]) => sql`count(*) filter (where ${sql.raw(where)})::int as ${sql.raw(`"${key}"`)}`)
  const result = await sql<Record<string, unknown>>`
    with windows (i, window_start, window_end) as (values ${windowRows(windows)})
    select windows.i, ${sql.join(counts)}
    from feedback_response
    join windows on given_at >= windows.window_start and given_at < windows.window_end
    where authority_id = ${authorityId} and given_at >= ${span.start} and given_at < ${span.end}
    group by windows.i`.execute(db)
  const byWindow = new Map(result.rows.map((row) => [Number(row['i']), row]))
  return windows.map((_, index) => {
    const row = byWindow.get(index)
    return Object.fromEntries(Object.keys(feedbackWhere).map((key) => [key, Number(row?.[key] ?? 0)]))
  })
}

export interface ThemeFigures {
  readonly themes: { id: string; name: string; retired: boolean; count: number }[]
  readonly coded: number
}

/**
 * Every theme the service keeps (retired ones too), with how many of each window's answers were
 * coded with it; and how many were coded at all.
 */
export async function themeFiguresByWindow(db: Queryable, authorityId: string, windows: readonly Window[]): Promise<ThemeFigures[]> {
  if (windows.length === 0) return []
  const span = spanOf(windows)
  const [themes, coded] = await Promise.all([
    sql<{ i: number; id: string; name: string; retired: boolean; count: number }>`
      with windows (i, window_start, window_end) as (values ${windowRows(windows)}),
      counted as (
        select windows.i, ct.theme_id, count(*)::int as count
        from feedback_coding_theme ct
        join feedback_response r on r.id = ct.response_id and r.authority_id = ct.authority_id
        join windows on r.given_at >= windows.window_start and r.given_at < windows.window_end
        where ct.authority_id = ${authorityId} and r.given_at >= ${span.start} and r.given_at < ${span.end}
        group by windows.i, ct.theme_id
      )
      select windows.i, t.id, t.name, t.retired_at is not null as retired, coalesce(counted.count, 0)::int as count
      from windows
      cross join feedback_theme t
      left join counted on counted.i = windows.i and counted.theme_id = t.id
      where t.authority_id = ${authorityId}
      order by windows.i, lower(t.name), t.id`.execute(db),
    sql<{ i: number; coded: number }>`
      with windows (i, window_start, window_end) as (values ${windowRows(windows)})
      select windows.i, count(*)::int as coded
      from feedback_coding c
      join feedback_response r on r.id = c.response_id and r.authority_id = c.authority_id
      join windows on r.given_at >= windows.window_start and r.given_at < windows.window_end
      where c.authority_id = ${authorityId} and r.given_at >= ${span.start} and r.given_at < ${span.end}
      group by windows.i`.execute(db),
  ])
  const codedBy = new Map(coded.rows.map((row) => [Number(row.i), Number(row.coded)]))
  return windows.map((_, index) => ({
    themes: themes.rows
      .filter((row) => Number(row.i) === index)
      .map((row) => ({ id: row.id, name: row.name, retired: Boolean(row.retired), count: Number(row.count) })),
    coded: codedBy.get(index) ?? 0,
  }))
}

/** The words people agreed may be quoted, as written out without names: nothing else of them. Oldest first. */
export async function agreedQuotes(db: Queryable, authorityId: string, window: Window, limit: number): Promise<string[]> {
  const result = await sql<{ quote: string }>`
    select c.quote
    from feedback_coding c
    join feedback_response r on r.id = c.response_id and r.authority_id = c.authority_id
    where c.authority_id = ${authorityId} and c.may_quote = 'yes' and c.quote is not null
      and r.given_at >= ${window.start} and r.given_at < ${window.end}
    order by r.given_at, r.id
    limit ${limit}`.execute(db)
  return result.rows.map((row) => row.quote)
}
