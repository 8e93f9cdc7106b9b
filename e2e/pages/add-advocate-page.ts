import type { Page } from '@playwright/test'
import { dateParts } from '../support/referral-data.ts'
import { BasePage, fillDate, radio } from './base-page.ts'

export interface NewAdvocate {
  readonly kind: 'Parent peer advocate' | 'Professional advocate'
  readonly givenName: string
  readonly familyName: string
  readonly email: string
  readonly gender: 'Woman' | 'Man' | 'Non-binary'
  readonly heritage: string
  /** Up to four, with how well they speak each: "First language", "Fluent", … */
  readonly languages: readonly { readonly language: string; readonly level: string }[]
  /** Labels under "Training and experience": "Dyslexia awareness", … */
  readonly specialisms: readonly string[]
  readonly days: readonly string[]
  readonly capacity: string
  readonly dbsCheckedOn: string
  readonly aboutMe: string
}

/** The coordinator adds an advocate to the pool. */
export class AddAdvocatePage extends BasePage {
  private constructor(page: Page) {
    super(page, 'Add an advocate')
  }

  static async verifyOnPage(page: Page): Promise<AddAdvocatePage> {
    return new AddAdvocatePage(page).verify()
  }

  async fillIn(advocate: NewAdvocate): Promise<void> {
    const page = this.page
    await radio(page, 'Kind of advocate', advocate.kind).check()
    await page.getByRole('textbox', { name: 'First name', exact: true }).fill(advocate.givenName)
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill(advocate.familyName)
    await page.getByRole('textbox', { name: 'Email address (optional)' }).fill(advocate.email)
    await radio(page, 'Gender (optional)', advocate.gender).check()
    await page.getByRole('textbox', { name: 'Cultural heritage (optional)' }).fill(advocate.heritage)
    for (const [index, spoken] of advocate.languages.entries()) {
      await page.getByRole('textbox', { name: `Language ${index + 1}`, exact: true }).fill(spoken.language)
      await page.getByRole('combobox', { name: `How well, language ${index + 1}` }).selectOption({ label: spoken.level })
    }
    const training = page.getByRole('group', { name: 'Training and experience', exact: true })
    for (const specialism of advocate.specialisms) await training.getByRole('checkbox', { name: specialism, exact: true }).check()
    const days = page.getByRole('group', { name: 'Days they are usually available', exact: true })
    for (const day of advocate.days) await days.getByRole('checkbox', { name: day, exact: true }).check()
    await page.getByRole('textbox', { name: 'How many people can they support at once?' }).fill(advocate.capacity)
    await fillDate(page, 'Date of their DBS check (optional)', dateParts(advocate.dbsCheckedOn))
    await page.getByRole('textbox', { name: 'About me, for families (optional)' }).fill(advocate.aboutMe)
  }

  async add(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add advocate' }).click()
  }
}
