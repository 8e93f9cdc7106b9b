import type { Locator, Page } from '@playwright/test'
import { dateParts, type PersonDetails } from '../support/referral-data.ts'
import { BasePage, fillDate } from './base-page.ts'

/** The fields that describe a person, shared by "Add a new parent or carer" and "Add a child". */
export abstract class PersonFormPage extends BasePage {
  readonly givenName: Locator
  readonly familyName: Locator

  protected constructor(page: Page, heading: string) {
    super(page, heading)
    this.givenName = page.getByRole('textbox', { name: 'First name', exact: true })
    this.familyName = page.getByRole('textbox', { name: 'Last name', exact: true })
  }

  async fillIn(person: PersonDetails): Promise<void> {
    await this.givenName.fill(person.givenName)
    await this.familyName.fill(person.familyName)
    await fillDate(this.page, 'Date of birth (optional)', dateParts(person.dateOfBirth))
  }
}
