import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/**
 * The children of the conference. With none known in the family yet its heading is "Children";
 * once there are, the question is the heading, as GOV.UK asks for a page with one question.
 */
export class ChildrenPage extends BasePage {
  private constructor(page: Page, withChildren: boolean) {
    super(page, withChildren ? 'Which children is the meeting about?' : 'Children')
  }

  static async verifyOnPage(page: Page, options: { withChildren: boolean }): Promise<ChildrenPage> {
    return new ChildrenPage(page, options.withChildren).verify()
  }

  child(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true })
  }

  async addAChild(): Promise<void> {
    await this.page.getByRole('link', { name: 'Add a child' }).click()
  }

  async saveAndContinue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and continue' }).click()
  }
}
