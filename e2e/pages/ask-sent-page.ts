import type { Page } from '@playwright/test'
import { PublicPage, type PublicLanguage } from './public-page.ts'

const headings: Record<PublicLanguage, string> = { en: 'We have your request', es: 'Hemos recibido su solicitud', ar: 'وصلنا طلبك' }

/** After asking for an advocate: what happens next and when, and nothing of what was sent. */
export class AskSentPage extends PublicPage {
  private constructor(page: Page, language: PublicLanguage) {
    super(page, headings[language], language)
  }

  static async verifyOnPage(page: Page, language: PublicLanguage = 'en'): Promise<AskSentPage> {
    return new AskSentPage(page, language).verifyInLanguage()
  }
}
