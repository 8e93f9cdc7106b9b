import type { Page } from '@playwright/test'
import { radio } from './base-page.ts'
import { PublicPage, type PublicLanguage } from './public-page.ts'

/** What a journey fills in on "Ask for an advocate", in the page's own words. */
export interface Asking {
  readonly who: { readonly question: string; readonly answer: string }
  readonly nameLabel: string
  readonly name: string
  readonly contact: { readonly question: string; readonly answer: string; readonly label: string; readonly value: string }
  readonly safeToLeaveMessage: { readonly question: string; readonly answer: string }
  readonly meeting: { readonly question: RegExp; readonly answer: string }
  readonly meetingDate: { readonly question: RegExp; readonly parts: readonly [string, string, string]; readonly labels: readonly [string, string, string] }
  readonly send: string
}

const headings: Record<PublicLanguage, string> = { en: 'Ask for an advocate', es: 'Pedir un defensor', ar: 'اطلب مناصرًا' }

/** "Ask for an advocate": the form a parent (or someone for them) sends without signing in. */
export class AskPage extends PublicPage {
  private constructor(page: Page, language: PublicLanguage) {
    super(page, headings[language], language)
  }

  static async verifyOnPage(page: Page, language: PublicLanguage = 'en'): Promise<AskPage> {
    return new AskPage(page, language).verifyInLanguage()
  }

  async send(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click()
  }

  async ask(asking: Asking): Promise<void> {
    await radio(this.page, asking.who.question, asking.who.answer).check()
    await this.page.getByLabel(asking.nameLabel).fill(asking.name)
    await radio(this.page, asking.contact.question, asking.contact.answer).check()
    await this.page.getByLabel(asking.contact.label, { exact: true }).fill(asking.contact.value)
    await radio(this.page, asking.safeToLeaveMessage.question, asking.safeToLeaveMessage.answer).check()
    await this.page.getByRole('group', { name: asking.meeting.question }).getByRole('radio', { name: asking.meeting.answer, exact: true }).check()
    const date = this.page.getByRole('group', { name: asking.meetingDate.question })
    for (const [index, label] of asking.meetingDate.labels.entries())
      await date.getByRole('textbox', { name: label, exact: true }).fill(asking.meetingDate.parts[index] ?? '')
    await this.send(asking.send)
  }
}
