import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/**
 * GOV.UK Frontend's and MOJ Frontend's compiled styles, scripts, fonts and images, and our own,
 * served from `/assets`. These need no session, so they are registered apart from the pages.
 */
export async function staticAssets(app: FastifyInstance, { root, production }: { root: string; production: boolean }): Promise<void> {
  const maxAge = production ? '1d' : 0
  await app.register(fastifyStatic, {
    root: [
      join(root, 'node_modules/govuk-frontend/dist/govuk/assets'),
      join(root, 'node_modules/@ministryofjustice/frontend/moj/assets'),
      join(root, 'src/assets'),
    ],
    prefix: '/assets/',
    maxAge,
    index: false,
    wildcard: true,
  })
  const bundles = new Set(['govuk-frontend.min.css', 'govuk-frontend.min.js', 'moj-frontend.min.css', 'moj-frontend.min.js'])
  await app.register(fastifyStatic, {
    root: [join(root, 'node_modules/govuk-frontend/dist/govuk'), join(root, 'node_modules/@ministryofjustice/frontend/moj')],
    prefix: '/assets/bundles/',
    decorateReply: false,
    maxAge,
    index: false,
    allowedPath: (path) => bundles.has(path.replace(/^\//, '')),
  })
}
