import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** "Enquiries from the public": what waits on the advocacy service, and what was closed. */
export class EnquiriesPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Enquiries from the public')
  }

  static async verifyOnPage(page: Page): Promise<EnquiriesPage> {
    return new EnquiriesPage(page).verify()
  }

  closed(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Closed recently' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }
}
