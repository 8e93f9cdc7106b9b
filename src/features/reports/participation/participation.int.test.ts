import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, tableRows, textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { loadQuarterlyDataset, loadVoicesDataset } from '../../../../test/support/report-dataset.ts'

const Q2 = '/reports/participation?quarter=2026-Q2'
const THEMES = 'Themes in what families wrote (one answer may have several)'

/** The participation group's page: a quarter's themes beside the quarter before, the agreed quotes, and no one's record. */
describe(`the participation group’s themes (${engine})`, () => {
  let t: TestApp
  let analyst: Browser
  before(async () => {
    t = await startTestApp()
    await loadQuarterlyDataset(t.database.db, t.world)
    await loadVoicesDataset(t.database.db, t.world)
    analyst = await signedIn(t, 'analyst')
  })
  after(async () => t.close())

  test('the themes of Q2 beside Q1, counted by hand, and the one quote agreed, without the name in the answer', async () => {
    const page = await analyst.get(Q2)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Themes for the participation group')
    assert.equal(
      textOf(page.document.querySelector('[data-period]')),
      'Q2 2026 to 2027 (July to September 2026), compared with Q1 2026 to 2027 (April to June 2026)',
    )
    assert.deepEqual(tableRows(page.document, THEMES), [
      ['Words coded with themes', '3', '', '5', '−2'],
      ['Felt listened to', '0', '0%', '5', '−5'],
      ['Jargon', '2', '67%', '0', '+2'],
      ['Reports late', '2', '67%', '0', '+2'],
    ])
    assert.deepEqual(tableRows(page.document, 'Feedback given after meetings')[0], ['Answers given', '7', '', '6', '+1'])
    assert.deepEqual(
      [...page.document.querySelectorAll('[data-quote]')].map((quote) => textOf(quote)),
      ['The reports came late.'],
    )
    for (const secret of ['Sam', 'Late reports full of jargon', 'RPT-', '/referrals/', '/people/']) assert.ok(!page.html.includes(secret), secret)
  })

  test('as it leaves the service: the small counts withheld, and whatever would give them away', async () => {
    const page = await analyst.get(`${Q2}&published=yes`)
    assert.deepEqual(tableRows(page.document, THEMES), [
      ['Words coded with themes', '[c]', '', '5', ''],
      ['Felt listened to', '0', '', '5', '−5'],
      ['Jargon', '[c]', '', '0', ''],
      ['Reports late', '[c]', '', '0', ''],
    ])
  })

  test('the analyst and managers read it; no one else; a quarter not in the list is a clear error', async () => {
    assert.equal((await (await signedIn(t, 'manager')).get(Q2)).status, 200)
    for (const who of ['referrer', 'admin', 'advocate', 'coordinator', 'sysadmin'] as const) {
      assert.equal((await (await signedIn(t, who)).get(Q2)).status, 403, who)
    }
    for (const query of ['quarter=2026-Q5', 'quarter=2026-Q1&quarter=2026-Q2', `quarter=${encodeURIComponent('<script>')}`, 'published=yes']) {
      const page = await analyst.get(`/reports/participation?${query}`)
      assert.equal(page.status, 400, query)
      assert.deepEqual(errorSummary(page.document), ['Select a quarter from the list'])
      assert.ok(!page.html.includes('<script>'))
    }
    assert.equal((await analyst.get('/reports/participation')).status, 200)
    const viewed = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'report.viewed')
      .where('record_id', '=', 'participation')
      .execute()
    assert.ok(viewed.length >= 3)
  })
})
