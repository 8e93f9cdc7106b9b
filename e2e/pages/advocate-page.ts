import type { Locator, Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** Child Protection Advocacy Review: who the advocate is. */
export class AdvocatePage extends BasePage {
  readonly name: Locator

  private constructor(page: Page) {
    super(page, 'Record the advocate')
    this.name = page.getByRole('textbox', { name: "Advocate's name" })
  }

  static async verifyOnPage(page: Page): Promise<AdvocatePage> {
    return new AdvocatePage(page).verify()
  }

  type(label: string): Locator {
    return radio(this.page, 'Type of advocate', label)
  }

  async record(name: string, type: string): Promise<void> {
    await this.name.fill(name)
    await this.type(type).check()
    await this.page.getByRole('button', { name: 'Record advocate' }).click()
  }
}
