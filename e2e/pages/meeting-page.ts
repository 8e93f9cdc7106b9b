import type { Page } from '@playwright/test'
import { dateParts, type MeetingDetails } from '../support/referral-data.ts'
import { BasePage, fillDate, radio } from './base-page.ts'

/** The meeting the advocate is needed for, and the stage the family is at. */
export class MeetingPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'The meeting')
  }

  static async verifyOnPage(page: Page): Promise<MeetingPage> {
    return new MeetingPage(page).verify()
  }

  async fillIn(meeting: MeetingDetails): Promise<void> {
    await radio(this.page, 'Type of meeting', meeting.type).check()
    await fillDate(this.page, 'Date of the meeting', dateParts(meeting.date))
    await this.page.getByRole('textbox', { name: 'Time (optional)' }).fill(meeting.time)
    await this.page.getByRole('textbox', { name: 'Venue (optional)' }).fill(meeting.venue)
    await radio(this.page, 'Which stage is the family at?', meeting.stage).check()
  }

  async saveAndContinue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and continue' }).click()
  }
}
