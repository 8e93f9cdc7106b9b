import type { Page } from '@playwright/test'
import { PersonFormPage } from './person-form-page.ts'

/** Add a new parent or carer, when the search found nobody. */
export class NewPersonPage extends PersonFormPage {
  private constructor(page: Page) {
    super(page, 'Add a new parent or carer')
  }

  static async verifyOnPage(page: Page): Promise<NewPersonPage> {
    return new NewPersonPage(page).verify()
  }

  async saveAndContinue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and continue' }).click()
  }
}
