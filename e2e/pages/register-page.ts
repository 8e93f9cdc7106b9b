import type { Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** A week's register: who came to the session. */
export class RegisterPage extends BasePage {
  private constructor(page: Page, week: number) {
    super(page, `Week ${week} of 8: register`)
  }

  static async verifyOnPage(page: Page, week: number): Promise<RegisterPage> {
    return new RegisterPage(page, week).verify()
  }

  async record(attended: readonly string[]): Promise<void> {
    const who = this.page.getByRole('group', { name: 'Who attended?', exact: true })
    for (const name of attended) await who.getByRole('checkbox', { name, exact: true }).check()
    await this.page.getByRole('button', { name: 'Save attendance' }).click()
  }
}
