import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { ConflictError, WorkflowRefusedError } from '../errors.ts'
import { formatDateTime } from './view-filters.ts'
import { answersOf, parseForm } from './form-fields.ts'
import type { Banner, FieldError } from './session.ts'

/**
 * A refusal that belongs to fields of the form (a rule the schema alone cannot check, such as
 * "Save and continue" on an unfinished Section 1). `saved` says the answers were saved all the
 * same, so the page must carry the record's new version from now on.
 */
export class FormRefusal extends Error {
  override name = 'FormRefusal'
  readonly errors: readonly FieldError[]
  readonly saved: boolean

  constructor(errors: readonly FieldError[], options: { saved?: boolean } = {}) {
    super(errors.map((error) => error.message).join('; '))
    this.errors = errors
    this.saved = options.saved ?? false
  }

  static field(field: string, message: string, href?: string): FormRefusal {
    return new FormRefusal([{ field, message, href: href ?? `#${field}` }])
  }
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? url
}

function conflictMessage(error: ConflictError): string {
  const who = error.changedBy ?? 'Someone else'
  const when = error.changedAt ? ` at ${formatDateTime(error.changedAt)}` : ''
  return `${who} saved a change${when}, after you opened this page. Your answers have not been saved yet: they are shown below. Check them, then save again.`
}

/**
 * The GOV.UK form pattern, once: check the post against the page's schema; on a problem, send the
 * browser back to the page with its answers and an error summary (post/redirect/get); otherwise do
 * the work and go where it says. If someone else changed the record meanwhile, nothing is lost:
 * the answers come back with a message saying so.
 */
export async function submitForm<S extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  save: (data: z.output<S>) => Promise<string | { readonly path: string; readonly banner: Banner }>,
  options: { readonly backTo?: string } = {},
): Promise<FastifyReply> {
  /** Where a refused form goes back to: its own page, unless the form sits on another page. */
  const path = options.backTo ?? pathOf(request.url)
  const answers = answersOf(request.body)
  const back = (errors: FieldError[], notice?: 'conflict') =>
    reply.redirectWithFormState(path, notice ? { values: answers, errors, notice } : { values: answers, errors })

  const form = parseForm(schema, request.body)
  if (!form.ok) return back(form.errors)
  try {
    const next = await save(form.data)
    return typeof next === 'string' ? reply.redirect(next, 303) : reply.redirectWithBanner(next.path, next.banner)
  } catch (error) {
    if (error instanceof ConflictError) {
      const { version: _stale, ...kept } = answers
      return reply.redirectWithFormState(path, {
        values: kept,
        errors: [{ field: 'form', message: conflictMessage(error), href: '#main-content' }],
        notice: 'conflict',
      })
    }
    if (error instanceof FormRefusal) {
      const { version: _saved, ...kept } = answers
      return reply.redirectWithFormState(path, { values: error.saved ? kept : answers, errors: [...error.errors] })
    }
    if (error instanceof WorkflowRefusedError) return back([{ field: 'form', message: error.message, href: '#main-content' }])
    throw error
  }
}
