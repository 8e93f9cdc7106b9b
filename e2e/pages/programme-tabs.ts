import type { Locator, Page } from '@playwright/test'
import { expect } from '../support/fixtures.ts'
import { dateParts } from '../support/referral-data.ts'
import { BasePage, fillDate } from './base-page.ts'

/**
 * The peer advocate programme's three tabs share their h1, "Peer advocate programme": each page
 * object also checks its own tab is the current one and its section heading is there.
 */
abstract class ProgrammeTab extends BasePage {
  protected constructor(page: Page) {
    super(page, 'Peer advocate programme')
  }

  protected async verifyTab(tab: string, section: string): Promise<this> {
    await expect(this.page.getByRole('navigation', { name: 'Peer advocate programme' }).getByRole('link', { name: tab, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await expect(this.page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible()
    return this.verify()
  }

  async goToTab(tab: 'Overview' | 'Training cohorts' | 'Supervision'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Peer advocate programme' }).getByRole('link', { name: tab, exact: true }).click()
  }
}

/** "Peer advocate programme": the pipeline, supervision due, and who cannot be offered work. */
export class ProgrammeOverviewPage extends ProgrammeTab {
  private constructor(page: Page) {
    super(page)
  }

  static async verifyOnPage(page: Page): Promise<ProgrammeOverviewPage> {
    return new ProgrammeOverviewPage(page).verifyTab('Overview', 'The pipeline')
  }

  /** How many advocates are at a stage, in the pipeline table. */
  pipelineCount(stage: string): Locator {
    return this.page
      .getByRole('table', { name: /by stage/ })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: stage, exact: true }) })
      .getByRole('cell')
  }

  /** The list of active advocates who cannot be offered work, and why. */
  get cannotBeOffered(): Locator {
    return this.page.getByRole('table', { name: 'Active advocates who cannot be offered work' })
  }
}

/** "Training cohorts": the cohorts, and a form to add one. */
export class CohortsPage extends ProgrammeTab {
  private constructor(page: Page) {
    super(page)
  }

  static async verifyOnPage(page: Page): Promise<CohortsPage> {
    return new CohortsPage(page).verifyTab('Training cohorts', 'Training cohorts')
  }

  async addCohort(name: string, startsOn: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name of the cohort' }).fill(name)
    await fillDate(this.page, 'Date of the first session', dateParts(startsOn))
    await this.page.getByRole('button', { name: 'Add cohort' }).click()
  }
}

/** "Supervision": one-to-one and group sessions, and who is due. */
export class SupervisionPage extends ProgrammeTab {
  private constructor(page: Page) {
    super(page)
  }

  static async verifyOnPage(page: Page): Promise<SupervisionPage> {
    return new SupervisionPage(page).verifyTab('Supervision', 'Supervision')
  }

  /** The recent sessions, newest first. */
  get recentSessions(): Locator {
    return this.page.getByRole('table', { name: 'Recent supervision sessions, newest first' }).getByRole('row')
  }

  async recordASession(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record a supervision session' }).click()
  }
}
