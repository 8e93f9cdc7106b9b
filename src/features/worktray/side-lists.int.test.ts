import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { generateDataset } from '../../../bench/generate/generate.ts'
import { nationalMix, type Scale } from '../../../bench/generate/scales.ts'
import { engine, openTestDatabase } from '../../../test/support/database.ts'
import type { Caller, Role } from '../../platform/auth/roles.ts'
import { ShownLists } from '../../platform/audit/audit.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate, systemClock, type Clock } from '../../platform/time/clock.ts'
import { consultationsWaiting } from '../consultation/consultation-repository.ts'
import { feedbackWaiting } from '../feedback/later-repository.ts'
import { outstanding } from '../meetings/readiness.ts'
import { acceptedNotReferred } from '../referrals/child-offer-repository.ts'
import { meetingsToReady } from '../referrals/meeting-repository.ts'
import { readinessWaiting } from '../referrals/readiness-service.ts'
import { waitingOn } from '../referrals/readiness-waiting.ts'
import { readinessLabels, readinessOfRow } from '../referrals/readiness-view.ts'
import { meetingRulesFor } from '../settings/meeting-rules-service.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import { openStates } from '../referrals/workflow.ts'

/**
 * Issue 9: the worktray's lists beside the tray choose their page first, reading the coming days a
 * few at a time or the meetings in date order a page at a time, and stop once they have it. Here
 * each is checked against the list read whole, as it was read before, on a bench dataset of one
 * busy authority (every state, meetings through the coming month and years back, feedback waiting,
 * children offered and consulted), for the advocacy service and for each advocate, at several
 * lengths. Some feedback waiting is left from an earlier meeting, so the reading passes over it.
 */
describe(`the worktray's lists read only their page, and show what they showed read whole (${engine})`, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  let authorityId = ''
  let advocates: { id: string }[] = []
  let stale = 0
  let tied = 0
  let busyReferrer = ''
  // The whole test stands on one instant, so a run that crosses midnight compares the same day.
  const now = systemClock.now()
  const today = londonDate(now)
  const clock: Clock = { now: () => now }
  const busy: Scale = { name: 'busy', authorities: 1, referralsPerAuthority: 2_500, mix: nationalMix, advocatesPerAuthority: 6, description: 'busy' }
  const context = () => ({ db: database.db, clock })

  before(async () => {
    database = await openTestDatabase()
    await generateDataset(database.db, { scale: busy, passwordHash: 'not a real hash' })
    const { db } = database
    authorityId = (await db.selectFrom('authority').select('id').where('name', 'like', 'Bench Authority %').executeTakeFirstOrThrow()).id
    advocates = await db
      .selectFrom('advocate')
      .select('user_id as id')
      .where('authority_id', '=', authorityId)
      .where('user_id', 'is not', null)
      .execute()
      .then((rows) => rows.flatMap((row) => (row.id ? [{ id: row.id }] : [])))
    // Feedback left waiting from an earlier meeting: the request names another of the authority's
    // meetings, older than any, so the reading meets these first and must pass over them.
    const oldest = await db
      .selectFrom('meeting')
      .select('id')
      .where('authority_id', '=', authorityId)
      .orderBy('meeting_date')
      .limit(1)
      .executeTakeFirstOrThrow()
    const moved = await sql<{ referral_id: string }>`
      update feedback_request set meeting_id = ${oldest.id}
      where referral_id in (select referral_id from feedback_request where authority_id = ${authorityId} and state = 'later' order by referral_id limit 60)
      returning referral_id`.execute(db)
    stale = moved.rows.length
    // Forty more requests waiting, each for its own meeting, held on that same oldest day, and half
    // of them stored again, so their stored and indexed order is not their references' order: a page
    // that ends among one day's requests must still keep the first references.
    const sameDay = await sql<{ referral_id: string }>`
      update meeting set meeting_date = (select meeting_date from meeting where id = ${oldest.id})
      from (select f.referral_id, f.meeting_id from feedback_request f join referral r on r.id = f.referral_id and r.meeting_id = f.meeting_id
            where f.authority_id = ${authorityId} and f.state = 'later' order by f.referral_id limit 40) waiting
      where meeting.id = waiting.meeting_id returning waiting.referral_id`.execute(db)
    tied = sameDay.rows.length
    await sql`with gone as (delete from feedback_request where referral_id in (${sql.join(sameDay.rows.map((row) => row.referral_id))})
        and md5(referral_id::text) < '8' returning *)
      insert into feedback_request select * from gone`.execute(db)
    // One referrer's open referrals all meet in the coming fortnight, several a day, so their list
    // is read in several pages a day, and their reports and venues fall due on the same days.
    const busiest = await sql<{ referrer_id: string }>`
      select referrer_id from referral where authority_id = ${authorityId} and sent_at is not null and meeting_id is not null
      and state in (${sql.join(openStates)}) group by referrer_id order by count(*) desc limit 1`.execute(db)
    busyReferrer = busiest.rows[0]?.referrer_id ?? ''
    await sql`update meeting set meeting_date = ${today}::date + (meeting_days.h % 14)::int
      from (select m.id, abs(hashtext(r.reference)) as h from referral r join meeting m on m.id = r.meeting_id
            where r.referrer_id = ${busyReferrer} and r.sent_at is not null and r.state in (${sql.join(openStates)})) meeting_days
      where meeting.id = meeting_days.id`.execute(db)
    // Most of the coming reviews' consultations not yet recorded, so that more children wait than a page.
    await sql`delete from child_consultation where authority_id = ${authorityId} and person_id::text < 'd'
      and meeting_id in (select id from meeting where authority_id = ${authorityId} and meeting_date >= ${today})`.execute(db)
  })
  after(async () => database.close())

  test('the dataset is busy enough that each list is longer than a page', async () => {
    const { db } = database
    assert.equal(stale, 60)
    assert.equal(tied, 40)
    const waiting = await sql<{ n: number }>`
      select count(*)::int as n from feedback_request f join referral r on r.id = f.referral_id
      where f.authority_id = ${authorityId} and f.state = 'later' and f.meeting_id = r.meeting_id`.execute(db)
    assert.ok((waiting.rows[0]?.n ?? 0) > 100, `feedback waiting: ${waiting.rows[0]?.n}`)
    assert.ok((await acceptedNotReferred(db, authorityId, 500)).length > 100)
    const children = (await consultationsWaiting(db, authorityId, { service: true }, today, openStates, 500)).length
    assert.ok(children > 30, `children waiting: ${children}`)
  })

  test('Feedback to give later: the same referrals in the same order, passing over requests left from an earlier meeting', async () => {
    const { db } = database
    const whole = async (owner: { service: true } | { advocateUserId: string }, limit: number) => {
      const rows = await sql<{ id: string; meeting_date: string; reference: string }>`
        select r.id, r.reference, m.meeting_date from feedback_request f
        join referral r on r.id = f.referral_id join meeting m on m.id = f.meeting_id
        where f.authority_id = ${authorityId} and f.state = 'later' and f.meeting_id = r.meeting_id
        ${
          'advocateUserId' in owner
            ? sql`and exists (select 1 from allocation a join advocate v on v.id = a.advocate_id
                where a.referral_id = r.id and a.status = 'accepted' and v.user_id = ${owner.advocateUserId})`
            : sql``
        }
        order by m.meeting_date, r.reference limit ${limit}`.execute(db)
      return rows.rows.map((row) => [row.id, row.meeting_date])
    }
    // Read both ways: from the meetings in date order (from one request waiting), and from every request.
    for (const limit of [1, 7, 50, 400]) {
      const expected = await whole({ service: true }, limit)
      for (const readInMeetingOrderFrom of [1, 1_000_000, undefined]) {
        const paged = await feedbackWaiting(db, authorityId, { service: true }, limit, readInMeetingOrderFrom)
        assert.deepEqual(
          paged.map((row) => [row.id, row.meeting_date]),
          expected,
          `the service, ${limit}, in meeting order from ${readInMeetingOrderFrom ?? 'the default'}`,
        )
      }
    }
    for (const advocate of advocates) {
      const paged = await feedbackWaiting(db, authorityId, { advocateUserId: advocate.id }, 50)
      assert.deepEqual(
        paged.map((row) => [row.id, row.meeting_date]),
        await whole({ advocateUserId: advocate.id }, 50),
      )
    }
  })

  test("Children's advocates to refer: the same children in the same order", async () => {
    const { db } = database
    for (const limit of [1, 50, 300]) {
      const whole = await sql<{ id: string }>`
        select o.id from child_advocacy_offer o join meeting m on m.id = o.meeting_id
        where o.authority_id = ${authorityId} and o.answer = 'accepted' and o.child_referral_id is null
        and exists (select 1 from referral r where r.meeting_id = o.meeting_id and r.authority_id = ${authorityId})
        order by m.meeting_date, o.id limit ${limit}`.execute(db)
      // Read both ways: from the meetings in date order (from one offer to refer), and from every offer.
      for (const readInMeetingOrderFrom of [1, 1_000_000, undefined]) {
        const paged = await acceptedNotReferred(db, authorityId, limit, readInMeetingOrderFrom)
        assert.deepEqual(
          [...new Set(paged.map((row) => row.id))],
          whole.rows.map((row) => row.id),
          `${limit}, in meeting order from ${readInMeetingOrderFrom ?? 'the default'}`,
        )
      }
    }
  })

  test("Children's consultations before reviews: the same children in the same order, read in meeting order", async () => {
    const { db } = database
    const whole = async (limit: number) =>
      (
        await sql<{ referral_id: string; child_id: string; meeting_date: string }>`
        select r.id as referral_id, child.id as child_id, m.meeting_date from referral r
        join meeting m on m.id = r.meeting_id join person parent on parent.id = r.person_id
        join referral_child rc on rc.referral_id = r.id join person child on child.id = rc.person_id
        left join child_consultation c on c.meeting_id = m.id and c.person_id = child.id
        where r.authority_id = ${authorityId} and r.sent_at is not null and r.state in (${sql.join(openStates)})
        and parent.kind = 'adult' and m.type = 'review_conference' and m.meeting_date >= ${today} and c.id is null
        and (child.date_of_birth is null or child.date_of_birth <= (m.meeting_date - interval '4 years')::date)
        order by m.meeting_date, r.reference, child.given_name, child.id limit ${limit}`.execute(db)
      ).rows.map((row) => [row.referral_id, row.child_id, row.meeting_date])
    for (const limit of [1, 5, 30, 500]) {
      const paged = await consultationsWaiting(db, authorityId, { service: true }, today, openStates, limit)
      assert.deepEqual(
        paged.map((row) => [row.referral_id, row.child_id, row.meeting_date]),
        await whole(limit),
        `${limit}`,
      )
    }
  })

  test('Meetings not ready for the family yet: the same items in the same order, read a few days at a time, on each day of a week', async () => {
    const { db } = database
    const rules = await meetingRulesFor(context(), authorityId)
    const bankHolidays = await bankHolidaysFor(db, authorityId)
    const callerOf = (id: string, roles: readonly Role[]): Caller => ({
      user: { id, authorityId, displayName: 'Bench', email: 'bench@bench.alongside.example', roles, teamIds: [] },
      ip: '127.0.0.1',
    })
    /** The list as it was read before: every meeting of the coming four weeks, overdue first, then soonest due. */
    const whole = async (day: string, owner: Parameters<typeof meetingsToReady>[2], waitsOn: string) => {
      const rows = await meetingsToReady(db, authorityId, owner, openStates, { from: day, to: addDays(day, 28) }, { after: null, limit: 1_000_000 })
      return rows
        .flatMap((row) =>
          outstanding(readinessOfRow(row, rules, day, bankHolidays)).flatMap((entry) =>
            entry.waitsOn === waitsOn && (entry.state.kind === 'due' || entry.state.kind === 'late')
              ? [{ reference: row.reference, what: readinessLabels[entry.item], dueBy: entry.state.dueBy, late: entry.state.kind === 'late' }]
              : [],
          ),
        )
        .sort((a, b) => Number(b.late) - Number(a.late) || a.dueBy.localeCompare(b.dueBy) || a.reference.localeCompare(b.reference))
    }
    const shown = (items: Awaited<ReturnType<typeof readinessWaiting>>) =>
      items.map((item) => ({ reference: item.reference, what: item.what, dueBy: item.dueBy, late: item.late }))
    const on = (day: string) => ({ db, clock: { now: () => new Date(`${day}T10:00:00Z`) } })
    const admin = await db
      .selectFrom('app_user')
      .select('id')
      .where('authority_id', '=', authorityId)
      .where(sql<boolean>`'advocacy_admin' = any(roles)`)
      .executeTakeFirstOrThrow()

    // Each weekday and the weekend: where the page ends among meetings whose items are due the same
    // day. Then a few meetings a page, so each run of days is read in several pages and the reading
    // stops inside one.
    for (let offset = 0; offset < 7; offset++) {
      const day = addDays(today, offset)
      const everything = await whole(day, { service: true }, 'advocacy_admin')
      assert.ok(everything.length > 50, `the team has more than a page waiting on ${day}`)
      const team = everything.slice(0, 50)
      assert.deepEqual(shown(await readinessWaiting(on(day), callerOf(admin.id, ['advocacy_admin']), 'team', new ShownLists())), team, day)
      for (const [list, page] of [
        [7, 3],
        [50, 17],
        [50, 1],
      ] as const) {
        const paged = await waitingOn(db, authorityId, { service: true }, 'advocacy_admin', { today: day, rules, bankHolidays }, { list, page })
        assert.deepEqual(shown(paged), everything.slice(0, list), `${day}, ${list} a list, ${page} a page`)
      }
    }
    // And for each referrer and advocate, whose items fall due on different days of one meeting.
    const referrers = await sql<{ referrer_id: string }>`
      select referrer_id from referral where authority_id = ${authorityId} group by referrer_id order by count(*) desc limit 3`.execute(db)
    const people = [
      ...[busyReferrer, ...referrers.rows.map((row) => row.referrer_id)].map((referrerId) => ({ owner: { referrerId }, waitsOn: 'referrer' as const })),
      ...advocates.map((advocate) => ({ owner: { advocateUserId: advocate.id }, waitsOn: 'advocate' as const })),
    ]
    for (let offset = 0; offset < 7; offset++) {
      const day = addDays(today, offset)
      for (const { owner, waitsOn } of people) {
        const everything = await whole(day, owner, waitsOn)
        for (const [list, page] of [
          [2, 1],
          [5, 2],
          [9, 4],
          [16, 3],
          [30, 5],
        ] as const) {
          const paged = await waitingOn(db, authorityId, owner, waitsOn, { today: day, rules, bankHolidays }, { list, page })
          assert.deepEqual(shown(paged), everything.slice(0, list), `${JSON.stringify(owner)} on ${day}, ${list} a list, ${page} a page`)
        }
      }
    }
    for (const advocate of advocates)
      assert.deepEqual(
        shown(await readinessWaiting(context(), callerOf(advocate.id, ['advocate']), 'mine', new ShownLists())),
        (await whole(today, { advocateUserId: advocate.id }, 'advocate')).slice(0, 50),
      )
    for (const { referrer_id } of referrers.rows)
      assert.deepEqual(
        shown(await readinessWaiting(context(), callerOf(referrer_id, ['referrer']), 'mine', new ShownLists())),
        (await whole(today, { referrerId: referrer_id }, 'referrer')).slice(0, 50),
      )
  })
})
