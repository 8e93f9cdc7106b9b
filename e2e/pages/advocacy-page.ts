import type { Page } from '@playwright/test'
import { PublicPage, type PublicLanguage } from './public-page.ts'

const headings: Record<PublicLanguage, string> = {
  en: 'Get an advocate on your side',
  es: 'Tenga un defensor de su lado',
  ar: 'احصل على مناصر يقف إلى جانبك',
}

/** "Get an advocate": what advocacy is, for whom, and how to get it (no sign-in). */
export class AdvocacyPage extends PublicPage {
  private constructor(page: Page, language: PublicLanguage) {
    super(page, headings[language], language)
  }

  static async verifyOnPage(page: Page, language: PublicLanguage = 'en'): Promise<AdvocacyPage> {
    return new AdvocacyPage(page, language).verifyInLanguage()
  }

  async askForAnAdvocate(name: string): Promise<void> {
    await this.page.getByRole('button', { name }).click()
  }

  async findOutAboutBecomingOne(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click()
  }
}
