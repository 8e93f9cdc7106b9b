import assert from 'node:assert/strict'
import type { TestApp } from './app.ts'
import { Browser, errorSummary, textOf, type Page } from './browser.ts'

/** Steps on the family side: staff issuing a code (read off the letter), and a family member signing in with it. */

/** The code's state the way-in page was opened at, as its forms carry it. */
export function openedAtOn(page: Page): string {
  const value = page.document.querySelector<HTMLInputElement>('input[name="openedAt"]')?.value
  assert.ok(value, 'the way-in page carries the code’s state')
  return value
}

/** Issues a code from the referral's way-in page and reads it off the letter. */
export async function codeIssued(staff: Browser, referralId: string, form: Record<string, string> = {}): Promise<{ code: string; letter: Page }> {
  const page = await staff.get(`/referrals/${referralId}/way-in`)
  assert.equal(page.status, 200, `the way-in page opens (${page.status})`)
  const letter = await staff.post(`/referrals/${referralId}/way-in`, { openedAt: openedAtOn(page), ...form })
  const code = letter.document.querySelector('[data-code]')?.textContent?.trim()
  assert.ok(code, `the letter shows a code (${letter.status} ${letter.location ?? ''})`)
  return { code, letter }
}

export const WORD = 'blue kettle'

/** A family member's browser, at an address of its own when the app trusts 127.0.0.1 as a proxy. */
export function familyBrowser(t: TestApp, address?: string): Browser {
  return new Browser(t.app, address ? { forwardedFor: address } : {})
}

/** Signs in with a code (choosing `word` the first time it is used) and lands on their pages. */
export async function familySignedIn(t: TestApp, code: string, word = WORD, browser = familyBrowser(t)): Promise<Browser> {
  await browser.get('/your-advocacy/sign-in')
  let page = await browser.post('/your-advocacy/sign-in', { code, word: '' })
  if (page.status === 200 && page.html.includes('name="confirmation"')) {
    page = await browser.post('/your-advocacy/sign-in/word', { code, word, confirmation: word })
  } else {
    page = await browser.post('/your-advocacy/sign-in', { code, word })
  }
  assert.equal(page.status, 303, `the family member signs in (${page.status} ${JSON.stringify(errorSummary(page.html))})`)
  assert.equal(page.location, '/your-advocacy')
  return browser
}

/** A family member signed in to the pages of a referral at `stage`, reading them in English. */
export async function familyReading(t: TestApp, crew: { admin: Browser }, referralId: string): Promise<Browser> {
  const { code } = await codeIssued(crew.admin, referralId)
  const browser = await familySignedIn(t, code)
  await browser.get('/your-advocacy?language=en')
  return browser
}

/**
 * A family's sentence as it reads: `textOf`, without the glossary explanations that open beneath it
 * (`appExplained`), and with a glossary word's mark no longer setting the stop or comma after it apart.
 */
export function sentenceOf(from: Element | Document | null | undefined): string {
  if (!from) return ''
  const copy = from.cloneNode(true) as Element | Document
  for (const explanation of copy.querySelectorAll('details.app-glossary-explanation')) explanation.remove()
  return textOf(copy).replace(/ ([.,;:!?،؛؟])/g, '$1')
}
