import type { Page } from '@playwright/test'
import { PublicPage, type PublicLanguage } from './public-page.ts'

/** What a journey fills in on the application, by each field's label in the page's language. */
export interface Applying {
  readonly fields: readonly { readonly label: string | RegExp; readonly value: string }[]
  readonly days: readonly string[]
  readonly agree: string
  readonly send: string
}

const headings: Record<PublicLanguage, string> = {
  en: 'Apply to become a parent advocate',
  es: 'Solicitar ser defensor de padres',
  ar: 'تقدّم بطلب لتصبح مناصرًا للوالدين',
}

/** The application to become a parent advocate (no sign-in). */
export class ApplyPage extends PublicPage {
  private constructor(page: Page, language: PublicLanguage) {
    super(page, headings[language], language)
  }

  static async verifyOnPage(page: Page, language: PublicLanguage = 'en'): Promise<ApplyPage> {
    return new ApplyPage(page, language).verifyInLanguage()
  }

  async send(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click()
  }

  async apply(applying: Applying): Promise<void> {
    for (const field of applying.fields) await this.page.getByRole('textbox', { name: field.label, exact: typeof field.label === 'string' }).fill(field.value)
    for (const day of applying.days) await this.page.getByRole('checkbox', { name: day, exact: true }).check()
    await this.page.getByRole('checkbox', { name: applying.agree }).check()
    await this.send(applying.send)
  }
}
