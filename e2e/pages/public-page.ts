import type { Page } from '@playwright/test'
import { expect } from '../support/fixtures.ts'
import { BasePage } from './base-page.ts'

/** The public pages' languages, and a few words of each that a journey reads. */
export type PublicLanguage = 'en' | 'es' | 'ar'

/**
 * What every public page shares: it is in one of the family languages, named on `<html lang>`, laid
 * out right to left in Arabic (the body's `dir`, and the computed direction), and links to itself
 * in each other language.
 */
export abstract class PublicPage extends BasePage {
  readonly language: PublicLanguage

  protected constructor(page: Page, heading: string, language: PublicLanguage) {
    super(page, heading)
    this.language = language
  }

  protected async verifyInLanguage(): Promise<this> {
    await expect(this.page.locator('html')).toHaveAttribute('lang', this.language)
    const direction = await this.page.evaluate(() => getComputedStyle(document.querySelector('main') ?? document.body).direction)
    expect(direction).toBe(this.language === 'ar' ? 'rtl' : 'ltr')
    if (this.language === 'ar') await expect(this.page.locator('body')).toHaveAttribute('dir', 'rtl')
    return this.verify()
  }

  /** Reads the page in another language, by the switcher's link (named in that language). */
  async readIn(name: 'English' | 'Español' | 'العربية'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: /^(Language|Idioma|اللغة)$/ })
      .getByRole('link', { name, exact: true })
      .click()
  }
}
