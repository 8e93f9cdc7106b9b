import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { generateDataset } from '../bench/generate/generate.ts'
import { nationalMix, type Scale } from '../bench/generate/scales.ts'
import { engine, openTestDatabase } from './support/database.ts'

/**
 * The bench's generator (issue 9, and issue 13's rows for the reports) on a tiny scale, on each
 * database: it runs within every constraint the migrations declare (a violation fails the insert),
 * and it makes what the reports read in the shapes they read it.
 */
describe(`the bench's dataset generator (${engine})`, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  const tiny: Scale = { name: 'tiny', authorities: 2, referralsPerAuthority: 400, mix: nationalMix, advocatesPerAuthority: 8, description: 'tiny' }

  before(async () => {
    database = await openTestDatabase()
    await generateDataset(database.db, { scale: tiny, passwordHash: 'not a real hash' })
  })
  after(async () => database.close())

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(database.db)).rows[0]?.n ?? 0

  test('every referral, in every state of the mix, with the people and meetings its state implies', async () => {
    assert.equal(
      await count(
        sql`select count(*)::int as n from referral where reference like 'ADV-%' and authority_id in (select id from authority where name like 'Bench Authority %')`,
      ),
      800,
    )
    const states = await sql<{
      state: string
    }>`select distinct state from referral join authority on authority.id = referral.authority_id where authority.name like 'Bench Authority %'`.execute(
      database.db,
    )
    assert.deepEqual(states.rows.map((row) => row.state).sort(), Object.keys(nationalMix).sort())
  })

  test('what the reports read: equality answers, readiness, children offered, feedback in every way, themes and codings', async () => {
    const equality = await sql<{ relationship: string | null; n: number }>`
      select relationship_to_child as relationship, count(*)::int as n from person
      where kind = 'adult' and family_group_id is not null and created_by in (select id from app_user where email like '%@bench.alongside.example')
      group by 1`.execute(database.db)
    const relationships = new Set(equality.rows.map((row) => row.relationship))
    for (const relationship of ['mother', 'father', 'other_carer', 'prefer_not_to_say', null]) assert.ok(relationships.has(relationship), String(relationship))
    assert.ok((await count(sql`select count(*)::int as n from meeting_readiness`)) > 100)

    const offers = await sql<{ answer: string; who: string | null; n: number }>`
      select answer, who_answered as who, count(*)::int as n from child_advocacy_offer group by 1, 2`.execute(database.db)
    const kinds = new Set(offers.rows.map((row) => `${row.answer}/${row.who}`))
    for (const kind of ['accepted/child', 'declined/child', 'accepted/someone_for_them', 'declined/someone_for_them', 'waiting/null'])
      assert.ok(kinds.has(kind), kind)
    assert.equal(
      await count(
        sql`select count(*)::int as n from child_advocacy_offer o join meeting m on m.id = o.meeting_id where m.type not in ('initial_conference', 'review_conference')`,
      ),
      0,
      'only the children of conferences are offered',
    )

    const consultations = await sql<{ status: string; how: string }>`
      select distinct status, done_how as how from child_consultation c join meeting m on m.id = c.meeting_id where m.type = 'review_conference'`.execute(
      database.db,
    )
    const shapes = new Set(consultations.rows.map((row) => `${row.status}/${row.how}`))
    for (const shape of ['completed/own_pages', 'completed/with_advocate', 'completed/on_paper', 'declined/with_advocate']) assert.ok(shapes.has(shape), shape)

    const channels = await sql<{ channel: string; fewest: number; most: number }>`
      select channel, min(days_after)::int as fewest, max(days_after)::int as most from feedback_response group by 1`.execute(database.db)
    assert.deepEqual(channels.rows.map((row) => row.channel).sort(), ['card', 'debrief', 'kiosk', 'own_pages', 'paper'])
    assert.deepEqual(
      channels.rows.filter((row) => row.channel === 'kiosk').map((row) => [row.fewest, row.most]),
      [[0, 0]],
      'the kiosk is on the day',
    )
    assert.equal(
      await count(
        sql`select count(*)::int as n from feedback_response f left join feedback_request r on r.referral_id = f.referral_id where r.state is distinct from 'given'`,
      ),
      0,
      'every answer belongs to a request marked given',
    )
    assert.ok((await count(sql`select count(*)::int as n from feedback_coding_theme`)) > 0)
    assert.equal(
      await count(sql`select count(*)::int as n from feedback_coding where (may_quote = 'yes') <> (quote is not null)`),
      0,
      'a quote only where the person agreed',
    )
  })
})
