import type { Locator, Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** FGC Advocacy Admin passes the "Pass to FGC Service Manager" request to a named service manager. */
export class PassToManagerPage extends BasePage {
  readonly lateWarning: Locator

  private constructor(page: Page) {
    super(page, 'Pass to FGC Service Manager')
    this.lateWarning = page.getByText('This is a late referral. The service manager will see the reason the referrer gave.')
  }

  static async verifyOnPage(page: Page): Promise<PassToManagerPage> {
    return new PassToManagerPage(page).verify()
  }

  async passTo(managerName: string, note: string): Promise<void> {
    await radio(this.page, 'Which service manager should decide?', managerName).check()
    await this.page.getByRole('textbox', { name: 'Note (optional)' }).fill(note)
    await this.page.getByRole('button', { name: 'Pass to service manager' }).click()
  }
}
