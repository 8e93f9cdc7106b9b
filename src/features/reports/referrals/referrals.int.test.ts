import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { loadQuarterlyDataset } from '../../../../test/support/report-dataset.ts'
import { PASSWORD } from '../../../../test/support/world.ts'

const Q2 = '/reports?period=quarter&quarter=2026-Q2'
const list = (figure: string, period = 'period=quarter&quarter=2026-Q2') => `/reports/referrals?${new URLSearchParams({ figure })}&${period}`

/** Each drillable figure's link on a page of the return: the number shown, and where it goes. */
function drillLinks(document: Document): { figure: string; shown: string; href: string }[] {
  return [...document.querySelectorAll('a[data-drill]')].map((link) => {
    const href = link.getAttribute('href') ?? ''
    const figure = new URL(href, 'http://localhost').searchParams.get('figure') ?? ''
    return { figure, shown: (link.firstChild?.textContent ?? '').trim(), href }
  })
}

describe(`the referrals behind a figure of the quarterly return (${engine})`, () => {
  let t: TestApp
  let manager: Browser
  let analyst: Browser
  before(async () => {
    t = await startTestApp()
    await loadQuarterlyDataset(t.database.db, t.world)
    manager = await signedIn(t, 'manager')
    analyst = await signedIn(t, 'analyst')
  })
  after(async () => t.close())

  test('for a service manager, every referral figure links to its list, and each list holds as many referrals as its figure says', async () => {
    const page = await manager.get(Q2)
    assert.equal(page.status, 200)
    const links = drillLinks(page.document)
    const figures = new Set(links.map((link) => link.figure))
    // At least reach (stage, meeting type, team), timeliness, decisions and outcomes.
    for (const figure of [
      'referrals',
      'stage.child_protection',
      'meeting.child_in_need_review',
      'team.',
      'timeliness.on_time',
      'timeliness.late',
      'decision.progressed',
      'decision.no_further_action',
      'withdrawn',
      'allocation.any',
      'in_place.in_time',
      'outcome.attended.yes',
      'outcome.views.partly',
      'views.shared',
      'readiness.achieved',
    ])
      assert.ok(figures.has(figure), `${figure} links to its referrals`)
    // Counts of people, offers, children, requests and the programme have no list of referrals behind them.
    for (const figure of figures) assert.ok(!/^(people|offers|children|requests|programme|median)\./.test(figure), figure)
    assert.ok(links.length > 60, `${links.length} links, this period's and the period before's`)
    for (const link of links) {
      const behind = await manager.get(link.href)
      assert.equal(behind.status, 200, link.href)
      assert.equal(textOf(behind.document.querySelector('[data-total]')), link.shown, `${link.href}: the list's count is the figure`)
      assert.equal(behind.document.querySelectorAll('[data-referrals] tbody tr').length, Number(link.shown), `${link.href}: one row for each`)
    }
  })

  test('a list: reference (to the referral), the person, the team and the day sent, headed with the figure’s own words', async () => {
    const page = await manager.get(list('outcome.attended.no'))
    assert.equal(page.status, 200)
    assert.deepEqual(tableRows(page.document, 'Referrals, page 1 of 1'), [['RPT-5', 'Parent Number 5', 'No team', '10 August 2026']])
    const referral = await t.database.db.selectFrom('referral').select('id').where('reference', '=', 'RPT-5').executeTakeFirstOrThrow()
    assert.equal(page.document.querySelector('[data-referrals] a')?.getAttribute('href'), `/referrals/${referral.id}`)
    const summary = [...page.document.querySelectorAll('[data-figure] .govuk-summary-list__value')].map((value) => textOf(value))
    assert.deepEqual(summary, [
      'Did the advocate attend the meeting? (the Advocacy Outcome)',
      'The advocate did not attend',
      'Q2 2026 to 2027 (July to September 2026)',
      '1',
    ])
    assert.equal((await manager.get(`/referrals/${referral.id}`)).status, 200, 'and the manager may open it')
    // The period before, as the return's "period before" column links it.
    const before = await manager.get(list('referrals', 'period=quarter&quarter=2026-Q1'))
    assert.deepEqual(
      tableRows(before.document, 'Referrals, page 1 of 1').map((row) => row[0]),
      ['RPT-13', 'RPT-14', 'RPT-15'],
    )
    const empty = await manager.get(`${list('referrals')}&page=2`)
    assert.equal(empty.status, 200)
    assert.ok(empty.html.includes('There are no referrals on this page.'))
  })

  test('each list is audited as showing its referrals, and "who has seen this record" says so', async () => {
    await manager.get(list('decision.no_further_action'))
    const ids = (await t.database.db.selectFrom('referral').select('id').where('reference', 'in', ['RPT-9', 'RPT-10']).orderBy('reference').execute()).map(
      (row) => row.id,
    )
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['details', 'record_type', 'record_id'])
      .where('actor_id', '=', t.world.staff.manager.id)
      .where('action', '=', 'report.referrals-listed')
      .execute()
    const event = events.find((candidate) => (candidate.details as { figure?: string }).figure === 'decision.no_further_action')
    assert.ok(event)
    assert.deepEqual(event.details, { figure: 'decision.no_further_action', period: '2026-Q2', page: 1, total: 2, shown: ids }, 'RPT-10 sorts first')
    const seen = await manager.get(`/referrals/${ids[0]}/seen-by`)
    assert.ok(seen.html.includes('Saw it listed behind a figure of the quarterly return'))
  })

  test('the analyst sees no links and is refused the list; so is everyone but a service manager', async () => {
    const page = await analyst.get(Q2)
    assert.equal(page.document.querySelectorAll('a[data-drill]').length, 0)
    assert.ok(!page.html.includes('/referrals/'), 'no way to a referral')
    for (const who of ['analyst', 'referrer', 'admin', 'advocate', 'coordinator', 'sysadmin'] as const) {
      const browser = who === 'analyst' ? analyst : await signedIn(t, who)
      assert.equal((await browser.get(list('referrals'))).status, 403, who)
    }
  })

  test('as the figures leave the service, a withheld figure links to nothing', async () => {
    const page = await manager.get(`${Q2}&published=yes`)
    const links = drillLinks(page.document)
    assert.ok(links.length > 0)
    for (const link of links) assert.notEqual(link.shown, '[c]')
    assert.ok(!links.some((link) => link.figure === 'timeliness.late'), 'two late referrals: withheld, so not linked')
  })

  test('another authority’s service manager lists only their own authority’s referrals', async () => {
    const elsewhere = new Browser(t.app)
    assert.equal((await elsewhere.signIn(t.world.elsewhere.manager.email, PASSWORD)).status, 303)
    const page = await elsewhere.get(list('referrals'))
    assert.equal(page.status, 200)
    assert.equal(textOf(page.document.querySelector('[data-total]')), '0')
    assert.ok(!page.html.includes('RPT-'))
  })

  test('whatever the address bar says, a clear error and never a 500', async () => {
    const cases: [string, string][] = [
      ['period=quarter&quarter=2026-Q2', 'Choose a figure from the quarterly return'],
      ['figure=&period=quarter&quarter=2026-Q2', 'Choose a figure from the quarterly return'],
      ['figure=banana&period=quarter&quarter=2026-Q2', 'Choose a figure from the quarterly return'],
      ['figure=people.referred&period=quarter&quarter=2026-Q2', 'Choose a figure from the quarterly return'],
      ['figure=referrals&figure=withdrawn&period=quarter&quarter=2026-Q2', 'Choose a figure from the quarterly return'],
      [`figure=${encodeURIComponent('team.\u0000x')}&period=quarter&quarter=2026-Q2`, 'Choose a figure from the quarterly return'],
      [`figure=${'x'.repeat(5000)}&period=quarter&quarter=2026-Q2`, 'Choose a figure from the quarterly return'],
      [`figure=${encodeURIComponent('<script>alert(1)</script>')}&period=quarter&quarter=2026-Q2`, 'Choose a figure from the quarterly return'],
      [`figure=${encodeURIComponent("stage.early_help' or 1=1 --")}&period=quarter&quarter=2026-Q2`, 'Choose a figure from the quarterly return'],
      ['figure=referrals&period=quarter&quarter=2026-Q2&page=0', 'Enter a page number from 1 to 10,000'],
      ['figure=referrals&period=quarter&quarter=2026-Q2&page=abc', 'Enter a page number from 1 to 10,000'],
      ['figure=referrals&period=quarter&quarter=2026-Q2&page=99999', 'Enter a page number from 1 to 10,000'],
      ['figure=referrals&period=quarter&quarter=2026-Q2&page=-1', 'Enter a page number from 1 to 10,000'],
      ['figure=referrals&period=quarter&quarter=2026-Q2&page=1&page=2', 'Enter a page number from 1 to 10,000'],
      ['figure=referrals&period=banana', 'Select a quarter, a financial year or a range of dates'],
      ['figure=referrals&period=quarter&quarter=2026-Q9', 'Select a quarter from the list'],
      [
        'figure=referrals&period=range&from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026',
        'The end of the period must be the same as or after the start',
      ],
    ]
    for (const [query, message] of cases) {
      const page = await manager.get(`/reports/referrals?${query}`)
      assert.equal(page.status, 400, query.slice(0, 80))
      assert.equal(errorSummary(page.document)[0], message, query.slice(0, 80))
      assert.ok(!page.html.includes('<script>alert'), 'nothing shown unescaped')
    }
    // A team no referrer is in is a figure of nobody: an empty list, not an error.
    const team = await manager.get(list('team.<b>Nobody</b>'))
    assert.equal(team.status, 200)
    assert.equal(textOf(team.document.querySelector('[data-total]')), '0')
    assert.ok(!team.html.includes('<b>Nobody</b>'))
  })
})
