import type { Page } from '@playwright/test'
import { expect } from '../support/fixtures.ts'
import { BasePage } from './base-page.ts'

/** The account is made: its one-time link to choose a password is shown once, here. */
export class AccountCreatedPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Account created')
  }

  static async verifyOnPage(page: Page): Promise<AccountCreatedPage> {
    return new AccountCreatedPage(page).verify()
  }

  /** The one-time link, shown as code to copy. */
  async oneTimeLink(): Promise<string> {
    const link = this.page.getByRole('main').getByRole('code')
    await expect(link).toHaveText(/^https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+$/)
    return (await link.innerText()).trim()
  }

  async backToAdvocates(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to advocates' }).click()
  }
}
