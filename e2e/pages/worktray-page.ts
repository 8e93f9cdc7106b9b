import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** A worktray: a table of referrals waiting on someone, with the step each waits for. */
abstract class WorktrayPage extends BasePage {
  /** The row of the table for this person's referral. */
  row(personName: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: personName, exact: true }) })
  }

  /** Opens the item: the referral's page, or for an advocate, the offer waiting for their answer. */
  async openReferral(personName: string): Promise<void> {
    await this.row(personName).getByRole('link', { name: personName, exact: true }).click()
  }
}

/** "My work": what is waiting on me, and, for a referrer, the referrals that have ended. */
export class MyWorkPage extends WorktrayPage {
  readonly endedHeading: Locator

  private constructor(page: Page) {
    super(page, 'My work')
    this.endedHeading = page.getByRole('heading', { level: 2, name: 'Referrals that have ended' })
  }

  static async verifyOnPage(page: Page): Promise<MyWorkPage> {
    return new MyWorkPage(page).verify()
  }

  /** Where signing in lands (the sign-in helper has already had axe check it). */
  static async landedOn(page: Page): Promise<MyWorkPage> {
    const myWork = new MyWorkPage(page)
    await myWork.heading.waitFor()
    return myWork
  }

  /** A referral in "Referrals that have ended". */
  ending(personName: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: personName, exact: true }) })
  }

  async openEnding(personName: string): Promise<void> {
    await this.ending(personName).getByRole('link', { name: personName, exact: true }).click()
  }

  async goToTeamWork(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Worktrays' }).getByRole('link', { name: "My team's work" }).click()
  }
}

/** "My team's work": what is waiting on a team I am in (FGC Advocacy Admin). */
export class TeamWorkPage extends WorktrayPage {
  private constructor(page: Page) {
    super(page, "My team's work")
  }

  static async verifyOnPage(page: Page): Promise<TeamWorkPage> {
    return new TeamWorkPage(page).verify()
  }
}
