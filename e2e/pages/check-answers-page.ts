import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** Check your answers, then send the mandatory "Pass to FGC Service Manager" request. */
export class CheckAnswersPage extends BasePage {
  readonly lateReason: Locator
  readonly note: Locator

  private constructor(page: Page) {
    super(page, 'Check your answers and send the request')
    this.lateReason = page.getByRole('textbox', { name: 'Why could the referral not be made sooner?' })
    this.note = page.getByRole('textbox', { name: 'Note for the FGC Advocacy Admin team (optional)' })
  }

  static async verifyOnPage(page: Page): Promise<CheckAnswersPage> {
    return new CheckAnswersPage(page).verify()
  }

  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send request to FGC Advocacy Admin' }).click()
  }
}
