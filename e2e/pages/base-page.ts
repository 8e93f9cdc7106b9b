import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible } from '../support/fixtures.ts'
import { expectReflows } from '../support/reflow.ts'

/**
 * What every page object shares, as in MoJ's hmpps templates: each page is known by its h1, and
 * `verifyOnPage()` (a static on each page class) checks that heading is there, has axe check the
 * page, and checks it reflows at 320 CSS pixels, so no journey can reach a page without checking it.
 */
export abstract class BasePage {
  readonly page: Page
  readonly heading: Locator

  protected constructor(page: Page, heading: string | RegExp) {
    this.page = page
    this.heading =
      typeof heading === 'string' ? page.getByRole('heading', { level: 1, name: heading, exact: true }) : page.getByRole('heading', { level: 1, name: heading })
  }

  /** The h1 is this page's, axe finds no problem with the page, and it reflows at 320 CSS pixels. */
  protected async verify(): Promise<this> {
    await expect(this.heading).toBeVisible()
    await expectAccessible(this.page)
    await expectReflows(this.page)
    return this
  }

  /** The GOV.UK notification banner a step leaves behind ("Advocate recorded", …). */
  successBanner(heading: string): Locator {
    return this.page.getByRole('alert', { name: 'Success' }).getByRole('heading', { name: heading, exact: true })
  }

  /** The GOV.UK error summary. */
  get errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'There is a problem' }) })
  }

  /** A GOV.UK summary card, by its title. */
  summaryCard(title: string): Locator {
    return this.page.locator('.govuk-summary-card').filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) })
  }

  /** The value against a key in a summary card ("Meeting" → "Date"). */
  summaryValue(cardTitle: string, key: string): Locator {
    return this.summaryCard(cardTitle)
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(key)}\\s*$`) }) })
      .getByRole('definition')
      .first()
  }

  /** A GOV.UK tag (a status): exactly this text. */
  tag(text: string): Locator {
    return this.page.locator('.govuk-tag').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) })
  }

  /** A link in the service navigation ("My work", "Start a referral", "People"). */
  menuLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true })
  }

  async goToMyWork(): Promise<void> {
    await this.menuLink('My work').click()
  }

  async startAReferral(): Promise<void> {
    await this.menuLink('Start a referral').click()
  }

  async goToPeople(): Promise<void> {
    await this.menuLink('People').click()
  }

  /** An advocate's own pages. */
  async goToMyPeople(): Promise<void> {
    await this.menuLink('My people').click()
  }

  async goToAdvocates(): Promise<void> {
    await this.menuLink('Advocates').click()
  }

  async goToProgramme(): Promise<void> {
    await this.menuLink('Peer advocate programme').click()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A GOV.UK radio button, found by its question (the fieldset's legend) and its label. */
export function radio(scope: Page | Locator, question: string, answer: string): Locator {
  // Questions with follow-up questions revealed inside them may hold a second "Yes": the question's
  // own answers come first.
  return scope.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: answer, exact: true }).first()
}

/** Types a date into the GOV.UK date input whose legend is `question`. */
export async function fillDate(scope: Page | Locator, question: string, date: { day: string; month: string; year: string }): Promise<void> {
  const group = scope.getByRole('group', { name: question, exact: true })
  await group.getByRole('textbox', { name: 'Day' }).fill(date.day)
  await group.getByRole('textbox', { name: 'Month' }).fill(date.month)
  await group.getByRole('textbox', { name: 'Year' }).fill(date.year)
}
