import type { Page } from '@playwright/test'
import { PersonFormPage } from './person-form-page.ts'

/** Add a child to the parent's family, and to the referral. */
export class NewChildPage extends PersonFormPage {
  private constructor(page: Page) {
    super(page, 'Add a child')
  }

  static async verifyOnPage(page: Page): Promise<NewChildPage> {
    return new NewChildPage(page).verify()
  }

  async addChild(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add child' }).click()
  }
}
