import type { FastifyInstance } from 'fastify'

/** The pages every public-sector service links from its footer. */
export function aboutRoutes(app: FastifyInstance): void {
  app.get('/accessibility', { config: { public: true } }, async (_request, reply) => reply.view('features/about/accessibility.njk', {}))
  app.get('/privacy', { config: { public: true } }, async (_request, reply) => reply.view('features/about/privacy.njk', {}))
}
