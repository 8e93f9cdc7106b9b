import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** "Is the meeting ready for the family?": each readiness item, and a form for what this person may record. */
export class ReadinessPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Is the meeting ready for the family?')
  }

  static async verifyOnPage(page: Page): Promise<ReadinessPage> {
    return new ReadinessPage(page).verify()
  }

  /** The row of the readiness table for an item ("Social worker’s report shared with the family"). */
  item(startsWith: string): Locator {
    return this.page.locator('#readiness tbody tr').filter({ hasText: startsWith })
  }

  get items(): Locator {
    return this.page.locator('#readiness tbody tr')
  }

  async fillDate(name: string, isoDate: string): Promise<void> {
    const [year = '', month = '', day = ''] = isoDate.split('-')
    await this.page.locator(`input[name="${name}-day"]`).fill(String(Number(day)))
    await this.page.locator(`input[name="${name}-month"]`).fill(String(Number(month)))
    await this.page.locator(`input[name="${name}-year"]`).fill(year)
  }

  async choose(name: string, value: string): Promise<void> {
    await this.page.locator(`input[name="${name}"][value="${value}"]`).check()
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click()
  }
}
