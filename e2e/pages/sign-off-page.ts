import type { Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** The service manager's sign-off: Advocacy Completed ends the workflow. */
export class SignOffPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Sign off the advocacy')
  }

  static async verifyOnPage(page: Page): Promise<SignOffPage> {
    return new SignOffPage(page).verify()
  }

  async complete(): Promise<void> {
    await radio(this.page, 'Next action', 'Advocacy Completed').check()
    await this.page.getByRole('button', { name: 'Confirm' }).click()
  }
}
