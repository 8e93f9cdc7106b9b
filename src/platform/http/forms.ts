import formbody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Parses HTML form posts. A field sent twice arrives as an array, which the page's schema either
 * accepts (checkboxes) or refuses with a clear message; nothing is trusted before its schema.
 */
export const forms = fp(
  async (app: FastifyInstance, options: { bodyLimit: number }) => {
    await app.register(formbody, { bodyLimit: options.bodyLimit })
  },
  { name: 'forms' },
)
