import type { Page } from '@playwright/test'
import { dateParts } from '../support/referral-data.ts'
import { BasePage, fillDate } from './base-page.ts'

export interface SupervisionSession {
  readonly kind: 'One-to-one' | 'Group'
  readonly heldOn: string
  readonly attendees: readonly string[]
  readonly notes: string
}

/** Record a supervision session: its kind, date and who came. */
export class NewSupervisionPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Record a supervision session')
  }

  static async verifyOnPage(page: Page): Promise<NewSupervisionPage> {
    return new NewSupervisionPage(page).verify()
  }

  async record(session: SupervisionSession): Promise<void> {
    await this.page
      .getByRole('group', { name: 'What kind of supervision was it?', exact: true })
      .getByRole('radio', { name: session.kind, exact: true })
      .check()
    await fillDate(this.page, 'Date of the session', dateParts(session.heldOn))
    const who = this.page.getByRole('group', { name: 'Who came?', exact: true })
    for (const name of session.attendees) await who.getByRole('checkbox', { name, exact: true }).check()
    await this.page.getByRole('textbox', { name: 'Notes (optional)' }).fill(session.notes)
    await this.page.getByRole('button', { name: 'Save supervision session' }).click()
  }
}
