import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** An advocate's own page in the pool: their stage, whether they can be offered work, and their record. */
export class AdvocatePage extends BasePage {
  /** "Can be offered work…", or the warning that says why not. */
  readonly canBeOffered: Locator
  readonly cannotBeOffered: Locator

  private constructor(page: Page, name: string) {
    super(page, name)
    this.canBeOffered = page.getByText(/^Can be offered work/)
    this.cannotBeOffered = page.getByText(/Cannot be offered work: /)
  }

  static async verifyOnPage(page: Page, name: string): Promise<AdvocatePage> {
    return new AdvocatePage(page, name).verify()
  }

  /** An entry under "Stages": "Training, 24 November 2026 (Chris Byrne (coordinator))". */
  stageChange(stage: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${stage}, `) })
  }

  async moveToAnotherStage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Move to another stage' }).click()
  }

  get giveThemASignInButton(): Locator {
    return this.page.getByRole('button', { name: 'Give them a sign-in' })
  }

  async giveThemASignIn(): Promise<void> {
    await this.giveThemASignInButton.click()
  }
}
