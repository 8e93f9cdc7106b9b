import type { Page } from '@playwright/test'
import { expect } from '../support/fixtures.ts'
import { BasePage } from './base-page.ts'

/** The confirmation that the request went to FGC Advocacy Admin, with the referral's reference. */
export class RequestSentPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Request sent')
  }

  static async verifyOnPage(page: Page): Promise<RequestSentPage> {
    return new RequestSentPage(page).verify()
  }

  /** The reference, in bold under "Referral reference" in the confirmation panel. */
  async reference(): Promise<string> {
    await expect(this.page.getByText('Referral reference')).toBeVisible()
    const reference = this.page.getByRole('main').getByRole('strong')
    await expect(reference).toHaveText(/^[A-Z]+-\d+$/)
    return (await reference.innerText()).trim()
  }

  async viewTheReferral(): Promise<void> {
    await this.page.getByRole('link', { name: 'View the referral' }).click()
  }
}
