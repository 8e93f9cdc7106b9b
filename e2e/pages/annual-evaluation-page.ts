import type { Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** The annual evaluation (/reports/annual): a year beside the year before, its trends, the people's voices and the narrative. */
export class AnnualEvaluationPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Annual evaluation')
  }

  static async verifyOnPage(page: Page): Promise<AnnualEvaluationPage> {
    return new AnnualEvaluationPage(page).verify()
  }

  async chooseYear(label: string, options: { published?: boolean } = {}): Promise<AnnualEvaluationPage> {
    await this.page.getByLabel('Financial year (April to March)').selectOption({ label })
    const box = this.page.getByLabel('Show the figures as they leave the service (numbers from 1 to 4 withheld)')
    if (options.published) await box.check()
    else await box.uncheck()
    await this.page.getByRole('button', { name: 'Show the evaluation' }).click()
    return AnnualEvaluationPage.verifyOnPage(this.page)
  }

  narrative(section: string) {
    return this.page.locator(`[data-narrative="${section}"]`)
  }
}

/** Where a service manager writes the year's narrative. */
export class NarrativePage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Write the annual evaluation')
  }

  static async verifyOnPage(page: Page): Promise<NarrativePage> {
    return new NarrativePage(page).verify()
  }
}

/** The participation group's themes (/reports/participation). */
export class ParticipationPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Themes for the participation group')
  }

  static async verifyOnPage(page: Page): Promise<ParticipationPage> {
    return new ParticipationPage(page).verify()
  }
}
