import type { Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** An offer, as the advocate sees it: who, when, what helps them, and their answer. */
export class OfferPage extends BasePage {
  private constructor(page: Page, personName: string) {
    super(page, `Will you be ${personName}'s advocate?`)
  }

  static async verifyOnPage(page: Page, personName: string): Promise<OfferPage> {
    return new OfferPage(page, personName).verify()
  }

  async accept(): Promise<void> {
    await radio(this.page, 'Your answer', 'Yes, I will be their advocate').check()
    await this.page.getByRole('button', { name: 'Send my answer' }).click()
  }

  async decline(reason: string): Promise<void> {
    await radio(this.page, 'Your answer', 'No, I cannot take this').check()
    await this.page.getByRole('textbox', { name: 'Why can you not take it?' }).fill(reason)
    await this.page.getByRole('button', { name: 'Send my answer' }).click()
  }
}
