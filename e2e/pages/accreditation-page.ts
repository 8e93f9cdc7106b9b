import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** Record a Level 2 accreditation of the advocacy module. */
export class AccreditationPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Record a Level 2 accreditation')
  }

  static async verifyOnPage(page: Page): Promise<AccreditationPage> {
    return new AccreditationPage(page).verify()
  }

  who(name: string): Locator {
    return this.page.getByRole('group', { name: 'Who was accredited?', exact: true }).getByRole('radio', { name, exact: true })
  }

  /** The date is today's unless changed. */
  async record(name: string): Promise<void> {
    await this.who(name).check()
    await this.page.getByRole('button', { name: 'Record accreditation' }).click()
  }
}
