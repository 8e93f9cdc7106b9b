import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** The sign-in page, as it is after a password has just been chosen. */
export class SignInPage extends BasePage {
  readonly passwordSaved: Locator

  private constructor(page: Page) {
    super(page, 'Sign in')
    this.passwordSaved = page.getByText('Your password has been saved. Sign in with it now.')
  }

  static async verifyOnPage(page: Page): Promise<SignInPage> {
    return new SignInPage(page).verify()
  }
}
