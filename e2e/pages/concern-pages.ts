import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** Who receives safeguarding concerns, in order, and how long each has (a service manager keeps it). */
export class ConcernRulesPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Rules for safeguarding concerns')
  }

  static async verifyOnPage(page: Page): Promise<ConcernRulesPage> {
    return new ConcernRulesPage(page).verify()
  }

  async choose(place: string, option: string): Promise<void> {
    await this.page.getByLabel(place).selectOption({ label: option })
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save rules' }).click()
  }
}

/** One safeguarding concern: what was raised, who it is with, every step it took. */
export class ConcernPage extends BasePage {
  readonly state: Locator
  readonly steps: Locator

  private constructor(page: Page) {
    super(page, 'Safeguarding concern')
    this.state = page.locator('[data-concern-state]')
    this.steps = page.locator('[data-concern-steps] li')
  }

  static async verifyOnPage(page: Page): Promise<ConcernPage> {
    return new ConcernPage(page).verify()
  }

  value(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition')
  }

  async acknowledge(plan: string): Promise<void> {
    await this.page.getByLabel('Acknowledge it: what will you do?').fill(plan)
    await this.page.getByRole('button', { name: 'Acknowledge the concern' }).click()
  }
}
