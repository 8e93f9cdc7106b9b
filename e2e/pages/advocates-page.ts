import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** "Advocates": the pool, with each advocate's stage, places and whether they can be offered work. */
export class AdvocatesPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Advocates')
  }

  static async verifyOnPage(page: Page): Promise<AdvocatesPage> {
    return new AdvocatesPage(page).verify()
  }

  /** The pool's row for this advocate. */
  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  async addAnAdvocate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add an advocate' }).click()
  }

  async open(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click()
  }
}
