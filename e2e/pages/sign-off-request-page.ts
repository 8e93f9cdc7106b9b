import type { Locator, Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** FGC Advocacy Admin sends the "Pass to FGC Service Manager" request for sign-off. */
export class SignOffRequestPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Send to FGC Service Manager for sign-off')
  }

  static async verifyOnPage(page: Page): Promise<SignOffRequestPage> {
    return new SignOffRequestPage(page).verify()
  }

  manager(name: string): Locator {
    return radio(this.page, 'Which service manager should sign it off?', name)
  }

  async send(managerName: string): Promise<void> {
    await this.manager(managerName).check()
    await this.page.getByRole('button', { name: 'Send for sign-off' }).click()
  }
}
