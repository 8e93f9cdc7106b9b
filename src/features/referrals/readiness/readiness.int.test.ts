import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, tableRows, textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { worldAdvocate } from '../../../../test/support/pool.ts'
import { versionOn } from '../../../../test/support/referral-steps.ts'
import { advocateUser, crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 12: a meeting's readiness, per role. The test clock's today is Tuesday 24 November 2026; the
 * referral's meeting is an initial conference on Tuesday 15 December 2026, so by the default local
 * rule (3 working days) the report must reach the family by Thursday 10 December. Section 1 asks for
 * extra time and visual aids, and no interpreter.
 */
const date = (name: string, day: string, month = '11') => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: '2026' })

describe(`a meeting's readiness (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let avril: Browser
  /** A referral in review, its advocate (Avril) allocated. */
  let id: string
  let path: string
  /** Avril's record in the pool. */
  let avrilId: string

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    avrilId = await worldAdvocate(t)
    id = await referralAt(t, crew, 'advocate_recorded', 'Readyfamily', { advocateId: avrilId })
    path = `/referrals/${id}/readiness`
    avril = await signedInAs(t, t.world.staff.advocate)
  })
  after(async () => t.close())

  /** "What" → [where it stands, waits on], as the page's table shows them. */
  function itemsOn(html: string): Map<string, [string, string]> {
    return new Map(tableRows(html, 'Readiness').map(([what = '', state = '', waits = '']) => [what.split('\n')[0]?.trim() ?? what, [state, waits]]))
  }
  const item = (items: Map<string, [string, string]>, startsWith: string) => [...items].find(([what]) => what.startsWith(startsWith))?.[1]

  test('the advocacy admin sees every item, with its due date and who it waits on, and the referral page links to it', async () => {
    const page = await crew.admin.get(path)
    assert.equal(page.status, 200)
    const items = itemsOn(page.html)
    assert.equal(items.size, 7)
    assert.match(item(items, 'Social worker’s report')?.[0] ?? '', /To do\s+Due by 10 December 2026/)
    assert.equal(item(items, 'Social worker’s report')?.[1], t.world.staff.referrer.displayName)
    assert.match(item(items, 'Chair has met')?.[0] ?? '', /Due by 14 December 2026/)
    assert.equal(item(items, 'Chair has met')?.[1], 'FGC Advocacy Admin')
    assert.match(item(items, 'Interpreter booked')?.[0] ?? '', /Not needed/)
    assert.match(item(items, 'Adjustments in place')?.[0] ?? '', /To do/)
    assert.equal(item(items, 'Advocate has met the person')?.[1], t.world.staff.advocate.displayName)
    assert.equal(textOf(page.document.querySelector('main .govuk-tag')), 'Not ready yet')
    const referral = await crew.admin.get(`/referrals/${id}`)
    assert.ok(referral.document.querySelector(`a[href="${path}"]`), 'the referral page links to readiness')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'referral.readiness-viewed')
      .where('record_id', '=', id)
      .execute()
    assert.ok(audit.length >= 1, 'seeing it is audited')
  })

  test('the admin records the report, the chair and the FGC; an FGC that cannot happen needs a reason', async () => {
    const version = versionOn((await crew.admin.get(path)).html)
    const refused = await crew.admin.submit(path, { ...date('reportSharedOn', '23'), fgcStatus: 'not_possible', version })
    assert.deepEqual(errorSummary(refused.document), ['Say why there is no Family Group Conference'])
    assert.equal(await t.database.db.selectFrom('meeting_readiness').select('meeting_id').executeTakeFirst(), undefined, 'nothing was saved')
    const future = await crew.admin.submit(path, { ...date('chairMetOn', '30'), version })
    assert.deepEqual(errorSummary(future.document), ['Date the chair met the family must be today or in the past'])
    const saved = await crew.admin.submit(path, {
      ...date('reportSharedOn', '23'),
      ...date('chairMetOn', '24'),
      fgcStatus: 'not_possible',
      fgcWhyNot: 'The conference is too soon',
      adjustmentsInPlace: 'yes',
      venueConfirmed: 'yes',
      askedCommunityVenue: 'yes',
      version,
    })
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Readiness saved/)
    const items = itemsOn(saved.html)
    assert.match(item(items, 'Social worker’s report')?.[0] ?? '', /Done on 23 November 2026/)
    assert.match(item(items, 'Social worker’s report')?.[1] ?? '', /No one/)
    assert.match(item(items, 'Family Group Conference')?.[0] ?? '', /Done/)
    assert.ok([...items.keys()].some((what) => what.startsWith('Venue and time')))
    assert.match(textOf(saved.document.querySelector('#readiness')), /The family asked for a community venue/)
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'referral.readiness-saved')
      .where('record_id', '=', id)
      .executeTakeFirstOrThrow()
    assert.doesNotMatch(JSON.stringify(audit.details), /too soon/, 'the audit names the answers, not what they say')
  })

  test('the referrer sees all but the advocate’s meeting with the person (ADR 7), and records only what the authority arranges', async () => {
    const page = await crew.referrer.get(path)
    assert.equal(page.status, 200)
    const items = itemsOn(page.html)
    assert.equal(item(items, 'Advocate has met'), undefined, 'the advocate’s meeting is the advocacy record’s')
    assert.equal(items.size, 6)
    assert.ok(page.document.querySelector('input[name="reportSharedOn-day"]'))
    for (const field of ['chairMetOn-day', 'advocateMetOn-day', 'fgcStatus', 'attended'])
      assert.equal(page.document.querySelector(`input[name="${field}"]`), null, `no ${field} on the referrer’s form`)
    // Sending answers their form does not show changes nothing of them.
    const saved = await crew.referrer.submit(path, {
      ...date('reportSharedOn', '20'),
      ...date('chairMetOn', '1'),
      ...date('advocateMetOn', '2'),
      version: versionOn(page.html),
    })
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Readiness saved/)
    const row = await t.database.db
      .selectFrom('meeting_readiness')
      .select(['report_shared_on', 'chair_met_on', 'advocate_met_on', 'fgc_why_not'])
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { report_shared_on: '2026-11-20', chair_met_on: '2026-11-24', advocate_met_on: null, fgc_why_not: 'The conference is too soon' })
  })

  test('the allocated advocate sees every item and records only their own meeting with the person', async () => {
    const page = await avril.get(path)
    assert.equal(page.status, 200)
    assert.equal(itemsOn(page.html).size, 7)
    assert.equal(page.document.querySelector('input[name="reportSharedOn-day"]'), null)
    const saved = await avril.submit(path, { ...date('advocateMetOn', '24'), ...date('reportSharedOn', '1'), version: versionOn(page.html) })
    assert.match(item(itemsOn(saved.html), 'Advocate has met')?.[0] ?? '', /Done on 24 November 2026/)
    const row = await t.database.db.selectFrom('meeting_readiness').select(['report_shared_on', 'advocate_met_on']).executeTakeFirstOrThrow()
    assert.deepEqual(row, { report_shared_on: '2026-11-20', advocate_met_on: '2026-11-24' })
  })

  test('nobody else opens or records it', async () => {
    const otto = await signedInAs(t, (await advocateUser(t, 'readinessOtherAdvocate', 'Otto Otheradvocate')).person)
    const outsiders = {
      'another referrer': await signedInAs(t, t.world.staff.otherReferrer),
      'an advocate not allocated': otto,
      'a coordinator': await signedInAs(t, t.world.staff.coordinator),
      'an analyst': await signedInAs(t, t.world.staff.analyst),
      "another authority's admin": await signedInAs(t, t.world.elsewhere.admin),
    }
    const before = await t.database.db.selectFrom('meeting_readiness').selectAll().execute()
    for (const [who, browser] of Object.entries(outsiders)) {
      const page = await browser.get(path)
      assert.ok([403, 404].includes(page.status), `${who}: ${page.status}`)
      assert.ok(!page.html.includes('Readyfamily'), `${who} sees nothing of it`)
      const posted = await browser.post(path, { ...date('reportSharedOn', '2'), version: '1' })
      assert.ok([403, 404].includes(posted.status), `${who} POST: ${posted.status}`)
    }
    assert.deepEqual(await t.database.db.selectFrom('meeting_readiness').selectAll().execute(), before)
  })

  test('a post without its token is refused; two windows: the second save is refused and changes nothing', async () => {
    const page = await crew.admin.get(path)
    const version = versionOn(page.html)
    const refused = await crew.admin.post(path, { ...date('chairMetOn', '2'), version }, { withToken: false })
    assert.equal(refused.status, 403)
    const second = await signedInAs(t, t.world.staff.admin)
    await second.get(path)
    await crew.admin.submit(path, { ...date('chairMetOn', '23'), fgcStatus: 'not_possible', fgcWhyNot: 'Too soon', version })
    const told = await second.submit(path, { ...date('chairMetOn', '20'), fgcStatus: 'held', version })
    assert.match(errorSummary(told.document)[0] ?? '', /after you opened this page/)
    const row = await t.database.db.selectFrom('meeting_readiness').select(['chair_met_on', 'fgc_status']).executeTakeFirstOrThrow()
    assert.deepEqual(row, { chair_met_on: '2026-11-23', fgc_status: 'not_possible' })
  })

  test('after its due date an item that is not done is late, overdue first; after the meeting, what happened is recorded', async () => {
    const fresh = await referralAt(t, crew, 'advocate_recorded', 'Latefamily', { advocateId: avrilId })
    t.clock.set('2026-12-11T10:00:00Z')
    try {
      // Signed in afresh: a session from weeks ago has timed out.
      const referrer = await signedInAs(t, t.world.staff.referrer)
      const late = itemsOn((await referrer.get(`/referrals/${fresh}/readiness`)).html)
      assert.match(item(late, 'Social worker’s report')?.[0] ?? '', /Late\s+Late: it was due by 10 December 2026/)
      assert.equal(item(late, 'Social worker’s report')?.[1], t.world.staff.referrer.displayName)
      const admin = await signedInAs(t, t.world.staff.admin)
      assert.equal((await admin.get(`/referrals/${fresh}/readiness`)).document.querySelector('input[name="attended"]'), null, 'not before the meeting')
      t.clock.set('2026-12-16T10:00:00Z')
      const afterwards = await signedInAs(t, t.world.staff.admin)
      const page = await afterwards.get(`/referrals/${fresh}/readiness`)
      assert.ok(page.document.querySelector('input[name="attended"]'))
      await afterwards.submit(`/referrals/${fresh}/readiness`, {
        attended: 'yes',
        reportReceivedInTime: 'no',
        chairMetBefore: 'yes',
        version: versionOn(page.html),
      })
      const row = await t.database.db
        .selectFrom('meeting_readiness')
        .innerJoin('referral', 'referral.meeting_id', 'meeting_readiness.meeting_id')
        .select(['attended', 'report_received_in_time', 'chair_met_before'])
        .where('referral.id', '=', fresh)
        .executeTakeFirstOrThrow()
      assert.deepEqual(row, { attended: true, report_received_in_time: false, chair_met_before: true })
    } finally {
      t.clock.set('2026-11-24T10:00:00Z')
    }
  })
})
