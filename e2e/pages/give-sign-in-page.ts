import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** The coordinator gives an advocate a sign-in, for a one-time link to choose a password. */
export class GiveSignInPage extends BasePage {
  readonly email: Locator

  private constructor(page: Page, name: string) {
    super(page, `Give ${name} a sign-in`)
    this.email = page.getByRole('textbox', { name: 'Their email address' })
  }

  static async verifyOnPage(page: Page, name: string): Promise<GiveSignInPage> {
    return new GiveSignInPage(page, name).verify()
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create sign-in' }).click()
  }
}
