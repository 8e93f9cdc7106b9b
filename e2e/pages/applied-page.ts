import type { Page } from '@playwright/test'
import { PublicPage, type PublicLanguage } from './public-page.ts'

const headings: Record<PublicLanguage, string> = { en: 'We have your application', es: 'Hemos recibido su solicitud', ar: 'وصلنا طلبك' }

/** After applying to become a parent advocate: thanks, and what happens next. */
export class AppliedPage extends PublicPage {
  private constructor(page: Page, language: PublicLanguage) {
    super(page, headings[language], language)
  }

  static async verifyOnPage(page: Page, language: PublicLanguage = 'en'): Promise<AppliedPage> {
    return new AppliedPage(page, language).verifyInLanguage()
  }
}
