import { readFile } from 'node:fs/promises'
import { parseCsv } from '../test/support/csv.ts'
import { readPdf } from '../test/support/pdf.ts'
import { AnnualEvaluationPage, NarrativePage, ParticipationPage } from './pages/annual-evaluation-page.ts'
import { signInAs } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'

/**
 * The annual evaluation (issue 13): the service manager writes the year's narrative; the analyst
 * reads the evaluation and the participation group's themes, and takes its figures away as CSV
 * and the whole evaluation as a PDF (each file is opened and checked). Every page is checked with axe and at 320 pixels by its page
 * object. A screenshot of the evaluation is kept for the record when `EVALUATION_SCREENSHOT` names a file.
 */

// The evaluation is a long page (every figure, four charts, the equality splits): axe and the 320 pixel check take their time on it.
test.describe.configure({ timeout: 900_000 })

/** Opens the reports' first page and checks it. */
async function openReports(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('/reports')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quarterly commissioner return')
  await expectAccessible(page)
  await expectReflows(page)
  await page.getByRole('link', { name: 'the annual evaluation' }).click()
}

/** The financial year the demo's referrals were sent in: April to March, named by the April. */
function thisFinancialYear(): string {
  const today = new Date()
  const year = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1
  return `${year} to ${year + 1}`
}

test('a service manager writes the narrative; the analyst reads the evaluation and the themes, and downloads its figures and the PDF', async ({ page }) => {
  const year = thisFinancialYear()
  await signInAs(page, 'manager')
  await openReports(page)
  await (await AnnualEvaluationPage.verifyOnPage(page)).chooseYear(year)
  await expect(page.locator('[data-period]')).toContainText(`${year}, compared with`)
  await page.getByRole('link', { name: 'Write the narrative' }).click()
  await NarrativePage.verifyOnPage(page)
  await page.getByLabel('Summary').fill('This year the service stood beside more parents than ever, most of them before their first conference.')
  await page.getByLabel('What went well').fill('Advocates met people early, and most parents said they felt listened to.')
  await page.getByLabel('What families told us').fill('Reports still reach families late. We will ask chairs to share them sooner.')
  await page.getByRole('button', { name: 'Save the narrative' }).click()
  let evaluation = await AnnualEvaluationPage.verifyOnPage(page)
  await expect(evaluation.successBanner('Narrative saved')).toBeVisible()
  await expect(evaluation.narrative('summary')).toContainText('stood beside more parents than ever')

  await page.context().clearCookies()
  await signInAs(page, 'analyst')
  await openReports(page)
  evaluation = await AnnualEvaluationPage.verifyOnPage(page)
  evaluation = await evaluation.chooseYear(year)
  await expect(evaluation.narrative('summary')).toContainText('stood beside more parents than ever')
  await expect(evaluation.narrative('familiesToldUs')).toContainText('Reports still reach families late')
  await expect(page.getByRole('link', { name: 'Write the narrative' })).toHaveCount(0)
  // Each chart's table has the figures the chart draws.
  const referrals = page.getByRole('table', { name: 'Referrals sent by quarter' })
  await expect(referrals).toBeVisible()
  await expect(page.locator('[data-trend="referrals"] svg title').first()).toContainText('Referrals sent by quarter')
  if (process.env['EVALUATION_SCREENSHOT']) await page.screenshot({ path: process.env['EVALUATION_SCREENSHOT'], fullPage: true })

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the figures as CSV' }).click()])
  expect(download.suggestedFilename()).toMatch(/^annual-evaluation-\d{4}\.csv$/)
  const csv = await readFile(await download.path(), 'utf8')
  const rows = parseCsv(csv)
  expect(rows[0]).toEqual(['Annual evaluation'])
  expect(rows[1]?.slice(0, 3)).toEqual(['Year', year, 'Compared with'])
  expect(rows.some((row) => row[0] === 'Reach' && row[1] === 'Referrals by stage' && row[2] === 'All referrals sent')).toBe(true)
  expect(rows.filter((row) => row[0] === 'Referrals sent' && /^Q[1-4]$/.test(row[1] ?? ''))).toHaveLength(4)
  // As it leaves the service: no count from 1 to 4 in the figures' columns (medians in days are not counts).
  const small = rows
    .filter((row) => row.length >= 5 && row[0] !== 'Section' && !row[1]?.startsWith('Days taken'))
    .filter((row) => /^[1-4]$/.test(row[3] ?? '') || /^[1-4]$/.test(row[4] ?? ''))
  expect(small).toEqual([])
  expect(csv).not.toContain('stood beside more parents')

  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the evaluation as a PDF' }).click()])
  expect(pdfDownload.suggestedFilename()).toMatch(/^annual-evaluation-\d{4}\.pdf$/)
  const pdf = await readPdf(await readFile(await pdfDownload.path()))
  expect(pdf.title).toBe(`Annual evaluation ${year}`)
  expect(pdf.language).toBe('en-GB')
  expect(pdf.text).toContain('stood beside more parents than ever')
  expect(pdf.text).toContain('Referrals sent by quarter')
  expect(pdf.tags).toContain('H1')
  expect(pdf.tags).toContain('TH')
  expect(pdf.text.split('\n').filter((line) => /^[1-4]$/.test(line))).toEqual([])

  await evaluation.chooseYear(year, { published: true })
  await expect(page.getByText('Shown as it leaves the service')).toBeVisible()

  await page.getByRole('link', { name: 'The participation group’s themes, by quarter' }).click()
  await ParticipationPage.verifyOnPage(page)
  await expect(page.getByRole('table', { name: 'Themes in what families wrote (one answer may have several)' })).toBeVisible()
  await page.getByRole('button', { name: 'Show the themes' }).click()
  await ParticipationPage.verifyOnPage(page)
})
