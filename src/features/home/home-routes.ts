import type { FastifyInstance } from 'fastify'

export function homeRoutes(app: FastifyInstance): void {
  app.get('/', async (_request, reply) => reply.view('features/home/home.njk', {}))
}
