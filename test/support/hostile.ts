import { Browser, errorSummary, parseDocument, textOf, type FormValue, type Page } from './browser.ts'
import type { Fixture } from './fixture.ts'
import type { Route } from './routes.ts'
import { isServicePage } from './workflow-steps.ts'

/**
 * The hostile-input matrix's shapes, and a runner that posts each of them, field by field, to one
 * route of `test/support/routes.ts` as the person who may use it. The fields are read from the form
 * itself (the page that holds it), so a field added to a form is tried without anyone listing it.
 */

export const SCRIPT = '<script>alert(1)</script>'

type Body = Record<string, FormValue>

/** What is put in one field in place of its answer. */
export const shapes: readonly { readonly label: string; readonly value: (current: string) => FormValue }[] = [
  { label: '100,000 characters', value: () => 'x'.repeat(100_000) },
  { label: 'NUL and control characters', value: (current) => `${current}\u0000\u0001\u0007\u001b\u007f` },
  { label: 'text beyond Latin-1', value: () => 'Zoë Łukasz Ægir 中文 עברית العربية 🙂\u202e' },
  { label: 'a list where one answer is expected', value: (current) => [current || 'x', current || 'y'] },
  { label: 'a script', value: () => SCRIPT },
  { label: 'a huge number', value: () => '9'.repeat(400) },
  { label: 'a date that does not exist', value: () => '2026-02-31' },
  { label: 'left out', value: () => undefined },
]

/** The form on a page that posts to `path`, as a browser would send it untouched: each field's name and current answer. */
export function formFields(html: string, path: string, formOn: string): Body | undefined {
  const document = parseDocument(html)
  const form = [...document.querySelectorAll('form')].find((candidate) => {
    const action = candidate.getAttribute('action')
    return action === path || ((action === null || action === '') && path === formOn)
  })
  if (!form) return undefined
  const body: Record<string, string | string[]> = {}
  const add = (name: string, value: string, many: boolean) => {
    const known = body[name]
    if (known === undefined) body[name] = many ? [value] : value
    else if (Array.isArray(known)) known.push(value)
  }
  for (const element of form.querySelectorAll('input, select, textarea')) {
    const name = element.getAttribute('name')
    if (!name || name === '_csrf') continue
    const type = (element.getAttribute('type') ?? 'text').toLowerCase()
    if (['submit', 'button', 'file', 'image', 'reset'].includes(type)) continue
    if (element.tagName === 'SELECT') {
      const options = [...element.querySelectorAll('option')]
      const chosen = options.find((option) => option.hasAttribute('selected')) ?? options.find((option) => (option.getAttribute('value') ?? '') !== '')
      add(name, chosen?.getAttribute('value') ?? textOf(chosen), false)
    } else if (element.tagName === 'TEXTAREA') add(name, element.textContent ?? '', false)
    else if (type === 'radio') {
      if (element.hasAttribute('checked') || body[name] === undefined) body[name] = element.getAttribute('value') ?? ''
    } else if (type === 'checkbox') {
      if (element.hasAttribute('checked')) add(name, element.getAttribute('value') ?? 'on', true)
    } else add(name, element.getAttribute('value') ?? '', false)
  }
  return body
}

interface Case {
  readonly label: string
  readonly body: Body
  /** How the form token is sent: the page's own (default), none, or another one. */
  readonly token?: 'none' | 'forged' | 'another session'
}

/** Every hostile shape in every field, and the form as a whole: empty, with fields it does not have, and without a good token. */
export function casesFor(valid: Body): Case[] {
  const cases: Case[] = []
  for (const [name, answer] of Object.entries(valid)) {
    const current = typeof answer === 'string' ? answer : (answer?.[0] ?? '')
    for (const shape of shapes) {
      const body = { ...valid }
      const value = shape.value(current)
      if (value === undefined) delete body[name]
      else body[name] = value
      cases.push({ label: `${name}: ${shape.label}`, body })
    }
  }
  const days = Object.keys(valid).filter((name) => name.endsWith('-day'))
  for (const day of days) {
    const group = day.slice(0, -'-day'.length)
    cases.push({ label: `${group}: 31 February`, body: { ...valid, [day]: '31', [`${group}-month`]: '2', [`${group}-year`]: '2026' } })
  }
  cases.push(
    { label: 'an empty form', body: {} },
    {
      label: 'fields the form does not have',
      body: { ...valid, '__proto__[polluted]': 'yes', 'constructor[prototype][polluted]': 'yes', isAdmin: 'yes', ['f'.repeat(1000)]: SCRIPT },
    },
    { label: 'no form token', body: valid, token: 'none' },
    { label: 'a forged form token', body: valid, token: 'forged' },
    { label: "another session's form token", body: valid, token: 'another session' },
  )
  return cases
}

// 429: a public form's flood limit, reached by the matrix's own posts from one address (each form's own tests try its fields under the limit).
const statusesWithAPage = [400, 403, 404, 409, 413, 429]

/**
 * Posts every case to the route and says what was wrong: a 500; a payload shown unescaped (or a NUL
 * in the page); a refusal without the service's page or a GOV.UK error summary; a post without a good
 * token that was not refused with a 403.
 */
export async function hostilePosts(fixture: Fixture, route: Route): Promise<{ problems: string[]; posted: number; fields: number }> {
  const { path, formOn } = await fixture.pathOf(route)
  const name = `${route.route}`
  const fresh = route.route === '/sign-out'
  let browser = route.who === 'anyone' ? new Browser(fixture.t.app) : await fixture.as(route.who)
  const shown = await browser.get(formOn)
  const valid = formFields(shown.html, path, formOn) ?? {}
  const stranger = new Browser(fixture.t.app)
  await stranger.get('/sign-in')
  const problems: string[] = []
  const cases = casesFor(valid)
  let sentBack = false
  for (const theCase of cases) {
    const what = `${name} with ${theCase.label}`
    if (fresh) browser = await fixture.freshly(route.who)
    if (!sentBack || fresh) await browser.get(formOn)
    const options =
      theCase.token === 'none'
        ? { withToken: false }
        : theCase.token === 'forged'
          ? { token: 'x'.repeat(43) }
          : theCase.token === 'another session'
            ? { token: stranger.csrfToken ?? '' }
            : {}
    const page = route.multipart ? await postMultipart(browser, path, theCase.body, options) : await browser.post(path, theCase.body, options)
    sentBack = page.status === 303 && page.location === path
    problems.push(...judge(page, what))
    if (theCase.token) {
      // A public form past its flood limit refuses before it reads the token: refused all the same (its own tests send no token under the limit).
      const floodLimited = page.status === 429 && isServicePage(page)
      if (!floodLimited && (page.status !== 403 || !textOf(page.html).includes('Your form could not be sent')))
        problems.push(`${what}: ${page.status}, not the 403 page`)
      continue
    }
    if (page.status === 303 && page.location) {
      const landing = page.location.split('?')[0] === path || JSON.stringify(theCase.body).includes('<script>')
      if (!landing) continue
      const next = await browser.get(page.location)
      problems.push(...judge(next, `${what}, then GET ${page.location.replace(/[0-9a-f-]{36}/g, ':id')}`))
      if (sentBack && !route.returnsHere && next.status === 200 && errorSummary(next.html).length === 0)
        problems.push(`${what}: sent back to the form, which shows no error summary`)
    } else if (page.status === 400 && errorSummary(page.html).length === 0) problems.push(`${what}: 400 without an error summary`)
  }
  return { problems, posted: cases.length, fields: Object.keys(valid).length }
}

function judge(page: Page, what: string): string[] {
  const problems: string[] = []
  if (page.status >= 500) problems.push(`${what}: ${page.status} ${textOf(page.html).slice(0, 120)}`)
  if (page.html.includes(SCRIPT)) problems.push(`${what}: the script is shown unescaped`)
  if (page.html.includes('\u0000')) problems.push(`${what}: a NUL is in the page`)
  if (page.status < 500 && page.status >= 400 && (!statusesWithAPage.includes(page.status) || !isServicePage(page)))
    problems.push(`${what}: ${page.status} without the service's page`)
  return problems
}

/** Posts the form as multipart/form-data (a file upload's form), with the same fields. */
async function postMultipart(browser: Browser, path: string, body: Body, options: { withToken?: boolean; token?: string }): Promise<Page> {
  const boundary = '----alongside-matrix'
  const parts: string[] = []
  const token = options.token ?? browser.csrfToken
  const fields: [string, string][] = []
  if (options.withToken !== false && token) fields.push(['_csrf', token])
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue
    for (const item of typeof value === 'string' ? [value] : value) fields.push([name, item])
  }
  for (const [name, value] of fields) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="<script>.png"\r\nContent-Type: image/png\r\n\r\nnot a picture\r\n`)
  parts.push(`--${boundary}--\r\n`)
  return browser.postRaw(path, parts.join(''), `multipart/form-data; boundary=${boundary}`)
}

export function noProblems(problems: readonly string[]): string {
  return `${problems.length} problem(s):\n  ${problems.slice(0, 50).join('\n  ')}${problems.length > 50 ? `\n  …and ${problems.length - 50} more` : ''}`
}
