import type { Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

export interface Contact {
  readonly method: 'In person' | 'Phone call' | 'Video call' | 'Message or email' | 'At a meeting'
  readonly minutes: string
  readonly notes: string
}

/** The advocate records a contact with the person (the date is today's unless changed). */
export class ContactPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Record a contact')
  }

  static async verifyOnPage(page: Page): Promise<ContactPage> {
    return new ContactPage(page).verify()
  }

  async record(contact: Contact): Promise<void> {
    await radio(this.page, 'How?', contact.method).check()
    await this.page.getByRole('textbox', { name: 'How long, in minutes (optional)' }).fill(contact.minutes)
    await this.page.getByRole('textbox', { name: 'Notes (optional)' }).fill(contact.notes)
    await this.page.getByRole('button', { name: 'Save contact' }).click()
  }
}
