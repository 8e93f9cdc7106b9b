import assert from 'node:assert/strict'
import { isDeepStrictEqual } from 'node:util'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { loadQuarterlyDataset } from '../../../../test/support/report-dataset.ts'
import { PASSWORD } from '../../../../test/support/world.ts'
import { readSheet } from 'read-excel-file/node'
import { csvFileRows as parseCsv, smallNumbersShown } from '../../../../test/support/csv.ts'

const Q2 = '/reports?period=quarter&quarter=2026-Q2'

describe(`the quarterly commissioner return (${engine})`, () => {
  let t: TestApp
  let analyst: Browser
  before(async () => {
    t = await startTestApp()
    await loadQuarterlyDataset(t.database.db, t.world)
    analyst = await signedIn(t, 'analyst')
  })
  after(async () => t.close())

  test('every figure of Q2, as recorded, beside Q1 (worked out by hand from the dataset)', async () => {
    const page = await analyst.get(Q2)
    assert.equal(page.status, 200)
    assert.equal(
      textOf(page.document.querySelector('[data-period]')),
      'Q2 2026 to 2027 (July to September 2026), compared with Q1 2026 to 2027 (April to June 2026)',
    )
    const table = (caption: string) => tableRows(page.document, caption)
    assert.deepEqual(table('Referrals by stage'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['Early Help', '1', '8%', '0', '+1'],
      ['Child in Need', '5', '42%', '0', '+5'],
      ['Child Protection', '6', '50%', '3', '+3'],
      ['Stage not recorded', '0', '0%', '0', 'No change'],
    ])
    const meetings = table('Referrals by meeting type')
    assert.deepEqual(
      meetings.filter((row) => row[1] !== '0'),
      [
        ['All referrals sent', '12', '', '3', '+9'],
        ['Initial child protection conference', '6', '50%', '3', '+3'],
        ['Child in need review', '6', '50%', '0', '+6'],
      ],
    )
    assert.equal(meetings.length, 9, 'every meeting type, and "not recorded"')
    assert.deepEqual(table('Referrals by the referrer’s team'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['No team', '12', '100%', '3', '+9'],
    ])
    assert.deepEqual(table('Parents, carers and children'), [
      ['Parents and carers referred', '12', '', '3', '+9'],
      ['Parents and carers supported (allocated an advocate or service)', '7', '58%', '3', '+4'],
      ['Children named on the referrals', '13', '108%', '3', '+10'],
      ['Children whose parent or carer was supported', '8', '67%', '3', '+5'],
    ])
    assert.deepEqual(table('Requests for an advocate from the public pages'), [
      ['All requests', '6', '', '0', '+6'],
      ['Linked to a referral', '2', '33%', '0', '+2'],
      ['The social worker was asked to refer', '1', '17%', '0', '+1'],
      ['Answered and closed', '1', '17%', '0', '+1'],
      ['Still waiting', '2', '33%', '0', '+2'],
    ])
    assert.deepEqual(table('Referrals against the 7 and 14 day rule'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['On time (7 days before an initial conference, 14 before a review)', '4', '33%', '3', '+1'],
      ['Late', '2', '17%', '0', '+2'],
      ['For a meeting with no deadline', '6', '50%', '0', '+6'],
    ])
    assert.deepEqual(table('Late referrals'), [
      ['Late referrals', '2', '', '0', '+2'],
      ['The referrer said why', '1', '50%', '0', '+1'],
      ['No reason given', '1', '50%', '0', '+1'],
    ])
    assert.deepEqual(table('Days taken (the median: half took this long or less)'), [
      ['From referral to the Advocacy Manager’s Decision', '2 days', '', '2 days', 'No change'],
      ['From referral to an advocate or service accepting', '5 days', '', '5 days', 'No change'],
      ['From referral to the advocate first meeting the person', '10 days', '', 'None', ''],
    ])
    assert.deepEqual(table('The Advocacy Manager’s Decision'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['Progressed to a Child Protection Advocacy Review', '8', '67%', '3', '+5'],
      ['No Further Action', '2', '17%', '0', '+2'],
      ['Not decided (yet, or withdrawn first)', '2', '17%', '0', '+2'],
    ])
    assert.deepEqual(table('Referrals withdrawn, and why'), [
      ['All withdrawn', '1', '', '0', '+1'],
      ['The person withdrew their consent', '1', '100%', '0', '+1'],
      ['The meeting was cancelled', '0', '0%', '0', 'No change'],
      ['The referral was made in error', '0', '0%', '0', 'No change'],
      ['Another reason', '0', '0%', '0', 'No change'],
    ])
    assert.deepEqual(table('Who the person was allocated to'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['Allocated an advocate or local service', '7', '58%', '3', '+4'],
      ['A parent peer advocate', '5', '42%', '3', '+2'],
      ['A professional advocate', '1', '8%', '0', '+1'],
      ['A specialist local service', '1', '8%', '0', '+1'],
      ['Not allocated', '5', '42%', '0', '+5'],
    ])
    assert.deepEqual(
      table('The person’s preferences, when they stated them').map((row) => [row[0], row[1]]),
      [
        ['All referrals sent', '12'],
        ['Asked for a language', '2'],
        ['Language met by the advocate', '1'],
        ['Language met with an interpreter', '1'],
        ['Language not met', '0'],
        ['Asked for an advocate’s gender', '2'],
        ['Gender met', '1'],
        ['Gender not met', '1'],
        ['Asked for a cultural heritage', '0'],
        ['Cultural heritage met', '0'],
        ['Cultural heritage not met', '0'],
      ],
    )
    assert.deepEqual(table('Offers to advocates'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['Offers declined', '1', '8%', '0', '+1'],
      ['Offers not answered in time', '1', '8%', '0', '+1'],
    ])
    assert.deepEqual(
      table('Parent peer advocates by stage at the end of the period').filter((row) => row[1] !== '0' || row[3] !== '0'),
      [
        ['All parent peer advocates', '8', '', '8', 'No change'],
        ['Training', '1', '13%', '1', 'No change'],
        ['Active', '6', '75%', '7', '−1'],
        ['Left', '1', '13%', '0', '+1'],
      ],
    )
    assert.deepEqual(table('In the period'), [
      ['New applicants', '0', '', '0', 'No change'],
      ['Accredited', '2', '', '0', '+2'],
      ['Left', '1', '', '0', '+1'],
    ])
    // What the records do not hold yet is named, not shown as a figure.
    const gaps = [...page.document.querySelectorAll('[data-gap]')].map((gap) => textOf(gap))
    assert.ok(gaps.some((gap) => gap.includes('Why referrals were late')))
    assert.ok(gaps.some((gap) => gap.includes('No Further Action by coded reason')))
    assert.ok(!gaps.some((gap) => gap.includes('consultation')), 'children’s consultation is a figure now')
    assert.ok(page.document.querySelector('[data-table="consultation"]'), 'children consulted before their review conference')
    assert.ok(!gaps.some((gap) => gap.includes('meeting readiness') || gap.includes('Outcomes')), 'outcomes and readiness are figures now')
  })

  test('outcomes, meeting readiness and children’s advocacy in Q2, beside Q1 (by hand from the dataset’s second table)', async () => {
    const page = await analyst.get(Q2)
    const table = (caption: string) => tableRows(page.document, caption)
    // r1-r5's peer advocates accepted on 15 August, before their meetings (1 December); r6's meeting was on the 14th.
    assert.deepEqual(table('Meetings with an advocate in place in time'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['An advocate in place before the meeting’s day', '5', '42%', '3', '+2'],
      ['An advocate in place only on the day or after', '1', '8%', '0', '+1'],
      ['No advocate (not allocated, or a local service)', '6', '50%', '0', '+6'],
      ['No meeting recorded', '0', '0%', '0', 'No change'],
    ])
    assert.deepEqual(table('Did the advocate attend the meeting? (the Advocacy Outcome)'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['The advocate attended the meeting', '5', '42%', '1', '+4'],
      ['The advocate did not attend', '1', '8%', '0', '+1'],
      ['The meeting did not go ahead', '1', '8%', '0', '+1'],
      ['No Advocacy Outcome recorded (yet)', '5', '42%', '2', '+3'],
    ])
    assert.deepEqual(table('Were the person’s views heard? (where an Advocacy Outcome is recorded)'), [
      ['Advocacy Outcomes recorded', '7', '', '1', '+6'],
      ['The person’s views were heard fully', '4', '57%', '1', '+3'],
      ['Heard partly', '1', '14%', '0', '+1'],
      ['Not heard', '1', '14%', '0', '+1'],
      ['Not said', '1', '14%', '0', '+1'],
    ])
    assert.deepEqual(table('The person’s views, prepared with their advocate'), [
      ['All referrals sent', '12', '', '3', '+9'],
      ['Prepared and shared with the chair (the person agreed)', '2', '17%', '0', '+2'],
      ['Prepared, not shared', '1', '8%', '0', '+1'],
      ['None recorded', '9', '75%', '3', '+6'],
    ])
    assert.deepEqual(table('Meeting readiness (child protection conferences)'), [
      ['Referrals for a child protection conference', '6', '', '3', '+3'],
      ['The family had the reports in time', '4', '67%', '1', '+3'],
      ['The chair met the family before the conference', '4', '67%', '1', '+3'],
      ['A Family Group Conference was offered', '4', '67%', '1', '+3'],
      ['An interpreter was needed', '1', '17%', '0', '+1'],
      ['An interpreter was needed and booked', '1', '17%', '0', '+1'],
      ['Ready: all of these (an interpreter where one was needed)', '3', '50%', '1', '+2'],
    ])
    // r1-r6's seven children (r1 names two); r7's child's answer is for a child in need review, so it is not counted.
    assert.deepEqual(table('Children of child protection conferences offered an advocate'), [
      ['Children offered an advocate', '7', '', '3', '+4'],
      ['Accepted', '2', '29%', '0', '+2'],
      ['Declined', '2', '29%', '0', '+2'],
      ['Not answered yet (they will have an advocate unless they decline)', '3', '43%', '3', 'No change'],
    ])
    assert.deepEqual(table('Who accepted'), [
      ['Accepted', '2', '', '0', '+2'],
      ['By the child', '1', '50%', '0', '+1'],
      ['By someone who speaks for them', '1', '50%', '0', '+1'],
      ['The child’s own referral started', '1', '50%', '0', '+1'],
    ])
    assert.deepEqual(table('Who declined'), [
      ['Declined', '2', '', '0', '+2'],
      ['By the child', '1', '50%', '0', '+1'],
      ['By someone who speaks for them', '1', '50%', '0', '+1'],
    ])
    // Split by the parent's record: r1-r7 are mothers', r8-r12 fathers'.
    const byRelationship = tableRows(page.document, 'Relationship to the child, Q2 2026 to 2027 (July to September 2026)')
    assert.deepEqual(byRelationship.slice(-4), [
      ['An advocate in place in time', '5', '0', '0', '0', '0'],
      ['The advocate attended the meeting', '5', '0', '0', '0', '0'],
      ['Views heard fully', '4', '0', '0', '0', '0'],
      ['Conference ready (every readiness item)', '3', '0', '0', '0', '0'],
    ])
    const byAge = tableRows(page.document, 'Young parents (age when referred), Q2 2026 to 2027 (July to September 2026)')
    assert.deepEqual(
      byAge.slice(-4),
      [
        ['An advocate in place in time', '1', '4', '0'],
        ['The advocate attended the meeting', '1', '4', '0'],
        ['Views heard fully', '1', '3', '0'],
        ['Conference ready (every readiness item)', '1', '2', '0'],
      ],
      'r1 was under 25',
    )
  })

  test('outcomes and children as they leave the service: withheld by hand', async () => {
    const page = await analyst.get(`${Q2}&published=yes`)
    const table = (caption: string) => tableRows(page.document, caption).map((row) => [row[0], row[1], row[3]])
    // r6's late advocate (1) is small; the smallest other part (5 in time) goes with it. Q1's 3 are small.
    assert.deepEqual(table('Meetings with an advocate in place in time'), [
      ['All referrals sent', '12', '[c]'],
      ['An advocate in place before the meeting’s day', '[c]', '[c]'],
      ['An advocate in place only on the day or after', '[c]', '0'],
      ['No advocate (not allocated, or a local service)', '6', '0'],
      ['No meeting recorded', '0', '0'],
    ])
    // Every answer is 1 to 3 children: withheld; the 7 offered stays, three of its parts hidden.
    assert.deepEqual(table('Children of child protection conferences offered an advocate'), [
      ['Children offered an advocate', '7', '[c]'],
      ['Accepted', '[c]', '0'],
      ['Declined', '[c]', '0'],
      ['Not answered yet (they will have an advocate unless they decline)', '[c]', '[c]'],
    ])
    assert.deepEqual(table('Who accepted'), [
      ['Accepted', '[c]', '0'],
      ['By the child', '[c]', '0'],
      ['By someone who speaks for them', '[c]', '0'],
      ['The child’s own referral started', '[c]', '0'],
    ])
    for (const caption of [
      'Did the advocate attend the meeting? (the Advocacy Outcome)',
      'Were the person’s views heard? (where an Advocacy Outcome is recorded)',
      'The person’s views, prepared with their advocate',
      'Meeting readiness (child protection conferences)',
      'Who declined',
    ]) {
      assert.deepEqual(smallNumbersShown(table(caption).map((row) => row.map((cell) => cell ?? ''))), [], caption)
    }
  })

  test('an equality split, by hand: mothers and fathers, and young parents', async () => {
    const page = await analyst.get(Q2)
    const byRelationship = tableRows(page.document, 'Relationship to the child, Q2 2026 to 2027 (July to September 2026)')
    // Columns: mother, father, another carer, prefer not to say, not recorded
    assert.deepEqual(byRelationship, [
      ['Referrals', '7', '5', '0', '0', '0'],
      ['Parents and carers referred', '7', '5', '0', '0', '0'],
      ['Parents and carers supported', '7', '0', '0', '0', '0'],
      ['Early Help', '0', '1', '0', '0', '0'],
      ['Child in Need', '1', '4', '0', '0', '0'],
      ['Child Protection', '6', '0', '0', '0', '0'],
      ['Stage not recorded', '0', '0', '0', '0', '0'],
      ['Referred on time', '4', '0', '0', '0', '0'],
      ['Referred late', '2', '0', '0', '0', '0'],
      ['For a meeting with no deadline', '1', '5', '0', '0', '0'],
      ['Progressed', '7', '1', '0', '0', '0'],
      ['No Further Action', '0', '2', '0', '0', '0'],
      ['Not decided', '0', '2', '0', '0', '0'],
      ['Withdrawn', '0', '1', '0', '0', '0'],
      ['Allocated an advocate or local service', '7', '0', '0', '0', '0'],
      ['Not allocated', '0', '5', '0', '0', '0'],
      ['Offers declined', '1', '0', '0', '0', '0'],
      ['Offers not answered in time', '1', '0', '0', '0', '0'],
      ['An advocate in place in time', '5', '0', '0', '0', '0'],
      ['The advocate attended the meeting', '5', '0', '0', '0', '0'],
      ['Views heard fully', '4', '0', '0', '0', '0'],
      ['Conference ready (every readiness item)', '3', '0', '0', '0', '0'],
    ])
    const byAge = tableRows(page.document, 'Young parents (age when referred), Q2 2026 to 2027 (July to September 2026)')
    assert.deepEqual(byAge[0], ['Referrals', '3', '9', '0'], 'r1, r8 and r9 were under 25 when referred')
    const byLanguage = tableRows(page.document, 'First language, Q2 2026 to 2027 (July to September 2026)')
    assert.deepEqual(byLanguage[0], ['Referrals', '7', '1', '0', '4'], 'English, another language, prefer not to say, not recorded')
    const byEthnicity = tableRows(page.document, 'Ethnicity (ONS 2021 census groups), Q2 2026 to 2027 (July to September 2026)')
    assert.deepEqual(byEthnicity[0], ['Referrals', '0', '3', '0', '4', '0', '1', '4'], 'Asian, Black, Mixed, White, Other, prefer not to say, not recorded')
  })

  test('as it leaves the service: no count from 1 to 4 anywhere, and the stage table withheld by hand', async () => {
    const page = await analyst.get(`${Q2}&published=yes`)
    assert.equal(page.status, 200)
    assert.deepEqual(smallNumbersShown(tableRows(page.document).map((row) => [row[0] ?? '', row[1] ?? '', row[3] ?? ''])), [])
    // Early Help (1) is small; Child in Need (5) is the smallest other stage, so it goes too. Among mothers, Child in Need (1)
    // is small and Child Protection (6) goes with it; as no one else had a Child Protection referral, its total (6) would
    // give the mothers' away, so it is withheld too. The total of 12 stays: three of its parts are hidden.
    assert.deepEqual(tableRows(page.document, 'Referrals by stage'), [
      ['All referrals sent', '12', '', '[c]', ''],
      ['Early Help', '[c]', '', '0', ''],
      ['Child in Need', '[c]', '', '0', ''],
      ['Child Protection', '[c]', '', '[c]', ''],
      ['Stage not recorded', '0', '0%', '0', 'No change'],
    ])
    // Q1 had 3 referrals in all: small, so every part of it that is not zero is withheld.
    assert.equal(tableRows(page.document, 'Referrals by stage')[0]?.[3], '[c]')
    const byRelationship = tableRows(page.document, 'Relationship to the child, Q2 2026 to 2027 (July to September 2026)')
    assert.deepEqual(smallNumbersShown(byRelationship), [])
    assert.deepEqual(byRelationship[8], ['Referred late', '[c]', '0', '0', '0', '0'], 'two late mothers: withheld')
  })

  test('the CSV: the return with small numbers withheld, safe to open, and the download audited', async () => {
    const response = await analyst.get('/reports/download/csv?period=quarter&quarter=2026-Q2')
    assert.equal(response.status, 200)
    assert.equal(response.response.headers['content-type'], 'text/csv; charset=utf-8')
    assert.equal(response.response.headers['content-disposition'], 'attachment; filename="quarterly-return-2026-Q2.csv"')
    const rows = parseCsv(response.html)
    assert.deepEqual(rows[1], ['Period', 'Q2 2026 to 2027 (July to September 2026)', 'Compared with', 'Q1 2026 to 2027 (April to June 2026)'])
    const figures = rows.filter((row) => row.length >= 5 && row[0] !== 'Section' && !row[1]?.startsWith('Days taken'))
    assert.ok(figures.length > 60, 'every figure of the return')
    assert.deepEqual(smallNumbersShown(figures.map((row) => [row[2] ?? '', row[3] ?? '', row[4] ?? ''])), [])
    assert.deepEqual(
      figures.find((row) => row[1] === 'Referrals by stage' && row[2] === 'Early Help'),
      ['Reach', 'Referrals by stage', 'Early Help', '[c]', '0', ''],
    )
    assert.deepEqual(
      figures.find((row) => row[1] === 'Referrals by stage' && row[2] === 'All referrals sent'),
      ['Reach', 'Referrals by stage', 'All referrals sent', '12', '[c]', ''],
    )
    assert.deepEqual(
      figures.find((row) => row[1] === 'Referrals by meeting type' && row[2] === 'Child in need review'),
      ['Reach', 'Referrals by meeting type', 'Child in need review', '6', '0', '6'],
      'a change is a number',
    )
    assert.ok(
      rows.some((row) => row[0] === 'Relationship to the child, Q2 2026 to 2027 (July to September 2026)'),
      'with the equality splits',
    )
    assert.ok(
      rows.some((row) => row[1] === 'Not yet recorded'),
      'and the gaps, named',
    )
    assert.deepEqual(
      figures.find((row) => row[1] === 'Meetings with an advocate in place in time' && row[2] === 'An advocate in place before the meeting’s day'),
      ['Timeliness', 'Meetings with an advocate in place in time', 'An advocate in place before the meeting’s day', '[c]', '[c]', ''],
    )
    assert.deepEqual(
      figures.find((row) => row[1] === 'Children of child protection conferences offered an advocate' && row[2] === 'Children offered an advocate'),
      ['Children’s advocacy', 'Children of child protection conferences offered an advocate', 'Children offered an advocate', '7', '[c]', ''],
    )
    assert.ok(
      rows.some(
        (row) =>
          row[0] === 'Children’s advocacy' &&
          row[1] === 'Children of 4 or more consulted before their review conference' &&
          row[2] === 'Children due a consultation',
      ),
    )
    assert.ok(!rows.some((row) => row[0] === 'Children’s advocacy' && row[1] === 'Not yet recorded'))
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('actor_id', '=', t.world.staff.analyst.id)
      .where('action', '=', 'report.downloaded')
      .execute()
    assert.deepEqual(
      audit.map((event) => event.details),
      [{ period: '2026-Q2', format: 'csv' }],
    )
  })

  test('the Excel workbook: the same figures, withheld the same way, numbers as numbers; audited', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/reports/download/xlsx?period=quarter&quarter=2026-Q2',
      headers: { cookie: analyst.cookieHeader() },
    })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    assert.equal(response.headers['content-disposition'], 'attachment; filename="quarterly-return-2026-Q2.xlsx"')
    const sheet = await readSheet(response.rawPayload)
    const csv = parseCsv((await analyst.get('/reports/download/csv?period=quarter&quarter=2026-Q2')).html)
    const asText = (rows: readonly (readonly unknown[])[]) =>
      rows
        .map((row) =>
          row
            .map((cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : ''))
            .join('|')
            .replace(/\|+$/, ''),
        )
        .filter((line) => line !== '')
    assert.deepEqual(asText(sheet), asText(csv), 'the workbook holds what the CSV holds')
    const total = sheet.find((row) => row[1] === 'Referrals by stage' && row[2] === 'All referrals sent')
    assert.deepEqual(total?.slice(0, 5), ['Reach', 'Referrals by stage', 'All referrals sent', 12, '[c]'], 'a count is a number cell')
    const downloads = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('actor_id', '=', t.world.staff.analyst.id)
      .where('action', '=', 'report.downloaded')
      .execute()
    assert.ok(downloads.some((event) => isDeepStrictEqual(event.details, { period: '2026-Q2', format: 'xlsx' })))
  })

  test('a team whose name starts like a formula is written as text in the CSV', async () => {
    const team = await t.database.db
      .insertInto('team')
      .values({ authority_id: t.world.authorityId, name: '=HYPERLINK("http://example.invalid","Click")' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.database.db.insertInto('team_member').values({ team_id: team.id, user_id: t.world.staff.referrer.id, authority_id: t.world.authorityId }).execute()
    const rows = parseCsv((await analyst.get('/reports/download/csv?period=quarter&quarter=2026-Q2')).html)
    const teamRow = rows.find((row) => row[1] === 'Referrals by the referrer’s team' && row[2] !== 'All referrals sent')
    assert.equal(teamRow?.[2], '\'=HYPERLINK("http://example.invalid","Click")')
    await t.database.db.deleteFrom('team_member').where('team_id', '=', team.id).execute()
  })

  test('viewing is audited with the period, and says nothing about anyone', async () => {
    await analyst.get('/reports?period=year&year=2026')
    const viewed = await t.database.db
      .selectFrom('audit_event')
      .select(['details', 'record_type'])
      .where('actor_id', '=', t.world.staff.analyst.id)
      .where('action', '=', 'report.viewed')
      .execute()
    assert.ok(viewed.some((event) => isDeepStrictEqual(event.details, { period: '2026', published: false })))
  })

  test('the page opens on the last quarter that has ended, with a chart that has its title, description and table', async () => {
    const page = await analyst.get('/reports')
    assert.equal(page.status, 200)
    const svg = page.document.querySelector('svg[role="img"]')
    assert.ok(svg, 'a chart')
    assert.equal(textOf(svg.querySelector('title')), 'Referrals by stage: this period and the period before')
    assert.match(textOf(svg.querySelector('desc')), /^Bar chart of referrals by stage: Early Help/)
    assert.ok(textOf(page.document.querySelector('[data-chart-summary]')).length > 0, 'and a summary in words')
    assert.ok(page.document.querySelector('[data-table="stage"]'), 'and its data table')
    assert.equal(page.document.querySelector('main')?.querySelectorAll('script').length, 0, 'and no script')
  })

  test('a year or a range is shown but not downloaded; a range compares with the same number of days before', async () => {
    const range = await analyst.get('/reports?period=range&from-day=1&from-month=8&from-year=2026&to-day=31&to-month=8&to-year=2026')
    assert.equal(range.status, 200)
    assert.equal(textOf(range.document.querySelector('[data-period]')), '1 August 2026 to 31 August 2026, compared with 1 July 2026 to 31 July 2026')
    assert.equal(tableRows(range.document, 'Referrals by stage')[0]?.[1], '12')
    const year = await analyst.get('/reports/download/csv?period=year&year=2026')
    assert.equal(year.status, 400)
    assert.deepEqual(errorSummary(year.document), ['Only a quarter’s return can be downloaded: choose a quarter'])
  })

  test('whatever the address bar says, a clear error and never a 500', async () => {
    const cases: [string, string][] = [
      ['period=banana', 'Select a quarter, a financial year or a range of dates'],
      ['period=quarter&quarter=2026-Q9', 'Select a quarter from the list'],
      ['period=quarter&quarter=2026-Q1&quarter=2026-Q2', 'Select a quarter from the list'],
      ['period=year&year=99999', 'Select a financial year from the list'],
      ['period=range', 'Enter the first day of the period'],
      ['period=range&from-day=31&from-month=2&from-year=2026&to-day=1&to-month=3&to-year=2026', 'First day of the period must be a real date'],
      ['period=range&from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026', 'The end of the period must be the same as or after the start'],
      ['period=range&from-day=1&from-month=1&from-year=1990&to-day=1&to-month=1&to-year=2026', 'The period must be 5 years or shorter'],
      [`period=quarter&quarter=${encodeURIComponent('2026-Q1\u0000<script>')}`, 'Select a quarter from the list'],
      [`period=${'x'.repeat(5000)}`, 'Select a quarter, a financial year or a range of dates'],
    ]
    for (const [query, message] of cases) {
      for (const path of ['/reports', '/reports/download/csv']) {
        const page = await analyst.get(`${path}?${query}`)
        assert.equal(page.status, 400, `${path}?${query.slice(0, 60)}`)
        assert.equal(errorSummary(page.document)[0], message, `${path}?${query.slice(0, 60)}`)
        assert.ok(!page.html.includes('<script>'), 'nothing shown unescaped')
      }
    }
    assert.equal((await analyst.get('/reports/download/pdf')).status, 404)
  })

  test('the analyst and service managers read the reports; no one else does, and the analyst opens no one’s record', async () => {
    for (const who of ['analyst', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(Q2)).status, 200, who)
      assert.equal((await browser.get('/reports/download/csv?period=quarter&quarter=2026-Q2')).status, 200, who)
    }
    for (const who of ['referrer', 'admin', 'advocate', 'coordinator', 'sysadmin'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(Q2)).status, 403, who)
      assert.equal((await browser.get('/reports/download/csv?period=quarter&quarter=2026-Q2')).status, 403, who)
    }
    const person = await t.database.db.selectFrom('person').select('id').where('authority_id', '=', t.world.authorityId).executeTakeFirstOrThrow()
    assert.ok([403, 404].includes((await analyst.get(`/people/${person.id}`)).status))
  })

  test('another authority’s service manager sees only their own figures', async () => {
    const elsewhere = new Browser(t.app)
    assert.equal((await elsewhere.signIn(t.world.elsewhere.manager.email, PASSWORD)).status, 303)
    assert.equal(tableRows((await elsewhere.get(Q2)).document, 'Referrals by stage')[0]?.[1], '0')
  })
})
