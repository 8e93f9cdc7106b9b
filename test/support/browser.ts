import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export type FormValue = string | readonly string[] | undefined

export interface Page {
  readonly status: number
  readonly location: string | undefined
  readonly html: string
  readonly response: LightMyRequestResponse
}

/**
 * A browser for route tests: keeps cookies, follows nothing by itself, and picks up each page's
 * form token so posts are made exactly as a real form would make them.
 */
export class Browser {
  readonly #app: FastifyInstance
  readonly #cookies = new Map<string, string>()
  csrfToken: string | undefined

  constructor(app: FastifyInstance) {
    this.#app = app
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
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
    if (token) this.csrfToken = token
    const location = response.headers['location']
    return { status: response.statusCode, location: typeof location === 'string' ? location : undefined, html, response }
  }

  async get(url: string): Promise<Page> {
    const response = await this.#app.inject({ method: 'GET', url, headers: { cookie: this.#cookieHeader() } })
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
      headers: { cookie: this.#cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
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

/** The text of an HTML fragment with tags removed and spaces collapsed, for readable assertions. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The messages in a page's GOV.UK error summary. */
export function errorSummary(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)
  if (!summary?.[1]) return []
  return [...summary[1].matchAll(/<a href="[^"]*">([\s\S]*?)<\/a>/g)].map((match) => textOf(match[1] ?? ''))
}
