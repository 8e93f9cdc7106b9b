import type { Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** A one-time link's page: the new account holder chooses their password. */
export class SetPasswordPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Choose your password')
  }

  static async verifyOnPage(page: Page): Promise<SetPasswordPage> {
    return new SetPasswordPage(page).verify()
  }

  async choose(password: string): Promise<void> {
    // Password fields have no ARIA role: they are found by their labels.
    await this.page.getByLabel('Password', { exact: true }).fill(password)
    await this.page.getByLabel('Type the password again', { exact: true }).fill(password)
    await this.page.getByRole('button', { name: 'Save password' }).click()
  }
}
