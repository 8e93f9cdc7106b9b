import type { FastifyInstance } from 'fastify'
import type { SettingsService } from '../settings/service.ts'

/**
 * The pages every public-sector service links from its footer, in the authority's own words: who
 * runs the service and how to reach them (the authority's details, kept by a system admin).
 */
export function aboutRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  app.get('/accessibility', { config: { public: true } }, async (request, reply) =>
    reply.view('features/about/accessibility.njk', { authority: await settings.authorityFor(request.user?.authorityId ?? null) }),
  )
  app.get('/privacy', { config: { public: true } }, async (request, reply) =>
    reply.view('features/about/privacy.njk', { authority: await settings.authorityFor(request.user?.authorityId ?? null) }),
  )
}
