import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** A person's page, with the referrals this user may open. */
export class PersonPage extends BasePage {
  private constructor(page: Page, personName: string) {
    super(page, personName)
  }

  static async verifyOnPage(page: Page, personName: string): Promise<PersonPage> {
    return new PersonPage(page, personName).verify()
  }

  referral(reference: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: reference, exact: true }) })
  }

  async openReferral(reference: string): Promise<void> {
    await this.page.getByRole('link', { name: reference, exact: true }).click()
  }
}
