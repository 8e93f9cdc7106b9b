import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { pageAssetRoutes, type PageAssets } from './page-assets.ts'

/** Where the static files are served from. */
export const ASSETS_PREFIX = '/assets'

/**
 * GOV.UK Frontend's and MOJ Frontend's compiled styles, scripts, fonts and images, and our own,
 * served from `/assets`. These need no session, so they are registered apart from the pages, under
 * their own prefix: a file that is not there (a mistyped name, the source map a bundle names in its
 * last line) is answered here with a plain 404, never handed to the pages' "Page not found", which
 * needs a session these requests never open.
 */
export async function staticAssets(
  app: FastifyInstance,
  { root, production, pageAssets }: { root: string; production: boolean; pageAssets: PageAssets },
): Promise<void> {
  const maxAge = production ? '1d' : 0
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('Not found'))
  pageAssetRoutes(app, pageAssets)
  await app.register(fastifyStatic, {
    root: [
      join(root, 'node_modules/govuk-frontend/dist/govuk/assets'),
      join(root, 'node_modules/@ministryofjustice/frontend/moj/assets'),
      join(root, 'src/assets'),
    ],
    prefix: '/',
    maxAge,
    index: false,
    wildcard: true,
  })
  const bundles = new Set(['govuk-frontend.min.css', 'govuk-frontend.min.js', 'moj-frontend.min.css', 'moj-frontend.min.js'])
  await app.register(fastifyStatic, {
    root: [join(root, 'node_modules/govuk-frontend/dist/govuk'), join(root, 'node_modules/@ministryofjustice/frontend/moj')],
    prefix: '/bundles/',
    decorateReply: false,
    maxAge,
    index: false,
    allowedPath: (path) => bundles.has(path.replace(/^\//, '')),
  })
}
