import { readFile } from 'node:fs/promises'
import { AnnualEvaluationPage, NarrativePage, ParticipationPage } from './pages/annual-evaluation-page.ts'
import { signInAs } from './support/accounts.ts'
import { expect, test } from './support/fixtures.ts'

/**
 * The annual evaluation (issue 13): the service manager writes the year's narrative; the analyst
 * reads the evaluation and the participation group's themes, and takes its figures away as CSV
 * (the file is opened and checked). Every page is checked with axe and at 320 pixels by its page
 * object. A screenshot of the evaluation is kept for the record when `EVALUATION_SCREENSHOT` names a file.
 */

test.describe.configure({ timeout: 300_000 })

/** The financial year the demo's referrals were sent in: April to March, named by the April. */
function thisFinancialYear(): string {
  const today = new Date()
  const year = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1
  return `${year} to ${year + 1}`
}

test('a service manager writes the narrative; the analyst reads the evaluation and the themes, and downloads its figures', async ({ page }) => {
  const year = thisFinancialYear()
  await signInAs(page, 'manager')
  await page.goto('/reports')
  await page.getByRole('link', { name: 'the annual evaluation' }).click()
  let evaluation = await AnnualEvaluationPage.verifyOnPage(page)
  evaluation = await evaluation.chooseYear(year)
  await expect(page.locator('[data-period]')).toContainText(`${year}, compared with`)
  await page.getByRole('link', { name: 'Write the narrative' }).click()
  await NarrativePage.verifyOnPage(page)
  await page.getByLabel('Summary').fill('This year the service stood beside more parents than ever, most of them before their first conference.')
  await page.getByLabel('What went well').fill('Advocates met people early, and most parents said they felt listened to.')
  await page.getByLabel('What families told us').fill('Reports still reach families late. We will ask chairs to share them sooner.')
  await page.getByRole('button', { name: 'Save the narrative' }).click()
  evaluation = await AnnualEvaluationPage.verifyOnPage(page)
  await expect(evaluation.successBanner('Narrative saved')).toBeVisible()
  await expect(evaluation.narrative('summary')).toContainText('stood beside more parents than ever')

  await page.context().clearCookies()
  await signInAs(page, 'analyst')
  await page.goto('/reports')
  await page.getByRole('link', { name: 'the annual evaluation' }).click()
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
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
  expect(lines[0]).toBe('Annual evaluation')
  expect(lines[1]).toMatch(new RegExp(`^Year,${year},Compared with,`))
  expect(lines.some((line) => line.startsWith('Reach,Referrals by stage,All referrals sent,'))).toBe(true)
  expect(lines.filter((line) => line.startsWith('Referrals sent,Q'))).toHaveLength(4)
  // As it leaves the service: no figure from 1 to 4 in the figures' columns.
  const small = lines.filter((line) => /^(Reach|Timeliness|Decisions and allocation),/.test(line)).filter((line) => /^(?:[^,]*,){3}[1-4],/.test(line))
  expect(small).toEqual([])
  expect(csv).not.toContain('stood beside more parents')

  await evaluation.chooseYear(year, { published: true })
  await expect(page.getByText('Shown as it leaves the service')).toBeVisible()

  await page.getByRole('link', { name: 'The participation group’s themes, by quarter' }).click()
  await ParticipationPage.verifyOnPage(page)
  await expect(page.getByRole('table', { name: 'Themes in what families wrote (one answer may have several)' })).toBeVisible()
  await page.getByRole('button', { name: 'Show the themes' }).click()
  await ParticipationPage.verifyOnPage(page)
})
