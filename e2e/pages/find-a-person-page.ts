import type { Page } from '@playwright/test'
import { dateParts, type PersonDetails } from '../support/referral-data.ts'
import { BasePage, fillDate } from './base-page.ts'

/** "People": find a person by their whole name and date of birth. */
export class FindAPersonPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Find a person')
  }

  static async verifyOnPage(page: Page): Promise<FindAPersonPage> {
    return new FindAPersonPage(page).verify()
  }

  async search(person: PersonDetails): Promise<void> {
    await this.page.getByRole('textbox', { name: 'First name', exact: true }).fill(person.givenName)
    await this.page.getByRole('textbox', { name: 'Last name', exact: true }).fill(person.familyName)
    await fillDate(this.page, 'Date of birth', dateParts(person.dateOfBirth))
    await this.page.getByRole('button', { name: 'Search' }).click()
  }

  async open(personName: string): Promise<void> {
    await this.page.getByRole('link', { name: personName, exact: true }).click()
  }
}
