import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** One training cohort: its eight weekly sessions, its members, and a form to add one. */
export class CohortPage extends BasePage {
  readonly sessions: Locator
  readonly members: Locator

  private constructor(page: Page, name: string) {
    super(page, name)
    this.sessions = page.getByRole('table', { name: 'The weekly sessions and how many attended' }).getByRole('row')
    this.members = page.getByRole('table', { name: /member/ })
  }

  static async verifyOnPage(page: Page, name: string): Promise<CohortPage> {
    return new CohortPage(page, name).verify()
  }

  member(name: string): Locator {
    return this.members.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  /** Adds a parent peer advocate, chosen by name from the list ("Name (Training)"). */
  async addToCohort(name: string, stage: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Parent peer advocate' }).selectOption({ label: `${name} (${stage})` })
    await this.page.getByRole('button', { name: 'Add to cohort' }).click()
  }

  async openRegister(week: number): Promise<void> {
    await this.page.getByRole('link', { name: `Register for week ${week}`, exact: true }).click()
  }

  async recordModuleCompletion(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record module completion' }).click()
  }

  async recordAnAccreditation(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record an accreditation' }).click()
  }
}
