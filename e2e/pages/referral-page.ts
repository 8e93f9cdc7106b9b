import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/**
 * A referral once sent: its status, the steps this user may take now (as buttons), every part of it
 * as summary cards, and its timeline. Its h1 is the name of the person referred.
 */
export class ReferralPage extends BasePage {
  readonly timeline: Locator

  private constructor(page: Page, personName: string) {
    super(page, personName)
    this.timeline = page.getByRole('heading', { level: 3 }).and(page.locator('.moj-timeline__title'))
  }

  static async verifyOnPage(page: Page, personName: string): Promise<ReferralPage> {
    return new ReferralPage(page, personName).verify()
  }

  /** One of the steps the page offers (GOV.UK buttons that are links). */
  action(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  async takeAction(name: string): Promise<void> {
    await this.action(name).click()
  }

  /** The person's views, in their own words: in the advocacy record, or shared with everyone once shared. */
  get viewsCard(): Locator {
    return this.page
      .locator('.govuk-summary-card')
      .filter({ has: this.page.getByRole('heading', { name: "The person's views, in their own words", exact: true }) })
  }

  /** The advocacy record's contacts: for the advocacy service only. */
  get contactsCard(): Locator {
    return this.page.locator('.govuk-summary-card').filter({ has: this.page.getByRole('heading', { name: 'Contacts with the person', exact: true }) })
  }

  async shareViewsWithTheChair(): Promise<void> {
    await this.page.getByRole('button', { name: 'Share with the conference chair' }).click()
  }

  /** "Next step", "Waiting on" or "Due", while the referral is open. */
  summary(key: string): Locator {
    return this.page
      .locator('.govuk-summary-list--no-border .govuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) })
      .getByRole('definition')
  }
}
