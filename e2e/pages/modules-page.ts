import type { Locator, Page } from '@playwright/test'
import { expect } from '../support/fixtures.ts'
import { BasePage } from './base-page.ts'

/** Module completion: each member's six modules as checkboxes. */
export class ModulesPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Module completion')
  }

  static async verifyOnPage(page: Page): Promise<ModulesPage> {
    return new ModulesPage(page).verify()
  }

  /** One member's modules (their fieldset). */
  modulesOf(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true }).getByRole('checkbox')
  }

  async completeAll(name: string): Promise<void> {
    const modules = this.modulesOf(name)
    await expect(modules).toHaveCount(6)
    for (const module of await modules.all()) await module.check()
    await this.page.getByRole('button', { name: 'Save module completion' }).click()
  }
}
