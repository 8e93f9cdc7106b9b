import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../errors.ts'

/**
 * Every failure becomes a page in the service's own words. Expected refusals (not found, not
 * allowed, bad request) are not errors; anything else is logged without the request's content (it
 * may hold personal data) and shown as "Sorry, there is a problem with the service".
 */

function statusOf(error: FastifyError | Error): number {
  if (error instanceof NotFoundError) return 404
  if (error instanceof ForbiddenError) return 403
  if (error instanceof ConflictError || error instanceof WorkflowRefusedError) return 409
  const status = (error as FastifyError).statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

const templates: Record<number, string> = {
  400: 'views/errors/bad-request.njk',
  403: 'views/errors/forbidden.njk',
  404: 'views/errors/not-found.njk',
  409: 'views/errors/workflow-refused.njk',
  413: 'views/errors/bad-request.njk',
  415: 'views/errors/bad-request.njk',
  429: 'views/errors/too-many-requests.njk',
}

async function render(reply: FastifyReply, status: number, data: Record<string, unknown>): Promise<FastifyReply> {
  const template = templates[status] ?? (status < 500 ? 'views/errors/bad-request.njk' : 'views/errors/problem.njk')
  reply.code(status).header('cache-control', 'no-store')
  try {
    const html = await reply.viewAsync(template, data)
    return reply.type('text/html; charset=utf-8').send(html)
  } catch {
    return reply.type('text/plain; charset=utf-8').send('Sorry, there is a problem with the service. Try again later.')
  }
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler(async (_request: FastifyRequest, reply: FastifyReply) => render(reply, 404, {}))

  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = statusOf(error)
    if (status >= 500) {
      request.log.error({ err: { type: error.name, message: error.message, stack: error.stack, code: error.code } }, 'request failed')
    } else {
      request.log.info({ status, type: error.name, code: error.code }, 'request refused')
    }
    return render(reply, status, { message: status === 409 ? error.message : undefined })
  })
}
