import type { Locator, Page } from '@playwright/test'
import { dateParts, type SectionOneAnswers } from '../support/referral-data.ts'
import { BasePage, fillDate, radio } from './base-page.ts'

/** Section 1, the referral form, with the questions of the practice guidance's Appendix B. */
export class SectionOnePage extends BasePage {
  static readonly questions = {
    consent: 'Has the person you are referring consented to the referral?',
    consentMethod: 'How did they give consent?',
    consentDate: 'When did they give consent?',
    preference: 'Does the person you are referring have a preference regarding the gender, cultural heritage or spoken language of their advocate?',
    gender: 'Would they prefer their advocate to be…',
    interpreter: 'Do they need an interpreter?',
    disability: 'Does the person you are referring have any disability, including learning needs?',
    adjustments: 'What helps them?',
    otherNeeds: 'Is there anything else we need to know that will help to make sure the advocacy relationship goes well?',
    domesticAbuse: 'Is there domestic abuse between the parents?',
  } as const

  readonly reason: Locator
  /** "Please specify" under the consent question (the others sit inside their questions). */
  readonly consentDetails: Locator
  readonly preferenceDetails: Locator
  readonly languages: Locator
  readonly disabilityDetails: Locator
  readonly otherNeedsDetails: Locator

  private constructor(page: Page) {
    super(page, 'Section 1: Child Protection Advocacy Referral')
    const q = SectionOnePage.questions
    this.reason = page.getByRole('textbox', { name: 'Reason for referral', exact: true })
    this.consentDetails = page.getByRole('textbox', { name: 'Please specify: about their consent', exact: true })
    this.preferenceDetails = this.question(q.preference).getByRole('textbox', { name: 'Please specify: what they would prefer', exact: true })
    this.languages = this.question(q.preference).getByRole('textbox', { name: 'Languages they would like their advocate to speak' })
    this.disabilityDetails = this.question(q.disability).getByRole('textbox', { name: 'Please specify: the disability or learning need', exact: true })
    this.otherNeedsDetails = this.question(q.otherNeeds).getByRole('textbox', { name: 'Please specify: what will help', exact: true })
  }

  static async verifyOnPage(page: Page): Promise<SectionOnePage> {
    return new SectionOnePage(page).verify()
  }

  /** A question: its fieldset, named by its legend. */
  question(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true })
  }

  answer(legend: string, answer: string): Locator {
    return radio(this.page, legend, answer)
  }

  /** The day box of a date question, where an error summary link about the date should land. */
  dayOf(legend: string): Locator {
    return this.question(legend).getByRole('textbox', { name: 'Day' })
  }

  async answerConsent(answers: SectionOneAnswers): Promise<void> {
    const q = SectionOnePage.questions
    await this.answer(q.consent, 'Yes').check()
    await this.answer(q.consentMethod, answers.consentMethod).check()
    await fillDate(this.page, q.consentDate, dateParts(answers.consentDate))
    await this.consentDetails.fill(answers.consentDetails)
  }

  async answerAll(answers: SectionOneAnswers): Promise<void> {
    const q = SectionOnePage.questions
    await this.answerConsent(answers)
    await this.reason.fill(answers.reason)

    await this.answer(q.preference, 'Yes').check()
    await this.preferenceDetails.fill(answers.preferenceDetails)
    await this.answer(q.gender, answers.preferredGender).check()
    await this.languages.fill(answers.preferredLanguages)
    await this.answer(q.interpreter, 'No').check()

    await this.answer(q.disability, 'Yes').check()
    await this.disabilityDetails.fill(answers.disabilityDetails)
    for (const adjustment of answers.adjustments) {
      await this.question(q.adjustments).getByRole('checkbox', { name: adjustment, exact: true }).check()
    }

    await this.answer(q.otherNeeds, 'Yes').check()
    await this.otherNeedsDetails.fill(answers.otherNeedsDetails)

    await this.answer(q.domesticAbuse, 'No').check()
  }

  async saveAndContinue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and continue' }).click()
  }
}
