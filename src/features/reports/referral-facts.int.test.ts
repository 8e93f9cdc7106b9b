import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql, type RawBuilder } from 'kysely'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { loadQuarterlyDataset } from '../../../test/support/report-dataset.ts'
import { bringFactsUpToDate, factsThatDiffer } from './referral-facts-repository.ts'

/**
 * The reports count from facts kept per referral (ADR 34). Every kind of change to a table a fact is
 * drawn from must mark the referrals it touched, or a figure would silently go on counting what
 * was: after each change below, the facts held differ from the facts drawn now (so the change
 * matters), and once brought up to date they are the same again.
 */
describe(`the reports' facts follow every change (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
    await loadQuarterlyDataset(t.database.db, t.world)
  })
  after(async () => t.close())

  /** Each change, to one row of a table the facts are drawn from (most to a referral sent), in the authority. */
  const changes: [string, (authorityId: string) => RawBuilder<unknown>][] = [
    [
      'a referral’s stage',
      (a) =>
        sql`update referral set stage = 'early_help' where id = (select id from referral where authority_id = ${a} and stage = 'child_protection' and sent_at is not null limit 1)`,
    ],
    [
      'its meeting’s type',
      (a) =>
        sql`update meeting set type = 'core_group' where id = (select r.meeting_id from referral r join meeting m on m.id = r.meeting_id where r.authority_id = ${a} and r.sent_at is not null and m.type <> 'core_group' limit 1)`,
    ],
    [
      'its person’s ethnicity',
      (a) =>
        sql`update person set ethnicity = 'prefer_not_to_say' where id = (select r.person_id from referral r join person p on p.id = r.person_id where r.authority_id = ${a} and r.sent_at is not null and p.ethnicity is distinct from 'prefer_not_to_say' limit 1)`,
    ],
    [
      'Section 1’s interpreter',
      (a) =>
        sql`update section_one set interpreter_needed = not coalesce(interpreter_needed, false) where referral_id = (select s.referral_id from section_one s join referral r on r.id = s.referral_id where s.authority_id = ${a} and r.sent_at is not null limit 1)`,
    ],
    [
      'the decision',
      (a) =>
        sql`update decision set next_action = 'no_further_action' where authority_id = ${a} and next_action = 'child_protection_advocacy_review' and referral_id = (select referral_id from decision where authority_id = ${a} and next_action = 'child_protection_advocacy_review' limit 1)`,
    ],
    ['a decision deleted', (a) => sql`delete from decision where referral_id = (select referral_id from decision where authority_id = ${a} limit 1)`],
    [
      'the Advocacy Outcome',
      (a) =>
        sql`update review set views_heard = 'no' where referral_id = (select referral_id from review where authority_id = ${a} and views_heard is distinct from 'no' and advocate_attended is not null limit 1)`,
    ],
    [
      'views shared no more',
      (a) =>
        sql`update person_views set shared_at = null where referral_id = (select referral_id from person_views where authority_id = ${a} and shared_at is not null limit 1)`,
    ],
    [
      'meeting readiness',
      (a) =>
        sql`update meeting_readiness set report_received_in_time = not coalesce(report_received_in_time, false) where meeting_id = (select meeting_id from meeting_readiness where authority_id = ${a} limit 1)`,
    ],
    [
      'an allocation’s preferences met',
      (a) =>
        sql`update allocation set preferences = '{"language": "not_met"}' where id = (select id from allocation where authority_id = ${a} and status in ('accepted', 'ended') limit 1)`,
    ],
    [
      'an offer declined',
      (a) =>
        sql`update allocation set status = 'declined' where id = (select id from allocation where authority_id = ${a} and status in ('accepted', 'ended') limit 1)`,
    ],
    [
      'a first contact deleted',
      (a) => sql`delete from advocacy_contact where id = (select id from advocacy_contact where authority_id = ${a} order by contacted_on limit 1)`,
    ],
    ['every contact gone at once', () => sql`truncate advocacy_contact`],
    [
      'the referrer joining a team',
      (a) =>
        sql`insert into team_member (team_id, user_id, authority_id) select t.id, r.referrer_id, ${a} from referral r, lateral (select id from team where authority_id = ${a} order by name limit 1) t where r.authority_id = ${a} and r.sent_at is not null limit 1`,
    ],
    [
      'the referrer’s team renamed',
      (a) =>
        sql`update team set name = 'A team renamed' where id = (select tm.team_id from team_member tm join referral r on r.referrer_id = tm.user_id where r.authority_id = ${a} and r.sent_at is not null limit 1)`,
    ],
    [
      'the referrer leaving their team',
      (a) => sql`delete from team_member where user_id = (select referrer_id from referral where authority_id = ${a} and sent_at is not null limit 1)`,
    ],
    [
      'an allocated advocate’s kind',
      (a) =>
        sql`update advocate set kind = 'professional_advocate' where id = (select advocate_id from allocation where authority_id = ${a} and advocate_id is not null and status = 'accepted' limit 1) and kind = 'parent_peer_advocate'`,
    ],
    [
      'a referral sent no more',
      (a) =>
        sql`update referral set sent_at = null where id = (select id from referral where authority_id = ${a} and sent_at is not null order by sent_at desc limit 1)`,
    ],
  ]

  for (const [name, change] of changes) {
    test(`${name}: marked, and drawn again`, async () => {
      const { db } = t.database
      const authorityId = t.world.authorityId
      await bringFactsUpToDate(db, authorityId)
      assert.deepEqual(await factsThatDiffer(db, authorityId), [], 'up to date before the change')
      const changed = await change(authorityId).execute(db)
      // (An emptied table says it changed no row.)
      if (!name.includes('at once')) assert.ok(Number(changed.numAffectedRows ?? 0) > 0, 'the change changed a row')
      assert.notDeepEqual(await factsThatDiffer(db, authorityId), [], 'the change moves a fact')
      assert.ok((await bringFactsUpToDate(db, authorityId)) > 0, 'the change marked a referral')
      assert.deepEqual(await factsThatDiffer(db, authorityId), [], 'up to date after')
    })
  }

  test('two at once bring the facts up to date once, and both see them', async () => {
    const { db } = t.database
    const authorityId = t.world.authorityId
    await sql`update referral set late_reason = 'Changed for the test' where authority_id = ${authorityId} and sent_at is not null`.execute(db)
    const drawn = await Promise.all([bringFactsUpToDate(db, authorityId), bringFactsUpToDate(db, authorityId)])
    assert.ok(
      drawn.some((count) => count > 0),
      'one of them drew the facts',
    )
    assert.deepEqual(await factsThatDiffer(db, authorityId), [])
    assert.equal(await bringFactsUpToDate(db, authorityId), 0, 'nothing is left to draw')
  })

  test('the job brings every authority’s facts up to date', async () => {
    const { db } = t.database
    const authorityId = t.world.authorityId
    await sql`update referral set late_reason = 'Changed again for the job' where authority_id = ${authorityId} and sent_at is not null`.execute(db)
    assert.notDeepEqual(await factsThatDiffer(db, authorityId), [])
    assert.ok((await t.services.reports.bringReportFactsUpToDate()) > 0)
    assert.deepEqual(await factsThatDiffer(db, authorityId), [])
    assert.equal(await t.services.reports.bringReportFactsUpToDate(), 0, 'and then has nothing to do')
  })
})
