import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** The advocate's "My people": offers waiting for their answer, and the people they work with. */
export class MyPeoplePage extends BasePage {
  readonly offers: Locator
  readonly people: Locator

  private constructor(page: Page) {
    super(page, 'My people')
    this.offers = page.getByRole('table', { name: 'Offers waiting for your answer' })
    this.people = page.getByRole('table', { name: 'People you are working with' })
  }

  static async verifyOnPage(page: Page): Promise<MyPeoplePage> {
    return new MyPeoplePage(page).verify()
  }

  offer(personName: string): Locator {
    return this.offers.getByRole('row').filter({ has: this.page.getByRole('link', { name: personName, exact: true }) })
  }

  person(personName: string): Locator {
    return this.people.getByRole('row').filter({ has: this.page.getByRole('link', { name: personName, exact: true }) })
  }

  async openOffer(personName: string): Promise<void> {
    await this.offer(personName).getByRole('link', { name: personName, exact: true }).click()
  }

  async openPerson(personName: string): Promise<void> {
    await this.person(personName).getByRole('link', { name: personName, exact: true }).click()
  }
}
