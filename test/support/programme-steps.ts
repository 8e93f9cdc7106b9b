import assert from 'node:assert/strict'
import { insertUser } from '../../src/features/admin/repository.ts'
import { insertAdvocate, type AdvocateFields } from '../../src/features/advocates/repository.ts'
import { insertCompletions } from '../../src/features/programme/modules-repository.ts'
import { insertSupervision, insertSupervisionAttendance } from '../../src/features/programme/supervision-repository.ts'
import { modules, type Stage, type SupervisionKind } from '../../src/vocabulary/advocates.ts'
import type { TestApp } from './app.ts'
import { Browser, errorSummary, textOf, type FormValue, type Page } from './browser.ts'
import { PASSWORD, PASSWORD_HASH } from './world.ts'

/**
 * Steps for the peer advocate programme's route tests. The test clock stands on Tuesday
 * 24 November 2026.
 */

export const NONEXISTENT = '00000000-0000-4000-8000-000000000000'
export const MARKUP = '<script>alert(1)</script>'
export const LONG = 'x'.repeat(100_000)
export const CONTROLS = '\u0001\u0007\u001b\u007f'
/** Words a library would use, never a GOV.UK message. */
const LIBRARY_MESSAGE = /^invalid|expected .*received|too (big|small)|undefined|NaN|\[object|zod/i

export type Body = Record<string, FormValue>

/** An advocate put straight into the database, as the advocate's own page would have made them. */
export async function advocate(
  t: TestApp,
  fields: Partial<AdvocateFields> & { given_name: string; family_name: string; stage: Stage },
  authorityId = t.world.authorityId,
): Promise<string> {
  return insertAdvocate(
    t.database.db,
    authorityId,
    { kind: 'parent_peer_advocate', dbs_checked_on: '2025-06-01', specialisms: [], areas: [], available_days: [], ...fields },
    t.clock.now(),
  )
}

export async function completeAllModules(t: TestApp, advocateId: string, on = '2026-03-01'): Promise<void> {
  await insertCompletions(
    t.database.db,
    t.world.authorityId,
    modules.values.map((module) => ({ advocateId, module })),
    on,
    t.world.staff.coordinator.id,
  )
}

export async function supervisionOn(t: TestApp, kind: SupervisionKind, heldOn: string, advocateIds: readonly string[]): Promise<string> {
  const sessionId = await insertSupervision(t.database.db, {
    authorityId: t.world.authorityId,
    kind,
    heldOn,
    supervisorId: t.world.staff.coordinator.id,
    notes: null,
    now: t.clock.now(),
  })
  await insertSupervisionAttendance(t.database.db, t.world.authorityId, sessionId, advocateIds)
  return sessionId
}

/** A cohort made through its form; returns its id. */
export async function cohortMade(browser: Browser, name: string, [day, month, year]: [string, string, string]): Promise<string> {
  await browser.get('/programme/cohorts')
  const made = await browser.post('/programme/cohorts', { name, 'startsOn-day': day, 'startsOn-month': month, 'startsOn-year': year })
  const id = /^\/programme\/cohorts\/([0-9a-f-]{36})$/.exec(made.location ?? '')?.[1]
  if (!id) assert.fail(`the cohort was not made: ${JSON.stringify(errorSummary((await browser.get('/programme/cohorts')).document))}`)
  return id
}

export async function addMember(browser: Browser, cohortId: string, advocateId: string): Promise<Page> {
  await browser.get(`/programme/cohorts/${cohortId}`)
  return browser.submit(`/programme/cohorts/${cohortId}`, { advocateId })
}

export function dateParts(name: string, [day, month, year]: [string, string, string]): Body {
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year }
}

/** What a person reads from the element with this id (a heading or a table) up to the next second-level heading. */
export function sectionText(document: Document, id: string): string {
  const start = document.getElementById(id)
  assert.ok(start, `the page has a section ${id}`)
  const texts = [textOf(start)]
  for (let next = start.nextElementSibling; next && next.tagName !== 'H2' && !next.querySelector('h2'); next = next.nextElementSibling) texts.push(textOf(next))
  return texts.join(' ')
}

/** The banner's words after a save. */
export function bannerOf(page: Page): string {
  return textOf(page.document.querySelector('.govuk-notification-banner__content'))
}

/** The values of the ticked checkboxes of one name. */
export function ticked(page: Page, name: string): string[] {
  return [...page.document.querySelectorAll(`input[name="${name}"][checked]`)].map((input) => input.getAttribute('value') ?? '')
}

/**
 * Each field of the form, given something hostile in turn (and the whole form at once), is refused
 * with a GOV.UK error summary in our own words, or saved as text; never a crash, never markup.
 */
export async function refusesHostileInput(browser: Browser, form: { url: string; valid: Body; fields: readonly string[] }, member: string): Promise<void> {
  const badValues: readonly FormValue[] = [
    LONG,
    [LONG, LONG],
    MARKUP,
    CONTROLS,
    'not-an-id',
    NONEXISTENT,
    `${NONEXISTENT}:safeguarding`,
    `${member}:${MARKUP}`,
    ['', ''],
    Array.from({ length: 300 }, () => NONEXISTENT),
  ]
  await browser.get(form.url)
  for (const field of form.fields) {
    for (const bad of badValues) {
      const label = `${form.url} ${field}=${typeof bad === 'string' ? bad.slice(0, 40) : `[${bad?.length}]`}`
      const posted = await browser.post(form.url, { ...form.valid, [field]: bad })
      assert.equal(posted.status, 303, label)
      const shown = await browser.open(posted.location ?? '')
      assert.equal(shown.status, 200, label)
      assert.ok(!shown.html.includes(MARKUP), `${label}: markup is never shown as markup`)
      if (posted.location === form.url) {
        const messages = errorSummary(shown.document)
        assert.ok(messages.length > 0, `${label}: refused with an error summary`)
        for (const message of messages) assert.doesNotMatch(message, LIBRARY_MESSAGE, label)
      }
    }
  }
  const wholeBody = await browser.post(form.url, Object.fromEntries(form.fields.map((field) => [field, [LONG, MARKUP]])))
  assert.equal(wholeBody.status, 303, form.url)
  assert.ok(errorSummary((await browser.open(wholeBody.location ?? '')).document).length > 0, form.url)
}

/** Everyone but the coordinator. */
export const NOT_COORDINATORS = ['referrer', 'admin', 'manager', 'advocate', 'analyst', 'sysadmin'] as const

/** A coordinator of the other authority, signed in. */
export async function coordinatorElsewhere(t: TestApp): Promise<Browser> {
  const email = `coordinator.${t.world.elsewhere.authorityId.slice(0, 8)}@test.alongside.example`
  const existing = await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst()
  if (!existing) {
    await insertUser(t.database.db, {
      authorityId: t.world.elsewhere.authorityId,
      email,
      displayName: 'Cy Elsewhere',
      roles: ['coordinator'],
      passwordHash: PASSWORD_HASH,
    })
  }
  const browser = new Browser(t.app)
  assert.equal((await browser.signIn(email, PASSWORD)).status, 303)
  return browser
}

/** The version a form was opened on (its hidden `version` field), to send back with it. */
export function formVersion(page: Page): string {
  return page.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''
}

/** Module completion saved as its page sends it: the answers, with the version the page was opened on. */
export async function modulesSaved(browser: Browser, cohortId: string, answers: Body): Promise<Page> {
  const url = `/programme/cohorts/${cohortId}/modules`
  return browser.submit(url, { ...answers, version: formVersion(await browser.get(url)) })
}
