import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { parseHTML } from 'linkedom'

export type FormValue = string | readonly string[] | undefined

export interface Page {
  readonly status: number
  readonly location: string | undefined
  readonly html: string
  /** The page parsed as a browser would, for assertions on what a person sees. */
  readonly document: Document
  readonly response: LightMyRequestResponse
}

/** An HTML page as a DOM document. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document
}

/**
 * The page's form token, as the first `_csrf` field holds it. Read from the markup, not a parsed
 * document: nearly every page has one (the header's sign-out form), and parsing each page a test
 * fetches only for its token was a tenth of the tests' time. A value holding a character reference
 * is read by the parser, as a browser would read it.
 */
export function formToken(html: string, parsed: () => Document = () => parseDocument(html)): string | undefined {
  const field = /<input\b[^>]*\bname="_csrf"[^>]*>/.exec(html)?.[0]
  if (field === undefined) return undefined
  const value = /\bvalue="([^"]*)"/.exec(field)?.[1]
  if (value === undefined || value.includes('&')) return parsed().querySelector<HTMLInputElement>('input[name="_csrf"]')?.value
  return value
}

/**
 * A browser for route tests: keeps cookies, follows nothing by itself, and picks up each page's
 * form token so posts are made exactly as a real form would make them.
 */
export class Browser {
  readonly #app: FastifyInstance
  readonly #cookies = new Map<string, string>()
  readonly #headers: Record<string, string>
  csrfToken: string | undefined

  /** `forwardedFor`: the address a trusted proxy says this browser is at (the app must trust 127.0.0.1 as a proxy). */
  constructor(app: FastifyInstance, options: { forwardedFor?: string } = {}) {
    this.#app = app
    this.#headers = options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}
  }

  #cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** The Cookie header this browser sends, for a request it cannot make itself (a file upload). */
  cookieHeader(): string {
    return this.#cookieHeader()
  }

  #remember(response: LightMyRequestResponse): Page {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) this.#cookies.delete(cookie.name)
      else this.#cookies.set(cookie.name, cookie.value)
    }
    const html = response.body
    let document: Document | undefined
    const parsed = () => (document ??= parseDocument(html))
    const token = formToken(html, parsed)
    if (token) this.csrfToken = token
    const location = response.headers['location']
    return {
      status: response.statusCode,
      location: typeof location === 'string' ? location : undefined,
      html,
      get document() {
        return parsed()
      },
      response,
    }
  }

  async get(url: string): Promise<Page> {
    const response = await this.#app.inject({ method: 'GET', url, headers: { ...this.#headers, cookie: this.#cookieHeader() } })
    return this.#remember(response)
  }

  /** Follows redirects from a GET until a page is shown. */
  async open(url: string): Promise<Page> {
    let page = await this.get(url)
    for (let hops = 0; page.location && hops < 5; hops += 1) page = await this.get(page.location)
    return page
  }

  /** Posts a form; `_csrf` is added from the last page seen unless `withToken` is false. */
  async post(url: string, form: Record<string, FormValue>, options: { withToken?: boolean; token?: string } = {}): Promise<Page> {
    const body = new URLSearchParams()
    const token = options.token ?? this.csrfToken
    if (options.withToken !== false && token) body.append('_csrf', token)
    for (const [name, value] of Object.entries(form)) {
      if (value === undefined) continue
      for (const item of typeof value === 'string' ? [value] : value) body.append(name, item)
    }
    const response = await this.#app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers, cookie: this.#cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    })
    return this.#remember(response)
  }

  /** Posts a body made by hand (a file upload's form), with this browser's cookies. */
  async postRaw(url: string, payload: string | Buffer, contentType: string): Promise<Page> {
    const response = await this.#app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers, cookie: this.#cookieHeader(), 'content-type': contentType },
      payload,
    })
    return this.#remember(response)
  }

  /** Posts, then follows the redirect to the page shown next. */
  async submit(url: string, form: Record<string, FormValue>): Promise<Page> {
    const posted = await this.post(url, form)
    return posted.location ? this.open(posted.location) : posted
  }

  async signIn(email: string, password: string): Promise<Page> {
    await this.get('/sign-in')
    return this.post('/sign-in', { email, password })
  }
}

/** What a person reads in an element (or a whole page): its words, each element's text apart, spaces collapsed, no script. */
export function textOf(from: string | Element | Document | null | undefined): string {
  if (from === null || from === undefined) return ''
  const node = typeof from === 'string' ? parseDocument(`<!DOCTYPE html><html><body>${from}</body></html>`).body : from
  const root: Node = 'body' in node ? node.body : node
  const words: string[] = []
  const visit = (current: Node): void => {
    if (current.nodeType === 3) words.push(current.textContent ?? '')
    else if (!['SCRIPT', 'STYLE', 'TEMPLATE'].includes(current.nodeName)) {
      // Each element's text stands apart from its neighbours', as a tag's edge separates words on screen.
      words.push(' ')
      for (const child of current.childNodes) visit(child)
      words.push(' ')
    }
  }
  visit(root)
  return words.join('').replace(/\s+/g, ' ').trim()
}

function documentOf(page: string | Document): Document {
  return typeof page === 'string' ? parseDocument(page) : page
}

/** The messages in a page's GOV.UK error summary, in order. */
export function errorSummary(page: string | Document): string[] {
  return [...documentOf(page).querySelectorAll('.govuk-error-summary__list a')].map((link) => textOf(link))
}

/** Where each error summary link leads (`#field`), in order. */
export function errorSummaryLinks(page: string | Document): string[] {
  return [...documentOf(page).querySelectorAll('.govuk-error-summary__list a')].map((link) => link.getAttribute('href') ?? '')
}

/** The GOV.UK error message shown by one field, or '' when it shows none. */
export function fieldError(page: string | Document, field: string): string {
  const message = documentOf(page).querySelector(`#${field}-error`)
  return textOf(message).replace(/^Error:\s*/, '')
}

/** A summary list's value for a key ("Name" → "Lucía Fernández"), or undefined when no row has that key. */
export function summaryValue(page: string | Document, key: string): string | undefined {
  for (const row of documentOf(page).querySelectorAll('.govuk-summary-list__row')) {
    if (textOf(row.querySelector('.govuk-summary-list__key')) === key) return textOf(row.querySelector('.govuk-summary-list__value'))
  }
  return undefined
}

/** The body rows of the page's tables (or of the table with this caption), each as its cells' text. */
export function tableRows(page: string | Document, caption?: string): string[][] {
  const tables = [...documentOf(page).querySelectorAll('table')].filter((table) => caption === undefined || textOf(table.querySelector('caption')) === caption)
  return tables.flatMap((table) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => textOf(cell))))
}

/** The page's main heading. */
export function heading(page: string | Document): string {
  return textOf(documentOf(page).querySelector('h1'))
}

/** What a form field holds as the page is shown: an input's value or a text area's text ('' when empty, undefined when there is no such field). */
export function fieldValue(page: string | Document, name: string): string | undefined {
  const field = documentOf(page).querySelector(
    `input[name="${name}"]:not([type="radio"]):not([type="checkbox"]), textarea[name="${name}"], select[name="${name}"]`,
  )
  if (!field) return undefined
  // The parser keeps a text area's content as written: its character references are read as a browser reads them.
  if (field.tagName === 'TEXTAREA')
    return (parseDocument(`<!DOCTYPE html><html><body><p>${field.textContent ?? ''}</p></body></html>`).querySelector('p')?.textContent ?? '').trim()
  if (field.tagName === 'SELECT') return field.querySelector('option[selected]')?.getAttribute('value') ?? ''
  return field.getAttribute('value') ?? ''
}

/** The values of a group of radios or checkboxes that are ticked. */
export function checkedValues(page: string | Document, name: string): string[] {
  return [...documentOf(page).querySelectorAll(`input[name="${name}"][checked]`)].map((input) => input.getAttribute('value') ?? '')
}
