import type { FastifyInstance } from 'fastify'
import type { PageAssets } from './page-assets.ts'

/**
 * GOV.UK Frontend and MOJ Frontend styled as a service that is not on GOV.UK must be: never in the
 * GDS Transport font, which is for GOV.UK alone. GOV.UK Frontend's documented way is two Sass
 * settings, `$govuk-font-family` (here the system font stack) and `$govuk-include-default-font-face:
 * false`. The packages ship compiled CSS and the service has no Sass build (ADR 1, ADR 14), so the
 * same result is made once at start: each compiled bundle with the font's name replaced by the
 * system font stack and its `@font-face` rules left out (so the font files are never fetched).
 * Should a new version name the font some other way, the service refuses to start rather than
 * quietly show it.
 */

export const SYSTEM_FONT_STACK = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif'

export class BrandStylesError extends Error {
  override name = 'BrandStylesError'
}

/** A compiled GOV.UK Frontend (or MOJ Frontend) stylesheet without GDS Transport. */
export function withoutGdsTransport(css: string, name = 'the stylesheet'): string {
  const rewritten = css
    .replace(/@font-face\s*\{[^}]*font-family:\s*["']?GDS Transport["']?[^}]*\}/gi, '')
    .replace(/["']?GDS Transport["']?\s*,\s*arial\s*,\s*sans-serif/gi, SYSTEM_FONT_STACK)
    .replace(/\/\*#\s*sourceMappingURL=[^*]*\*\//g, '')
  if (/GDS Transport/i.test(rewritten)) throw new BrandStylesError(`GDS Transport is still named in ${name}: its package names the font in a new way`)
  return rewritten
}

/**
 * The council's styles at their unfingerprinted addresses, `/assets/styles/<name>` (the small page
 * for an address the router cannot read links here): the same bytes the pages get, made once in
 * `page-assets.ts`.
 */
export async function councilStyles(app: FastifyInstance, { pageAssets, production }: { pageAssets: PageAssets; production: boolean }): Promise<void> {
  for (const name of ['govukStyles', 'mojStyles'] as const) {
    const asset = pageAssets.asset(name)
    app.get(`/assets/styles/${asset.url.split('/').at(-1) ?? ''}`, async (_request, reply) =>
      reply
        .type(asset.type)
        .header('cache-control', production ? 'public, max-age=86400' : 'no-cache')
        .send(asset.body),
    )
  }
}
