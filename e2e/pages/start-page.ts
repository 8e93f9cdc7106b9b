import type { Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** "Start": the way into a new Child Protection Advocacy Referral. */
export class StartPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Start a Child Protection Advocacy Referral')
  }

  static async verifyOnPage(page: Page): Promise<StartPage> {
    return new StartPage(page).verify()
  }

  async startNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start now' }).click()
  }
}
