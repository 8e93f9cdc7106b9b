import formbody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Far more answers than any page of the service sends (Section 1 sends about 30; a cohort's module
 * register, one box per member and module, a few hundred at most).
 */
export const MAX_FORM_FIELDS = 1000

/** A form with more fields than any page sends: refused before any work is done on it. */
export class TooManyFieldsError extends Error {
  override name = 'TooManyFieldsError'
  readonly statusCode = 413
}

/**
 * A posted form's fields, each name once: a field sent twice arrives as an array, which the page's
 * schema either accepts (checkboxes) or refuses with a clear message. Fields are counted before
 * anything is decoded, so a post of tens of thousands of empty fields costs the server nothing.
 */
export function parseFormBody(body: string): Record<string, string | string[]> {
  let fields = body.length > 0 ? 1 : 0
  for (let index = body.indexOf('&'); index !== -1; index = body.indexOf('&', index + 1)) {
    fields += 1
    if (fields > MAX_FORM_FIELDS) throw new TooManyFieldsError(`A form may send at most ${MAX_FORM_FIELDS} fields`)
  }
  const parsed: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>
  for (const [name, value] of new URLSearchParams(body)) {
    const earlier = parsed[name]
    parsed[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value]
  }
  return parsed
}

/**
 * The pages anyone can reach send a few short answers (an email address and a password; a new
 * password twice): their posts are refused above this size, on the declared length, before any of
 * the body is read. It leaves room for a pasted answer of any sensible length to get its own clear
 * message from the page, and none for a flood of half a megabyte.
 */
export const PUBLIC_PAGE_BODY_LIMIT = 256 * 1024

/** Parses HTML form posts; nothing is trusted before its page's schema. */
export const forms = fp(
  async (app: FastifyInstance, options: { bodyLimit: number }) => {
    app.addHook('onRoute', (route) => {
      if (route.config?.public === true && route.bodyLimit === undefined) route.bodyLimit = PUBLIC_PAGE_BODY_LIMIT
    })
    await app.register(formbody, { bodyLimit: options.bodyLimit, parser: parseFormBody })
  },
  { name: 'forms' },
)
