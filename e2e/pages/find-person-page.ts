import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** Find the parent or carer first, so that the same person is not recorded twice. */
export class FindPersonPage extends BasePage {
  readonly name: Locator

  private constructor(page: Page) {
    super(page, 'Find the parent or carer')
    this.name = page.getByRole('textbox', { name: 'Name', exact: true })
  }

  static async verifyOnPage(page: Page): Promise<FindPersonPage> {
    return new FindPersonPage(page).verify()
  }

  async search(name: string): Promise<void> {
    await this.name.fill(name)
    await this.page.getByRole('button', { name: 'Search' }).click()
  }

  /** "0 people found", "1 person found". */
  resultsHeading(text: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: text })
  }

  async addNewPerson(): Promise<void> {
    await this.page.getByRole('link', { name: 'add a new parent or carer' }).click()
  }
}
