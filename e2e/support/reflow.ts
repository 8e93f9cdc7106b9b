import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'
import { reflowExceptions } from './reflow-exceptions.ts'

/** The narrowest screen WCAG 2.2's Reflow (1.4.10) asks for: 1280 CSS pixels at 400% zoom. */
export const NARROWEST = 320

/**
 * Issue 8, item 19: the page, at 320 CSS pixels wide, never scrolls sideways
 * (`document.documentElement.scrollWidth <= 320`), and every cell of a table (which stacks on a
 * narrow screen) says which column it is (`data-label`). The page objects' `verifyOnPage` runs it on
 * every page a journey visits, then puts the window back as it was. A page may be let off only in
 * `reflow-exceptions.ts`, with its reason.
 */
export async function expectReflows(page: Page): Promise<void> {
  const path = new URL(page.url()).pathname
  if (reflowExceptions.some((exception) => exception.path.test(path))) return
  const viewport = page.viewportSize()
  await page.setViewportSize({ width: NARROWEST, height: viewport?.height ?? 720 })
  try {
    const found = await page.evaluate((narrowest) => {
      const describe = (element: Element) => `${element.tagName.toLowerCase()}${[...element.classList].map((name) => `.${name}`).join('')}`
      return {
        scrollWidth: document.documentElement.scrollWidth,
        overflowing: [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > narrowest + 0.5 && element.getBoundingClientRect().width > 1)
          .slice(-5)
          .map(describe),
        unlabelled: [...document.querySelectorAll('.govuk-table .govuk-table__body td')]
          .filter((cell) => !cell.hasAttribute('data-label'))
          .slice(0, 5)
          .map((cell) => `${describe(cell)} "${(cell.textContent ?? '').trim().slice(0, 40)}"`),
      }
    }, NARROWEST)
    expect(found.scrollWidth, `${path} scrolls sideways at ${NARROWEST}px; what reaches past the edge: ${found.overflowing.join(', ')}`).toBeLessThanOrEqual(
      NARROWEST,
    )
    expect(found.unlabelled, `${path}: table cells that do not say which column they are when the table stacks`).toEqual([])
  } finally {
    if (viewport) await page.setViewportSize(viewport)
  }
}
