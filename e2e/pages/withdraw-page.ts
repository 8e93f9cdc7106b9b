import type { Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** Withdraw a referral, with the reason. */
export class WithdrawPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Withdraw this referral')
  }

  static async verifyOnPage(page: Page): Promise<WithdrawPage> {
    return new WithdrawPage(page).verify()
  }

  async withdraw(reason: string): Promise<void> {
    await radio(this.page, 'Why?', reason).check()
    await this.page.getByRole('button', { name: 'Withdraw referral' }).click()
  }
}
