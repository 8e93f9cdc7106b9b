import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** The staff page that gives a person their way in (a code on a letter), from their referral. */
export class WayInPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Their way in to their own pages')
  }

  static async verifyOnPage(page: Page): Promise<WayInPage> {
    return new WayInPage(page).verify()
  }

  letterLanguage(name: RegExp): Locator {
    return this.page.getByRole('radio', { name })
  }

  async issue(): Promise<void> {
    await this.page.getByRole('button', { name: /^Issue a (new )?code and show the letter$/ }).click()
  }
}

/** The letter with the code, shown once: its heading is in the letter's language. */
export class LetterPage extends BasePage {
  private constructor(page: Page, heading: string) {
    super(page, heading)
  }

  static async verifyOnPage(page: Page, heading: string): Promise<LetterPage> {
    return new LetterPage(page, heading).verify()
  }

  async code(): Promise<string> {
    return (await this.page.locator('[data-code]').innerText()).trim()
  }
}

/** A page of the person's own, known by its heading in the language it is read in. */
export class FamilyPage extends BasePage {
  private constructor(page: Page, heading: string) {
    super(page, heading)
  }

  static async verifyOnPage(page: Page, heading: string): Promise<FamilyPage> {
    return new FamilyPage(page, heading).verify()
  }

  navigation(label: string): Locator {
    return this.page.getByRole('navigation', { name: label })
  }

  value(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition')
  }
}
