import type { FastifyServerOptions } from 'fastify'

/**
 * Logs say what happened to which route, never to whom: the route's pattern, never the path (a
 * path can hold a one-time sign-in token), no query strings (they can hold names searched for), no
 * bodies, no addresses, no cookies.
 */
export function logOptions(level: string): Exclude<NonNullable<FastifyServerOptions['logger']>, boolean> {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req(request: { method: string; url: string; id: string; routeOptions?: { url?: string | undefined } }) {
        return { id: request.id, method: request.method, route: request.routeOptions?.url ?? '(no route)' }
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode }
      },
    },
  }
}
