import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { axeExceptions } from './axe-exceptions.ts'

/**
 * Journeys use this `test`: its `page` counts every document the browser loads, and at the end of
 * each test fails unless axe has checked every one of them. So "axe on every page visited" is not a
 * habit but a rule the test enforces.
 */

interface AccessibilityLedger {
  loads: number
  checked: Set<number>
  urls: Map<number, string>
}

const ledgers = new WeakMap<Page, AccessibilityLedger>()

export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('load')
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .disableRules(axeExceptions.map((exception) => exception.rule))
    .analyze()
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }))
  expect(violations, `axe violations on ${page.url()}`).toEqual([])
  const ledger = ledgers.get(page)
  if (ledger) ledger.checked.add(ledger.loads)
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const ledger: AccessibilityLedger = { loads: 0, checked: new Set(), urls: new Map() }
    ledgers.set(page, ledger)
    page.on('load', () => {
      ledger.loads += 1
      ledger.urls.set(ledger.loads, page.url())
    })
    await use(page)
    const unchecked = [...ledger.urls].filter(([load]) => !ledger.checked.has(load)).map(([, url]) => url)
    expect(unchecked, 'pages loaded but never checked with axe').toEqual([])
  },
})

export { expect }
