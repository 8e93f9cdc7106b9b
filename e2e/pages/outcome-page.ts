import type { Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

export interface Outcome {
  readonly contacts: string
  readonly contactSummary: string
  readonly attended: string
  readonly viewsHeard: string
  readonly meetingOutcome: string
  readonly hours: string
  readonly notes: string
}

/** The Advocacy Outcome form, completed by FGC Advocacy Admin after the meeting. */
export class OutcomePage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Advocacy Outcome')
  }

  static async verifyOnPage(page: Page): Promise<OutcomePage> {
    return new OutcomePage(page).verify()
  }

  async record(outcome: Outcome): Promise<void> {
    await this.page.getByRole('textbox', { name: 'How many times was the advocate in contact with the person?' }).fill(outcome.contacts)
    await this.page.getByRole('textbox', { name: 'How did they keep in contact? (optional)' }).fill(outcome.contactSummary)
    await radio(this.page, 'Did the advocate attend the meeting?', outcome.attended).check()
    await radio(this.page, "Were the person's views heard at the meeting?", outcome.viewsHeard).check()
    await radio(this.page, 'What was the outcome of the meeting?', outcome.meetingOutcome).check()
    await this.page.getByRole('textbox', { name: 'Hours of advocacy' }).fill(outcome.hours)
    await this.page.getByRole('textbox', { name: 'Notes (optional)' }).fill(outcome.notes)
    await this.page.getByRole('button', { name: 'Save the Advocacy Outcome' }).click()
  }
}
