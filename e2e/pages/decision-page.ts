import type { Locator, Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

export type Decision =
  | { readonly nextAction: 'progress'; readonly advocateType: string; readonly priority: string; readonly reasons: string }
  | { readonly nextAction: 'no further action'; readonly reasons: string }

/** Section 2, the Advocacy Manager's Decision, and the next action it leads to. */
export class DecisionPage extends BasePage {
  private constructor(page: Page) {
    super(page, "Section 2: Advocacy Manager's Decision")
  }

  static async verifyOnPage(page: Page): Promise<DecisionPage> {
    return new DecisionPage(page).verify()
  }

  /** The warning a late referral carries, with the referrer's reason. */
  lateWarning(reason: string): Locator {
    return this.page.getByText(`The referrer's reason: ${reason}`)
  }

  async decide(decision: Decision): Promise<void> {
    if (decision.nextAction === 'progress') {
      await radio(this.page, 'Next action', 'Progress: Child Protection Advocacy Review').check()
      await radio(this.page, 'Type of advocate', decision.advocateType).check()
      await radio(this.page, 'Priority', decision.priority).check()
    } else {
      await radio(this.page, 'Next action', 'No Further Action').check()
    }
    await this.page.getByRole('textbox', { name: 'Reasons for your decision' }).fill(decision.reasons)
    await this.page.getByRole('button', { name: 'Record decision' }).click()
  }
}
