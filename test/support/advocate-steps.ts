import assert from 'node:assert/strict'
import { textOf, type Browser, type FormValue } from './browser.ts'

/** The answers of "Add an advocate" for a peer advocate who speaks Spanish and English. */
export const newAdvocate = {
  kind: 'parent_peer_advocate',
  givenName: 'Rosa',
  familyName: 'Martinez',
  email: 'rosa@example.org',
  gender: 'woman',
  heritage: 'Latin American',
  language1: 'Spanish',
  languageLevel1: 'first_language',
  language2: 'English',
  languageLevel2: 'fluent',
  specialisms: ['dyslexia', 'young_parents'],
  areas: 'Camden Town, Holborn',
  availableDays: ['mon', 'wed'],
  capacity: '2',
  'dbsCheckedOn-day': '1',
  'dbsCheckedOn-month': '10',
  'dbsCheckedOn-year': '2026',
  aboutMe: 'I have been where you are.',
} as const satisfies Record<string, FormValue>

/** The coordinator adds an advocate through the form; returns the advocate's page, `/advocates/<id>`. */
export async function advocateAdded(coordinator: Browser, answers: Record<string, FormValue> = {}): Promise<string> {
  await coordinator.get('/advocates/new')
  const added = await coordinator.post('/advocates/new', { ...newAdvocate, ...answers })
  assert.match(added.location ?? '', /^\/advocates\/[0-9a-f-]{36}$/, 'the advocate was added')
  return added.location ?? ''
}

/** The id at the end of an advocate's page. */
export function idOf(url: string): string {
  return url.split('/').pop() ?? ''
}

/** The items of the list that follows a heading on the advocate's page ("Time away", "Stages"). */
export function listUnder(document: Document, headingText: string): string[] {
  const found = [...document.querySelectorAll('h2')].find((heading) => textOf(heading) === headingText)
  assert.ok(found, `the page has a heading "${headingText}"`)
  let next = found.nextElementSibling
  while (next && next.tagName !== 'UL' && next.tagName !== 'H2') next = next.nextElementSibling
  return next?.tagName === 'UL' ? [...next.querySelectorAll(':scope > li')].map((item) => textOf(item)) : []
}
