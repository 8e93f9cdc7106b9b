import type { Locator, Page } from '@playwright/test'
import { BasePage } from './base-page.ts'

/** The jargon buster at /words, in the language it opened in. */
export class GlossaryPage extends BasePage {
  private constructor(page: Page, heading: string) {
    super(page, heading)
  }

  static async verifyOnPage(page: Page, heading = 'Words you may hear'): Promise<GlossaryPage> {
    return new GlossaryPage(page, heading).verify()
  }

  /** A word's heading, reached by its anchor. */
  word(id: string): Locator {
    return this.page.locator(`h2#${id}`)
  }
}

/** An information page families read (`/information/<page>`), by its title. */
export class InformationPage extends BasePage {
  private constructor(page: Page, title: string) {
    super(page, title)
  }

  static async verifyOnPage(page: Page, title: string): Promise<InformationPage> {
    return new InformationPage(page, title).verify()
  }

  /** The short explanation of a glossary word, by what its button says ("What “core group” means"). */
  explanation(summary: string): { summary: Locator; text: Locator } {
    const details = this.page.locator('details.app-glossary-explanation').filter({ has: this.page.getByText(summary, { exact: true }) })
    return { summary: details.locator('summary'), text: details.locator('.govuk-details__text') }
  }
}

/** The editor of one information page in one language, for a coordinator or an advocacy admin. */
export class InformationEditorPage extends BasePage {
  private constructor(page: Page, name: string) {
    super(page, name)
  }

  static async verifyOnPage(page: Page, name: string): Promise<InformationEditorPage> {
    return new InformationEditorPage(page, name).verify()
  }

  get text(): Locator {
    return this.page.getByLabel('Text', { exact: true })
  }

  get preview(): Locator {
    return this.page.locator('.app-preview')
  }

  readingAge(): Locator {
    return this.page
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.getByText('Reading age', { exact: true }) })
      .locator('dd')
  }
}
