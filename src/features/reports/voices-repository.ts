import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import type { Window } from './reports-repository.ts'

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

/** The window's feedback, counted: every answer of every question, each way of answering, each delay. */
export async function feedbackFigures(db: Queryable, authorityId: string, window: Window): Promise<Record<string, number>> {
  const counts = Object.entries(feedbackWhere).map(([key, where]) => sql`count(*) filter (where ${sql.raw(where)})::int as ${sql.raw(`"${key}"`)}`)
  const result = await sql<Record<string, unknown>>`
    select ${sql.join(counts)}
    from feedback_response
    where authority_id = ${authorityId} and given_at >= ${window.start} and given_at < ${window.end}`.execute(db)
  const row = result.rows[0] ?? {}
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]))
}

/** Every theme the service keeps (retired ones too), with how many of the window's answers were coded with it; and how many were coded at all. */
export async function themeFigures(
  db: Queryable,
  authorityId: string,
  window: Window,
): Promise<{ themes: { id: string; name: string; retired: boolean; count: number }[]; coded: number }> {
  const themes = await sql<{ id: string; name: string; retired: boolean; count: number }>`
    select t.id, t.name, t.retired_at is not null as retired, count(r.id)::int as count
    from feedback_theme t
    left join feedback_coding_theme ct on ct.theme_id = t.id and ct.authority_id = t.authority_id
    left join feedback_response r on r.id = ct.response_id and r.authority_id = t.authority_id and r.given_at >= ${window.start} and r.given_at < ${window.end}
    where t.authority_id = ${authorityId}
    group by t.id, t.name, t.retired_at
    order by lower(t.name)`.execute(db)
  const coded = await sql<{ coded: number }>`
    select count(*)::int as coded
    from feedback_coding c
    join feedback_response r on r.id = c.response_id and r.authority_id = c.authority_id
    where c.authority_id = ${authorityId} and r.given_at >= ${window.start} and r.given_at < ${window.end}`.execute(db)
  return {
    themes: themes.rows.map((row) => ({ id: row.id, name: row.name, retired: Boolean(row.retired), count: Number(row.count) })),
    coded: Number(coded.rows[0]?.coded ?? 0),
  }
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
