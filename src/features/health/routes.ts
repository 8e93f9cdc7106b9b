import type { FastifyInstance } from 'fastify'

export function healthRoutes(app: FastifyInstance, { checkDatabase }: { checkDatabase: () => Promise<void> }): void {
  app.get('/health', { config: { public: true } }, async (_request, reply) => {
    try {
      await checkDatabase()
      return reply.header('cache-control', 'no-store').send({ status: 'UP' })
    } catch {
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'DOWN' })
    }
  })
}
