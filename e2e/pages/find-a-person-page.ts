import type { Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** "People": find a person by name. */
export class FindAPersonPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Find a person')
  }

  static async verifyOnPage(page: Page): Promise<FindAPersonPage> {
    return new FindAPersonPage(page).verify()
  }

  async search(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
    await this.page.getByRole('button', { name: 'Search' }).click()
  }

  async open(personName: string): Promise<void> {
    await this.page.getByRole('link', { name: personName, exact: true }).click()
  }
}
