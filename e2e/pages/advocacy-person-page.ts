import type { Download, Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** The advocate's page for one person they work with: the brief, their contacts and the person's views. */
export class AdvocacyPersonPage extends BasePage {
  readonly calendarLink: Locator

  private constructor(page: Page, personName: string) {
    super(page, personName)
    this.calendarLink = page.getByRole('link', { name: 'Download the meeting for your calendar' })
  }

  static async verifyOnPage(page: Page, personName: string): Promise<AdvocacyPersonPage> {
    return new AdvocacyPersonPage(page, personName).verify()
  }

  /** A contact recorded, by what the summary list says of it ("In person, 45 minutes …"). */
  contact(text: string): Locator {
    return this.page.getByRole('definition').filter({ hasText: text })
  }

  async downloadTheMeeting(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.calendarLink.click()
    return download
  }

  async recordAContact(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record a contact' }).click()
  }

  async writeTheirViews(): Promise<void> {
    await this.page.getByRole('button', { name: 'Write their views' }).click()
  }
}
