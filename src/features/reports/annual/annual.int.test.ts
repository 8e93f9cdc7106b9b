import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { readSheet } from 'read-excel-file/node'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, fieldValue, heading, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { readPdf } from '../../../../test/support/pdf.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { loadQuarterlyDataset, loadVoicesDataset } from '../../../../test/support/report-dataset.ts'
import { PASSWORD } from '../../../../test/support/world.ts'
import { csvFileRows as parseCsv, smallNumbersShown } from '../../../../test/support/csv.ts'

const YEAR = '/reports/annual?year=2026'
const NOW = '2026 to 2027'
const BEFORE = '2025 to 2026'

describe(`the annual evaluation (${engine})`, () => {
  let t: TestApp
  let analyst: Browser
  let manager: Browser
  before(async () => {
    t = await startTestApp()
    await loadQuarterlyDataset(t.database.db, t.world)
    await loadVoicesDataset(t.database.db, t.world)
    analyst = await signedIn(t, 'analyst')
    manager = await signedIn(t, 'manager')
  })
  after(async () => t.close())

  test('the year’s figures, as recorded, beside the year before (the quarterly dataset’s Q1 and Q2, by hand)', async () => {
    const page = await analyst.get(YEAR)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Annual evaluation')
    assert.equal(textOf(page.document.querySelector('[data-period]')), `${NOW}, compared with ${BEFORE}`)
    const table = (caption: string) => tableRows(page.document, caption)
    // Q1 had three Child Protection referrals (May), Q2 twelve (August): fifteen in the year, none the year before.
    assert.deepEqual(table('Referrals by stage'), [
      ['All referrals sent', '15', '', '0', '+15'],
      ['Early Help', '1', '7%', '0', '+1'],
      ['Child in Need', '5', '33%', '0', '+5'],
      ['Child Protection', '9', '60%', '0', '+9'],
      ['Stage not recorded', '0', '0%', '0', 'No change'],
    ])
    assert.deepEqual(table('Parents, carers and children'), [
      ['Parents and carers referred', '15', '', '0', '+15'],
      ['Parents and carers supported (allocated an advocate or service)', '10', '67%', '0', '+10'],
      ['Children named on the referrals', '16', '107%', '0', '+16'],
      ['Children whose parent or carer was supported', '11', '73%', '0', '+11'],
    ])
    assert.deepEqual(table('Referrals against the 7 and 14 day rule').slice(0, 3), [
      ['All referrals sent', '15', '', '0', '+15'],
      ['On time (7 days before an initial conference, 14 before a review)', '7', '47%', '0', '+7'],
      ['Late', '2', '13%', '0', '+2'],
    ])
    assert.deepEqual(table('The Advocacy Manager’s Decision'), [
      ['All referrals sent', '15', '', '0', '+15'],
      ['Progressed to a Child Protection Advocacy Review', '11', '73%', '0', '+11'],
      ['No Further Action', '2', '13%', '0', '+2'],
      ['Not decided (yet, or withdrawn first)', '2', '13%', '0', '+2'],
    ])
    assert.deepEqual(table('Days taken (the median: half took this long or less)'), [
      ['From referral to the Advocacy Manager’s Decision', '2 days', '', 'None', ''],
      ['From referral to an advocate or service accepting', '5 days', '', 'None', ''],
      ['From referral to the advocate first meeting the person', '10 days', '', 'None', ''],
    ])
    assert.deepEqual(tableRows(page.document, `Relationship to the child, ${NOW}`)[0], ['Referrals', '10', '5', '0', '0', '0'], 'ten mothers, five fathers')
  })

  test('trends by quarter: each chart with its title, description, summary and table', async () => {
    const page = await analyst.get(YEAR)
    assert.deepEqual(tableRows(page.document, 'Referrals sent by quarter'), [
      ['Q1', '3', '0'],
      ['Q2', '12', '0'],
      ['Q3', '0', '0'],
      ['Q4', '0', '0'],
    ])
    assert.deepEqual(
      tableRows(page.document, 'Parents and carers supported by quarter').map((row) => row[1]),
      ['3', '7', '0', '0'],
    )
    assert.deepEqual(
      tableRows(page.document, 'Feedback given after meetings by quarter'),
      [
        ['Q1', '6', '0'],
        ['Q2', '7', '0'],
        ['Q3', '0', '2'],
        ['Q4', '0', '0'],
      ],
      'two answers in November 2025, the year before’s Q3',
    )
    const charts = page.document.querySelectorAll('[data-trend] svg[role="img"]')
    assert.equal(charts.length, 6)
    for (const svg of charts) {
      assert.ok(textOf(svg.querySelector('title')).endsWith(`by quarter: ${NOW} and ${BEFORE}`))
      assert.match(textOf(svg.querySelector('desc')), /^Bar chart of /)
    }
    assert.equal(
      textOf(page.document.querySelector('[data-trend="referrals"] [data-chart-summary]')),
      `Referrals sent by quarter, ${NOW}: Q1 3, Q2 12, Q3 0, Q4 0; ${BEFORE}: Q1 0, Q2 0, Q3 0, Q4 0.`,
    )
    assert.equal(page.document.querySelector('main')?.querySelectorAll('script').length, 0, 'no script')
  })

  test('outcomes, readiness and children’s advocacy: the year beside the year before, and by quarter (Q1 and Q2, by hand)', async () => {
    const page = await analyst.get(YEAR)
    const table = (caption: string) => tableRows(page.document, caption)
    assert.deepEqual(table('Meetings with an advocate in place in time'), [
      ['All referrals sent', '15', '', '0', '+15'],
      ['An advocate in place before the meeting’s day', '8', '53%', '0', '+8'],
      ['An advocate in place only on the day or after', '1', '7%', '0', '+1'],
      ['No advocate (not allocated, or a local service)', '6', '40%', '0', '+6'],
      ['No meeting recorded', '0', '0%', '0', 'No change'],
    ])
    assert.deepEqual(table('Did the advocate attend the meeting? (the Advocacy Outcome)'), [
      ['All referrals sent', '15', '', '0', '+15'],
      ['The advocate attended the meeting', '6', '40%', '0', '+6'],
      ['The advocate did not attend', '1', '7%', '0', '+1'],
      ['The meeting did not go ahead', '1', '7%', '0', '+1'],
      ['No Advocacy Outcome recorded (yet)', '7', '47%', '0', '+7'],
    ])
    assert.deepEqual(table('Were the person’s views heard? (where an Advocacy Outcome is recorded)'), [
      ['Advocacy Outcomes recorded', '8', '', '0', '+8'],
      ['The person’s views were heard fully', '5', '63%', '0', '+5'],
      ['Heard partly', '1', '13%', '0', '+1'],
      ['Not heard', '1', '13%', '0', '+1'],
      ['Not said', '1', '13%', '0', '+1'],
    ])
    assert.deepEqual(
      table('Meeting readiness (child protection conferences)').map((row) => [row[0], row[1], row[2]]),
      [
        ['Referrals for a child protection conference', '9', ''],
        ['The family had the reports in time', '5', '56%'],
        ['The chair met the family before the conference', '5', '56%'],
        ['A Family Group Conference was offered', '5', '56%'],
        ['An interpreter was needed', '1', '11%'],
        ['An interpreter was needed and booked', '1', '11%'],
        ['Ready: all of these (an interpreter where one was needed)', '4', '44%'],
      ],
    )
    assert.deepEqual(table('Children of child protection conferences offered an advocate'), [
      ['Children offered an advocate', '10', '', '0', '+10'],
      ['Accepted', '2', '20%', '0', '+2'],
      ['Declined', '2', '20%', '0', '+2'],
      ['Not answered yet (they will have an advocate unless they decline)', '6', '60%', '0', '+6'],
    ])
    assert.deepEqual(
      table('Advocates who attended the meeting by quarter').map((row) => row[1]),
      ['1', '5', '0', '0'],
    )
    assert.deepEqual(
      table('Children offered an advocate by quarter').map((row) => row[1]),
      ['3', '7', '0', '0'],
    )
    const gaps = [...page.document.querySelectorAll('[data-gap]')].map((gap) => textOf(gap))
    assert.ok(!gaps.some((gap) => gap.includes('consultation')), 'children’s consultation is a figure now')

    // As it leaves: Q1's one attendance and three children are withheld in Q1's return, so the year's are too.
    const published = await analyst.get(`${YEAR}&published=yes`)
    assert.equal(tableRows(published.document, 'Did the advocate attend the meeting? (the Advocacy Outcome)')[1]?.[1], '[c]')
    assert.equal(tableRows(published.document, 'Children of child protection conferences offered an advocate')[0]?.[1], '[c]')
    assert.deepEqual(
      tableRows(published.document, 'Children offered an advocate by quarter').map((row) => row[1]),
      ['[c]', '7', '0', '0'],
    )
  })

  test('the people’s voices: feedback by question, way and delay, the themes, and only the words agreed, without names', async () => {
    const page = await analyst.get(YEAR)
    assert.deepEqual(tableRows(page.document, 'Feedback given after meetings'), [
      ['Answers given', '13', '', '2', '+11'],
      ['Wrote in their own words', '8', '62%', '0', '+8'],
      ['Words coded with themes', '8', '62%', '0', '+8'],
    ])
    assert.deepEqual(tableRows(page.document, 'Did you feel listened to?'), [
      ['Answers given', '13', '', '2', '+11'],
      ['Yes', '10', '77%', '2', '+8'],
      ['A bit', '1', '8%', '0', '+1'],
      ['No', '2', '15%', '0', '+2'],
      ['Not answered', '0', '0%', '0', 'No change'],
    ])
    assert.deepEqual(
      tableRows(page.document, 'How people gave their feedback').map((row) => [row[0], row[1], row[3]]),
      [
        ['Answers given', '13', '2'],
        ['On the kiosk in the room', '9', '0'],
        ['From their own pages', '0', '0'],
        ['With the code on a card', '0', '0'],
        ['At the debrief with their advocate', '2', '0'],
        ['On paper', '2', '2'],
      ],
    )
    assert.deepEqual(
      tableRows(page.document, 'How long after the meeting').map((row) => [row[0], row[1]]),
      [
        ['Answers given', '13'],
        ['On the day', '9'],
        ['Within a week', '1'],
        ['Within a month', '2'],
        ['Later', '1'],
      ],
    )
    assert.deepEqual(tableRows(page.document, 'Themes in what families wrote (one answer may have several)'), [
      ['Words coded with themes', '8', '', '0', '+8'],
      ['Felt listened to', '5', '63%', '0', '+5'],
      ['Jargon', '2', '25%', '0', '+2'],
      ['Reports late', '2', '25%', '0', '+2'],
    ])
    assert.ok(!page.html.includes('Parking'), 'a retired theme no one was coded with is left off')
    const quotes = [...page.document.querySelectorAll('[data-quote]')].map((quote) => textOf(quote))
    assert.deepEqual(quotes, ['My advocate stood by me.', 'The reports came late.'])
    for (const secret of ['Sam', 'Kim', 'Too many long words', 'RPT-1', '/referrals/']) assert.ok(!page.html.includes(secret), secret)
  })

  test('as it leaves the service: a year says nothing its quarters’ returns do not', async () => {
    const page = await analyst.get(`${YEAR}&published=yes`)
    assert.equal(page.status, 200)
    const figures = tableRows(page.document).map((row) => [row[0] ?? '', row[1] ?? '', row[3] ?? ''])
    assert.deepEqual(smallNumbersShown(figures), [])
    // Q1's three referrals are withheld in its own return, so the year's fifteen is too: fifteen less Q2's twelve would give them away.
    assert.equal(tableRows(page.document, 'Referrals by stage')[0]?.[1], '[c]')
    assert.deepEqual(tableRows(page.document, 'Referrals sent by quarter')[0], ['Q1', '[c]', '0'])
    assert.deepEqual(tableRows(page.document, 'Referrals sent by quarter')[1], ['Q2', '12', '0'])
    // Ten said yes to "listened to" in the year, but Q2's four is withheld: so is the ten. Thirteen answers in all is the sum of 6 and 7, both shown.
    const listened = tableRows(page.document, 'Did you feel listened to?')
    assert.deepEqual(
      listened.map((row) => row[1]),
      ['13', '[c]', '[c]', '[c]', '0'],
    )
    // Five "Felt listened to", all in Q1, none in Q2: shown; the year's eight coded answers are not (Q2's three are withheld), so no share.
    assert.deepEqual(tableRows(page.document, 'Themes in what families wrote (one answer may have several)').slice(0, 2), [
      ['Words coded with themes', '[c]', '', '0', ''],
      ['Felt listened to', '5', '', '0', '+5'],
    ])
  })

  test('the CSV: every figure, withheld as it leaves, safe to open, no words; the workbook holds the same; both audited', async () => {
    const response = await analyst.get('/reports/annual/download/csv?year=2026')
    assert.equal(response.status, 200)
    assert.equal(response.response.headers['content-type'], 'text/csv; charset=utf-8')
    assert.equal(response.response.headers['content-disposition'], 'attachment; filename="annual-evaluation-2026.csv"')
    const rows = parseCsv(response.html)
    assert.deepEqual(rows[1], ['Year', NOW, 'Compared with', BEFORE])
    const figures = rows.filter((row) => row.length >= 5 && row[0] !== 'Section' && !row[1]?.startsWith('Days taken'))
    assert.ok(figures.length > 80)
    assert.deepEqual(smallNumbersShown(figures.map((row) => [row[2] ?? '', row[3] ?? '', row[4] ?? ''])), [])
    assert.deepEqual(
      figures.find((row) => row[1] === 'Did you feel listened to?' && row[2] === 'Answers given'),
      ['The people’s voices', 'Did you feel listened to?', 'Answers given', '13', '[c]', ''],
    )
    assert.deepEqual(
      rows.find((row) => row[0] === 'Referrals sent' && row[1] === 'Q2'),
      ['Referrals sent', 'Q2', '12', '0'],
    )
    assert.deepEqual(
      rows.find((row) => row[0] === 'Children offered an advocate' && row[1] === 'Q2'),
      ['Children offered an advocate', 'Q2', '7', '0'],
    )
    assert.deepEqual(
      figures.find((row) => row[1] === 'Did the advocate attend the meeting? (the Advocacy Outcome)' && row[2] === 'The advocate attended the meeting'),
      ['Outcomes', 'Did the advocate attend the meeting? (the Advocacy Outcome)', 'The advocate attended the meeting', '[c]', '0', ''],
      'Q1’s one attendance is withheld in its return, so the year’s six are too',
    )
    for (const words of ['stood by me', 'came late', 'Sam']) assert.ok(!response.html.includes(words), words)

    const workbook = await t.app.inject({ method: 'GET', url: '/reports/annual/download/xlsx?year=2026', headers: { cookie: analyst.cookieHeader() } })
    assert.equal(workbook.statusCode, 200)
    const sheet = await readSheet(workbook.rawPayload)
    const asText = (table: readonly (readonly unknown[])[]) =>
      table
        .map((row) =>
          row
            .map((cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : ''))
            .join('|')
            .replace(/\|+$/, ''),
        )
        .filter((line) => line !== '')
    assert.deepEqual(asText(sheet), asText(rows))
    const downloads = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('actor_id', '=', t.world.staff.analyst.id)
      .where('action', '=', 'report.downloaded')
      .where('record_id', '=', 'annual-evaluation')
      .execute()
    assert.deepEqual(
      downloads.map((event) => event.details),
      [
        { period: '2026', format: 'csv' },
        { period: '2026', format: 'xlsx' },
      ],
    )
  })

  test('the service manager writes the narrative; the analyst reads it; a second window is told someone saved first; audited', async () => {
    const form = await manager.get('/reports/annual/2026/narrative')
    assert.equal(form.status, 200)
    assert.equal(heading(form.document), 'Write the annual evaluation')
    const other = await signedIn(t, 'otherManager')
    const second = await other.get('/reports/annual/2026/narrative')
    const saved = await manager.post('/reports/annual/2026/narrative', {
      summary: 'We supported fifteen parents.',
      wentWell: 'Advocates met people early.',
      willChange: '',
      familiesToldUs: 'Reports still come late.',
      version: fieldValue(form.document, 'version') ?? '',
    })
    assert.equal(saved.location, '/reports/annual?year=2026')
    const page = await analyst.get(YEAR)
    assert.equal(textOf(page.document.querySelector('[data-narrative="summary"] p')), 'We supported fifteen parents.')
    assert.equal(textOf(page.document.querySelector('[data-narrative="willChange"] p')), 'Not written yet.')
    assert.equal(textOf(page.document.querySelector('[data-narrative="familiesToldUs"] p')), 'Reports still come late.')
    assert.ok(!page.html.includes('/narrative'), 'the analyst is not offered the pen')

    const late = await other.post('/reports/annual/2026/narrative', { summary: 'A different summary', version: fieldValue(second.document, 'version') ?? '' })
    assert.equal(late.location, '/reports/annual/2026/narrative')
    const shown = await other.get(late.location)
    assert.match(errorSummary(shown.document)[0] ?? '', /saved a change .* after you opened this page/)
    assert.equal(fieldValue(shown.document, 'summary'), 'A different summary', 'their words are kept')
    assert.equal(textOf((await analyst.get(YEAR)).document.querySelector('[data-narrative="summary"] p')), 'We supported fifteen parents.')

    const tooLong = await manager.post('/reports/annual/2026/narrative', { summary: 'x'.repeat(5001), version: '1' })
    assert.deepEqual(errorSummary((await manager.get(tooLong.location ?? '')).document), ['Summary must be 5,000 characters or fewer'])
    assert.equal((await manager.post('/reports/annual/2026/narrative', { summary: 'No token', version: '1' }, { withToken: false })).status, 403)
    const audit = await t.database.db.selectFrom('audit_event').select(['actor_id', 'details']).where('action', '=', 'report.narrative-saved').execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.manager.id, details: { period: '2026', sections: ['summary', 'wentWell', 'familiesToldUs'] } }])
    // Another year is its own narrative.
    assert.equal(fieldValue((await manager.get('/reports/annual/2025/narrative')).document, 'summary'), '')
  })

  test('the PDF: the whole evaluation as it leaves the service, tagged for a screen reader, with the narrative and only the words agreed; audited', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/reports/annual/download/pdf?year=2026', headers: { cookie: analyst.cookieHeader() } })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/pdf')
    assert.equal(response.headers['content-disposition'], 'attachment; filename="annual-evaluation-2026.pdf"')
    assert.equal(response.headers['cache-control'], 'no-store')
    const pdf = await readPdf(response.rawPayload)
    assert.equal(pdf.title, `Annual evaluation ${NOW}`)
    assert.equal(pdf.language, 'en-GB')
    const lines = pdf.text.split('\n')
    for (const words of [
      `Annual evaluation ${NOW}`,
      'We supported fifteen parents.',
      'Advocates met people early.',
      'Reports still come late.',
      'Trends by quarter',
      'In their words',
      '“My advocate stood by me.”',
      '“The reports came late.”',
      'Equality',
    ])
      assert.ok(lines.includes(words), words)
    assert.ok(pdf.text.includes('Figures from 1 to 4 are withheld ([c])'))
    // As it leaves the service: the year's answers given are shown, the year before's two are withheld, as in the CSV.
    const caption = lines.indexOf('Did you feel listened to?')
    const answers = lines.indexOf('Answers given', caption)
    assert.deepEqual(lines.slice(answers, answers + 3), ['Answers given', '13', '[c]'])
    assert.deepEqual(
      lines.filter((line) => /^[1-4]$/.test(line)),
      [],
      'no figure from 1 to 4 is printed',
    )
    for (const secret of ['Sam', 'Kim', 'Too many long words', 'RPT-1']) assert.ok(!pdf.text.includes(secret), secret)
    // Tagged: a heading for the document, sections, and tables whose rows and columns have headers.
    assert.equal(pdf.tags.filter((tag) => tag === 'H1').length, 1)
    assert.ok(pdf.tags.filter((tag) => tag === 'H2').length >= 8)
    assert.ok(pdf.tags.filter((tag) => tag === 'Table').length >= 20)
    assert.ok(pdf.tags.includes('TH') && pdf.tags.includes('TD') && pdf.tags.includes('BlockQuote'))
    const downloads = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('actor_id', '=', t.world.staff.analyst.id)
      .where('action', '=', 'report.downloaded')
      .where(sql<boolean>`details ->> 'format' = 'pdf'`)
      .execute()
    assert.deepEqual(
      downloads.map((event) => event.details),
      [{ period: '2026', format: 'pdf' }],
    )
  })

  test('who may: the analyst and managers read; only a manager writes; no one else; another authority’s manager sees their own', async () => {
    for (const who of ['analyst', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(YEAR)).status, 200, who)
      assert.equal((await browser.get('/reports/annual/download/csv?year=2026')).status, 200, who)
    }
    assert.equal((await analyst.get('/reports/annual/2026/narrative')).status, 403)
    assert.equal((await analyst.post('/reports/annual/2026/narrative', { summary: 'Analyst words', version: '0' })).status, 403)
    for (const who of ['referrer', 'admin', 'advocate', 'coordinator', 'sysadmin'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(YEAR)).status, 403, who)
      assert.equal((await browser.get('/reports/annual/download/csv?year=2026')).status, 403, who)
      assert.equal((await browser.get('/reports/annual/2026/narrative')).status, 403, who)
    }
    const elsewhere = new Browser(t.app)
    assert.equal((await elsewhere.signIn(t.world.elsewhere.manager.email, PASSWORD)).status, 303)
    const theirs = await elsewhere.get(YEAR)
    assert.equal(tableRows(theirs.document, 'Referrals by stage')[0]?.[1], '0')
    assert.equal(theirs.document.querySelectorAll('[data-quote]').length, 0)
    assert.equal(textOf(theirs.document.querySelector('[data-narrative="summary"] p')), 'Not written yet. Write it')
  })

  test('whatever the address bar says, a clear error and never a 500', async () => {
    for (const query of [
      'year=banana',
      'year=1999',
      'year=2026&year=2025',
      `year=${encodeURIComponent('2026\u0000<script>')}`,
      `year=${'9'.repeat(5000)}`,
      'published=yes',
    ]) {
      for (const path of ['/reports/annual', '/reports/annual/download/csv', '/reports/annual/download/pdf']) {
        const page = await analyst.get(`${path}?${query}`)
        assert.equal(page.status, 400, `${path}?${query.slice(0, 40)}`)
        assert.deepEqual(errorSummary(page.document), ['Select a financial year from the list'])
        assert.ok(!page.html.includes('<script>'))
      }
    }
    assert.equal((await analyst.get('/reports/annual/download/docx?year=2026')).status, 404)
    for (const year of ['1999', 'banana', '2026%00', '20266']) assert.equal((await manager.get(`/reports/annual/${year}/narrative`)).status, 404, year)
    const opened = await analyst.get('/reports/annual')
    assert.equal(opened.status, 200)
    assert.equal(textOf(opened.document.querySelector('[data-period]')), `${BEFORE}, compared with 2024 to 2025`, 'the last year that has ended')
  })
})
