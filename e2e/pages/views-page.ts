import type { Page } from '@playwright/test'
import { dateParts } from '../support/referral-data.ts'
import { BasePage, fillDate } from './base-page.ts'

/** The person's views, in their own words, and whether they agree to share them with the conference chair. */
export class ViewsPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Their views, in their own words')
  }

  static async verifyOnPage(page: Page): Promise<ViewsPage> {
    return new ViewsPage(page).verify()
  }

  async write(views: string, agreedOn: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Their views', exact: true }).fill(views)
    await this.page.getByRole('checkbox', { name: 'They agree to share these views with the conference chair' }).check()
    await fillDate(this.page, 'When did they agree?', dateParts(agreedOn))
    await this.page.getByRole('button', { name: 'Save their views' }).click()
  }
}
