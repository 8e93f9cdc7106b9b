import { readFile } from 'node:fs/promises'
import { readSheet } from 'read-excel-file/node'
import { parseCsv } from '../test/support/csv.ts'
import { signInAs } from './support/accounts.ts'
import { expect, expectAccessible, test } from './support/fixtures.ts'
import { expectReflows } from './support/reflow.ts'

/**
 * The quarterly commissioner return (issue 13): the analyst opens it, switches to the quarter the
 * demo's referrals were sent in and to the financial year, checks the chart draws what its table
 * says, and downloads the quarter as CSV and as an Excel workbook; both files are opened and
 * checked: the same rows, no count from 1 to 4 left in them. axe and 320 pixels on every page.
 */

test.describe.configure({ timeout: 900_000 })

/** The financial quarter of today, as the chooser's value ("2026-Q3" is October to December 2026). */
function thisQuarter(): string {
  const today = new Date()
  const month = today.getUTCMonth()
  const year = month >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1
  const number = month >= 3 ? Math.floor((month - 3) / 3) + 1 : 4
  return `${year}-Q${number}`
}

async function checked(page: import('@playwright/test').Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quarterly commissioner return')
  await expectAccessible(page)
  await expectReflows(page)
}

/** A figure table's rows as text: label, then each column. */
async function tableRows(table: import('@playwright/test').Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())))
}

test('the analyst switches the period, checks the chart against its table, and downloads the quarter as CSV and Excel', async ({ page }) => {
  await signInAs(page, 'analyst')
  await page.goto('/reports')
  await checked(page)

  // The quarter the demo's referrals were sent in.
  const quarter = thisQuarter()
  await page.getByRole('radio', { name: 'A quarter' }).check()
  await page.getByLabel('Quarter', { exact: true }).selectOption(quarter)
  await page.getByRole('button', { name: 'Show the return' }).click()
  await checked(page)
  const period = (await page.locator('[data-period]').textContent()) ?? ''
  expect(period).toContain(', compared with ')

  // The chart draws what its table says: each bar's value is the table's figure for that stage
  // (the table's columns: the figure, this period, its share, the period before, the change).
  const stages = await tableRows(page.getByRole('table', { name: 'Referrals by stage' }))
  const total = stages.find((row) => row[0] === 'All referrals sent')
  expect(Number(total?.[1])).toBeGreaterThan(0)
  const bars = await page.locator('figure.app-chart rect title').allTextContents()
  for (const [label, now, , before] of stages.filter((row) => row[0] !== 'All referrals sent' && row[0] !== 'Stage not recorded')) {
    expect(bars).toContain(`${label}, this period: ${now}`)
    expect(bars).toContain(`${label}, the period before: ${before}`)
  }
  await expect(page.locator('[data-chart-summary]')).not.toBeEmpty()

  // The CSV: opened and checked.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this quarter’s return as CSV' }).click()])
  expect(csvDownload.suggestedFilename()).toBe(`quarterly-return-${quarter}.csv`)
  const csv = parseCsv(await readFile(await csvDownload.path(), 'utf8'))
  const csvTotal = csv.find((row) => row[1] === 'Referrals by stage' && row[2] === 'All referrals sent')
  expect(csvTotal).toBeDefined()
  const smallCounts = csv
    .filter((row) => row.length >= 5 && !row[1]?.startsWith('Days taken'))
    .filter((row) => /^[1-4]$/.test(row[3] ?? '') || /^[1-4]$/.test(row[4] ?? ''))
  expect(smallCounts, 'no count from 1 to 4 leaves the service').toEqual([])

  // The workbook: opened and checked against the CSV, counts as numbers.
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download this quarter’s return as an Excel workbook' }).click(),
  ])
  expect(xlsxDownload.suggestedFilename()).toBe(`quarterly-return-${quarter}.xlsx`)
  const sheet = await readSheet(await readFile(await xlsxDownload.path()))
  const sheetTotal = sheet.find((row) => row[1] === 'Referrals by stage' && row[2] === 'All referrals sent')
  expect(sheetTotal?.[3]).toBe(/^\d+$/.test(csvTotal?.[3] ?? '') ? Number(csvTotal?.[3]) : csvTotal?.[3])
  const asText = (rows: readonly (readonly unknown[])[]) =>
    rows
      .map((row) =>
        row
          .map((cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : ''))
          .join('|')
          .replace(/\|+$/, ''),
      )
      .filter((line) => line !== '')
  expect(asText(sheet), 'the workbook holds what the CSV holds').toEqual(asText(csv))

  // The financial year: the same page, another period, no downloads (a range is not published).
  await page.getByRole('radio', { name: 'A financial year (April to March)' }).check()
  await page.getByRole('button', { name: 'Show the return' }).click()
  await checked(page)
  await expect(page.locator('[data-period]')).not.toHaveText(period)
  await expect(page.getByRole('link', { name: 'Download this quarter’s return as CSV' })).toHaveCount(0)
})
