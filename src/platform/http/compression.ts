import fastifyCompress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Pages, and the files made for download, compressed for the browsers that ask (ADR 41): Brotli,
 * else gzip. A busy "My team's work" is 146 KB of HTML and about a tenth of it compressed, on a
 * phone's signal as much as an office's. The files every page links to are compressed once,
 * ahead (page-assets.ts); what is already compressed is sent as it is, and what is under 1 KB is
 * not worth it. Compressing a page that holds a secret beside what a visitor typed is safe only
 * because no secret is repeated from page to page: the form token is masked afresh for each
 * (sessions.ts), and the session cookie is never in the body.
 */
export const compression = fp(
  async (app: FastifyInstance) => {
    // Brotli at quality 4 (the plugin's own default, stated here): about as small as gzip's best at
    // a fraction of quality 11's time, which is for files compressed once.
    await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 })
  },
  { name: 'compression' },
)
