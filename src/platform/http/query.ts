import type { FastifyRequest } from 'fastify'

/** The address bar's parameters, as plain values to check: whatever was sent, never a crash. */
export function queryOf(request: FastifyRequest): Record<string, unknown> {
  const query: unknown = request.query
  return query !== null && typeof query === 'object' ? { ...query } : {}
}
