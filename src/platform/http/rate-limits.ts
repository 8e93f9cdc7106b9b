import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * A ceiling on how fast one client may use the pages anyone can reach without signing in (sign-in,
 * first-time set-up, choosing a password). It is a flood guard, generous enough for a council
 * office behind one address signing in at nine o'clock; guessing passwords is bounded separately
 * (per account and address, in the sign-in service). Counted in each process's memory: several
 * processes each allow this much, which still bounds a flood. Signed-in pages are not limited here.
 */
export class TooManyRequestsError extends Error {
  override name = 'TooManyRequestsError'
  readonly statusCode = 429

  constructor(retryAfterSeconds: number) {
    super(`Too many requests: try again in ${retryAfterSeconds} seconds`)
  }
}

export interface RateLimitOptions {
  /** Requests a client may make to public pages in a minute. */
  readonly perMinute: number
}

export const rateLimits = fp(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    await app.register(rateLimit, {
      global: true,
      max: options.perMinute,
      timeWindow: 60_000,
      // Only the public pages: a signed-in member of staff is never turned away by a neighbour's flood.
      allowList: (request) => request.routeOptions.config.public !== true,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) => new TooManyRequestsError(Math.ceil(context.ttl / 1000)),
    })
  },
  { name: 'rate-limits' },
)
