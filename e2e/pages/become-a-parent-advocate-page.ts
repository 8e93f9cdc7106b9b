import type { Locator, Page } from '@playwright/test'
import { PublicPage, type PublicLanguage } from './public-page.ts'

const headings: Record<PublicLanguage, string> = { en: 'Become a parent advocate', es: 'Hágase defensor de padres', ar: 'كن مناصرًا للوالدين' }

/** "Become a parent advocate": the role, the eight weeks of training, Level 2 and supervision. */
export class BecomeAParentAdvocatePage extends PublicPage {
  readonly weeks: Locator

  private constructor(page: Page, language: PublicLanguage) {
    super(page, headings[language], language)
    this.weeks = page.locator('#weeks li')
  }

  static async verifyOnPage(page: Page, language: PublicLanguage = 'en'): Promise<BecomeAParentAdvocatePage> {
    return new BecomeAParentAdvocatePage(page, language).verifyInLanguage()
  }

  async apply(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click()
  }
}
