import type { Locator, Page } from '@playwright/test'
import { dateParts, type PersonDetails } from '../support/referral-data.ts'
import { BasePage, fillDate } from './base-page.ts'

/** Find the parent or carer first, so that the same person is not recorded twice. */
export class FindPersonPage extends BasePage {
  readonly givenName: Locator
  readonly familyName: Locator

  private constructor(page: Page) {
    super(page, 'Find the parent or carer')
    this.givenName = page.getByRole('textbox', { name: 'First name', exact: true })
    this.familyName = page.getByRole('textbox', { name: 'Last name', exact: true })
  }

  static async verifyOnPage(page: Page): Promise<FindPersonPage> {
    return new FindPersonPage(page).verify()
  }

  /** A search by whole name and date of birth, as the page asks. */
  async search(person: PersonDetails): Promise<void> {
    await this.givenName.fill(person.givenName)
    await this.familyName.fill(person.familyName)
    await fillDate(this.page, 'Date of birth', dateParts(person.dateOfBirth))
    await this.page.getByRole('button', { name: 'Search' }).click()
  }

  /** "0 people found", "1 person found". */
  resultsHeading(text: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: text })
  }

  async addNewPerson(): Promise<void> {
    await this.page.getByRole('link', { name: 'add a new parent or carer' }).click()
  }
}
