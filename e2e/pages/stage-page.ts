import type { Page } from '@playwright/test'
import { BasePage, radio } from './base-page.ts'

/** "Move <name> to another stage" of the peer advocate programme. */
export class StagePage extends BasePage {
  private readonly question: string

  private constructor(page: Page, name: string) {
    const question = `Move ${name} to another stage`
    super(page, question)
    this.question = question
  }

  static async verifyOnPage(page: Page, name: string): Promise<StagePage> {
    return new StagePage(page, name).verify()
  }

  async moveTo(stage: string): Promise<void> {
    await radio(this.page, this.question, stage).check()
    await this.page.getByRole('button', { name: 'Save stage' }).click()
  }
}
