import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ForbiddenError, NotFoundError } from '../errors.ts'
import type { Translations } from '../i18n/translations.ts'
import { inTheirLanguage } from './language.ts'

/**
 * The refusals a family or a member of the public meets, in their own language: a page that is not
 * there (404), one that is not open to them (403), and too many tries in a short time (429). The
 * words are shared (`layout:errors.*` in every catalogue); the page is the context's own (the family
 * layout for a family's pages, the public layout elsewhere). Anything else goes on to the service's
 * error pages (`errors.ts`), which log it.
 */

export type ReaderRefusal = 'notFound' | 'forbidden' | 'tooMany'

const statuses: Readonly<Record<ReaderRefusal, number>> = { notFound: 404, forbidden: 403, tooMany: 429 }

/** Which refusal an error is, or null when it is not one a reader is told of in their words. */
export function readerRefusalOf(error: FastifyError | Error): ReaderRefusal | null {
  if (error instanceof NotFoundError) return 'notFound'
  if (error instanceof ForbiddenError) return 'forbidden'
  const status = (error as FastifyError).statusCode
  if (status === 404) return 'notFound'
  if (status === 403) return 'forbidden'
  if (status === 429) return 'tooMany'
  return null
}

export interface ReaderErrorOptions {
  readonly translations: Translations
  readonly secureCookie: boolean
  /** The page that shows a refusal (given `kind`); the shared public one unless the context has its own. */
  readonly template?: string
  /** A refusal shown as another: a family is never told a page exists that is not theirs (403 as 404). */
  readonly shownAs?: Partial<Record<ReaderRefusal, ReaderRefusal>>
  /** Sets the page's language, if the context has its own way (the family's record); else the reader's choice and browser. */
  readonly speak?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
}

export const READER_ERROR_TEMPLATE = 'views/errors/in-their-language.njk'

/** Answers a refusal in the reader's language. */
export async function answerInTheirLanguage(
  options: ReaderErrorOptions,
  refusal: ReaderRefusal,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const kind = options.shownAs?.[refusal] ?? refusal
  const speak =
    options.speak ??
    ((req: FastifyRequest, rep: FastifyReply) => inTheirLanguage(options.translations, { secureCookie: options.secureCookie }).call(req.server, req, rep))
  await speak(request, reply)
  return reply
    .code(statuses[kind])
    .header('cache-control', 'no-store')
    .view(options.template ?? READER_ERROR_TEMPLATE, { kind })
}

/**
 * For a context of pages families and the public read: its refusals in the reader's language; every
 * other error to the parent's handler. (An address the context does not have is answered by a
 * catch-all route of its own, `/information/*`, so that it is a public page and not sent to sign in.)
 */
export function refuseInTheirLanguage(app: FastifyInstance, options: ReaderErrorOptions): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const refusal = readerRefusalOf(error)
    if (!refusal) throw error
    request.log.info({ status: statuses[refusal], type: error.name }, 'request refused')
    return answerInTheirLanguage(options, refusal, request, reply)
  })
}
