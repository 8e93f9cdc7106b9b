import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, tableRows, type Page } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { allocationOn, worldAdvocate } from '../../../../test/support/pool.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { crewOf, emptyDraft, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'
import { SEEN_BY_PAGE_SIZE } from '../seen-by.ts'

/** The rows of the "who has seen" table: who, what they did (the time is checked apart). */
function whoDidWhat(page: Page): string[][] {
  return tableRows(page.document).map(([who = '', what = '']) => [who, what])
}

describe(`who has seen a referral (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let id: string
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    const avrilId = await worldAdvocate(t)
    id = await referralAt(t, crew, 'advocate_recorded', 'Seenby', { advocateId: avrilId })
    // What people then do with it: a worktray lists it, the admin opens it, the advocate downloads the meeting.
    t.clock.advanceMinutes(5)
    await crew.admin.get('/team-work')
    t.clock.advanceMinutes(5)
    await crew.admin.get(`/referrals/${id}`)
    t.clock.advanceMinutes(5)
    const avril = await signedInAs(t, t.world.staff.advocate)
    await avril.get(`/my-people/allocations/${await allocationOn(t, id)}/meeting.ics`)
  })
  after(async () => t.close())

  test('a service manager sees who did what with it, newest first, in words', async () => {
    const page = await crew.manager.get(`/referrals/${id}/seen-by`)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Who has seen this record')
    const rows = whoDidWhat(page)
    assert.deepEqual(rows.slice(0, 3), [
      ['Avril Advocate', 'Downloaded the meeting to a calendar'],
      // Signing in, Avril's My work listed it among meetings not ready for the family yet; so did the team's.
      ['Avril Advocate', 'Saw it listed in My work, as a meeting not ready yet'],
      ['Ada Admin', 'Opened it and its advocacy record'],
    ])
    // The team's page listed it twice, in its own list and among meetings not ready yet: one event, told by its own list.
    assert.deepEqual(rows.slice(3, 5), [
      ['Ada Admin', 'Saw it listed in My team’s work'],
      ['Ada Admin', 'Changed it: Offer accepted: advocate allocated'],
    ])
    // The older rows may be on later pages: every page, oldest last.
    for (let next = page.document.querySelector('.govuk-pagination__next a')?.getAttribute('href'); next;) {
      const older = await crew.manager.get(next)
      rows.push(...whoDidWhat(older))
      next = older.document.querySelector('.govuk-pagination__next a')?.getAttribute('href')
    }
    assert.ok(rows.some(([who, what]) => who === 'Rita Referrer' && what === 'Started it'))
    assert.ok(
      rows.some(([who, what = '']) => who === 'Rita Referrer' && /^Changed it: Section 1 completed/.test(what)),
      'workflow steps read as the timeline does',
    )
    assert.ok(rows.some(([who, what = '']) => who === 'Manny Manager' && what.startsWith('Changed it:')))
    const times = tableRows(page.document).map((row) => row[2] ?? '')
    assert.ok(
      times.every((time) => /\d{1,2} \w+ \d{4} at \d{1,2}(:\d{2})?(am|pm)/.test(time)),
      times.join(' | '),
    )
  })

  test('looking is itself recorded, and shows on the page', async () => {
    await crew.manager.get(`/referrals/${id}/seen-by`)
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'record_type'])
      .where('action', '=', 'referral.seen-by-viewed')
      .where('record_id', '=', id)
      .execute()
    assert.ok(events.length >= 1)
    assert.ok(events.every((event) => event.actor_id === t.world.staff.manager.id && event.record_type === 'referral'))
    const again = await crew.manager.get(`/referrals/${id}/seen-by`)
    assert.deepEqual(whoDidWhat(again)[0], ['Manny Manager', 'Looked at who has seen it'])
  })

  test('it is paged, newest first', async () => {
    const busy = await referralAt(t, crew, 'awaiting_admin', 'Busy')
    for (let view = 0; view < SEEN_BY_PAGE_SIZE + 5; view += 1) await crew.admin.get(`/referrals/${busy}`)
    const first = await crew.manager.get(`/referrals/${busy}/seen-by`)
    assert.equal(tableRows(first.document).length, SEEN_BY_PAGE_SIZE)
    const older = first.document.querySelector('.govuk-pagination__next a')?.getAttribute('href')
    assert.equal(older, `/referrals/${busy}/seen-by?page=2`)
    assert.equal(first.document.querySelector('.govuk-pagination__prev'), null)
    const second = await crew.manager.get(older ?? '')
    assert.equal(second.document.querySelector('.govuk-pagination__prev a')?.getAttribute('href'), `/referrals/${busy}/seen-by?page=1`)
    let last = second
    for (
      let next: string | undefined = older ?? undefined;
      next;
      next = last.document.querySelector('.govuk-pagination__next a')?.getAttribute('href') ?? undefined
    ) {
      last = await crew.manager.get(next)
      assert.ok(tableRows(last.document).length > 0 && tableRows(last.document).length <= SEEN_BY_PAGE_SIZE, next)
    }
    assert.deepEqual(whoDidWhat(last).at(-1), ['Rita Referrer', 'Started it'], 'the oldest come last')
    assert.equal((await crew.manager.get(`/referrals/${busy}/seen-by?page=999`)).status, 200, 'a page past the end is empty, not an error')
    assert.equal((await crew.manager.get(`/referrals/${busy}/seen-by?page=abc`)).status, 200)
  })

  test('only a service manager who may see the referral may see who has seen it', async () => {
    for (const who of ['referrer', 'admin', 'analyst', 'coordinator', 'sysadmin', 'advocate'] as const) {
      const browser = who === 'referrer' ? crew.referrer : who === 'admin' ? crew.admin : await signedIn(t, who)
      assert.equal((await browser.get(`/referrals/${id}/seen-by`)).status, 403, who)
    }
    const draft = await emptyDraft(crew.referrer)
    assert.equal((await crew.manager.get(`/referrals/${draft}/seen-by`)).status, 404, 'a draft is not the service’s yet')
    const elsewhere = await signedInAs(t, t.world.elsewhere.manager)
    assert.equal((await elsewhere.get(`/referrals/${id}/seen-by`)).status, 404, 'another authority’s manager')
    assert.equal((await crew.manager.get('/referrals/not-an-id/seen-by')).status, 404)
  })

  test('the referral page links to it for a service manager only', async () => {
    const managerPage = await crew.manager.get(`/referrals/${id}`)
    assert.ok(managerPage.document.querySelector(`a[href="/referrals/${id}/seen-by"]`))
    const adminPage = await crew.admin.get(`/referrals/${id}`)
    assert.equal(adminPage.document.querySelector(`a[href="/referrals/${id}/seen-by"]`), null)
  })
})
