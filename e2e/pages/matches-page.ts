import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/**
 * "Find an advocate": what the person needs, then the advocates who can be offered the referral,
 * best match first, each a card with its plain reasons and an "Offer to <name>" button.
 */
export class MatchesPage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Find an advocate')
  }

  static async verifyOnPage(page: Page): Promise<MatchesPage> {
    return new MatchesPage(page).verify()
  }

  /** The value against a need in the "What <person> needs" card ("Language" → "Spanish"). */
  need(personName: string, key: string): Locator {
    return this.summaryValue(`What ${personName} needs`, key)
  }

  /** A ranked advocate's card: its title is "<rank>. <name>". */
  candidate(name: string): Locator {
    return this.page
      .locator('.govuk-summary-card')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^\\d+\\. ${escapeRegExp(name)}$`) }) })
  }

  /** The best match's card. */
  get first(): Locator {
    return this.page.locator('.govuk-summary-card').filter({ has: this.page.getByRole('heading', { level: 3, name: /^1\. / }) })
  }

  /** The titles of the ranked cards, in order: "1. Maria Lopez", … */
  get ranking(): Locator {
    return this.page.getByRole('heading', { level: 3 }).and(this.page.locator('.govuk-summary-card__title'))
  }

  /** The reasons on a card, one list item each ("speaks Spanish", "woman, as asked", …). */
  reasons(card: Locator): Locator {
    return card.getByRole('listitem')
  }

  async offerTo(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Offer to ${name}`, exact: true }).click()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
