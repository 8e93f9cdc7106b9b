import type { Locator, Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** One enquiry from the public, as the advocacy admin reads it and closes it. */
export class EnquiryPage extends BasePage {
  private constructor(page: Page, name: string) {
    super(page, name)
  }

  static async verifyOnPage(page: Page, name: string): Promise<EnquiryPage> {
    return new EnquiryPage(page, name).verify()
  }

  /** A row of the enquiry's details ("Phone" → "07700 900 982"). */
  detail(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^\\s*${key}\\s*$`) }) })
      .getByRole('definition')
  }

  async close(outcome: string, note: string): Promise<void> {
    await radio(this.page, 'What did you do?', outcome).check()
    await this.page.getByLabel('Note').fill(note)
    await this.page.getByRole('button', { name: 'Close enquiry' }).click()
  }
}
