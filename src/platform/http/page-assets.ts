import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { withoutGdsTransport } from './council-styles.ts'

/**
 * The files every page links to (the styles, the scripts, the icon), made once at start: each
 * named by a fingerprint of its content, compressed with Brotli and gzip, and cached by the browser
 * for a year as immutable. A page's first view fetches them compressed (about a sixth of their
 * size); every later view is the page alone, one request. A new release changes a file's
 * fingerprint, so its pages ask for the new file and nobody is left with a stale one.
 */
export interface PageAsset {
  readonly url: string
  readonly type: string
  readonly body: Buffer
  /** The file compressed, made the first time a browser asks for it so (a start compresses nothing). */
  encoded(encoding: 'br' | 'gzip'): Buffer
}

export type PageAssetName = 'govukStyles' | 'mojStyles' | 'appStyles' | 'govukScript' | 'appScript' | 'listenScript' | 'icon'

export interface PageAssets {
  /** Where each file is, for the templates: `{{ assets.appStyles }}`. */
  readonly urls: Readonly<Record<PageAssetName, string>>
  find(fingerprint: string, name: string): PageAsset | undefined
  /** One of them by name (the council's styles are also served at their old, unfingerprinted address). */
  asset(name: PageAssetName): PageAsset
}

const FINGERPRINTED = '/assets/v'
const A_YEAR = 'public, max-age=31536000, immutable'
const withoutSourceMap = (text: string): string => text.replace(/\n?\/[/*]#\s*sourceMappingURL=\S*(\s*\*\/)?\s*$/u, '\n')

function made(name: string, type: string, text: string): PageAsset {
  const body = Buffer.from(text)
  const fingerprint = createHash('sha256').update(body).digest('base64url').slice(0, 16)
  const encodings = new Map<'br' | 'gzip', Buffer>()
  return {
    url: `${FINGERPRINTED}/${fingerprint}/${name}`,
    type,
    body,
    encoded(encoding) {
      let encoded = encodings.get(encoding)
      if (!encoded) {
        encoded =
          encoding === 'br'
            ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
            : gzipSync(body, { level: 9 })
        encodings.set(encoding, encoded)
      }
      return encoded
    },
  }
}

export async function buildPageAssets(root: string): Promise<PageAssets> {
  const read = (path: string): Promise<string> => readFile(join(root, path), 'utf8')
  const govukScript = made(
    'govuk-frontend.min.js',
    'text/javascript; charset=utf-8',
    withoutSourceMap(await read('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js')),
  )
  const appScriptSource = await read('src/assets/app.js')
  const importedBundle = "'/assets/bundles/govuk-frontend.min.js'"
  if (!appScriptSource.includes(importedBundle)) throw new Error(`src/assets/app.js must import GOV.UK Frontend as ${importedBundle}`)
  const all: Record<PageAssetName, PageAsset> = {
    govukStyles: made(
      'govuk-frontend.min.css',
      'text/css; charset=utf-8',
      withoutGdsTransport(await read('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'govuk-frontend.min.css'),
    ),
    mojStyles: made(
      'moj-frontend.min.css',
      'text/css; charset=utf-8',
      withoutGdsTransport(await read('node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css'), 'moj-frontend.min.css'),
    ),
    appStyles: made('app.css', 'text/css; charset=utf-8', await read('src/assets/app.css')),
    govukScript,
    appScript: made('app.js', 'text/javascript; charset=utf-8', appScriptSource.replace(importedBundle, `'${govukScript.url}'`)),
    // "Listen to this page" on a family's pages: the browser's own speech, where it has it.
    listenScript: made('listen.js', 'text/javascript; charset=utf-8', await read('src/assets/listen.js')),
    icon: made('alongside-icon.svg', 'image/svg+xml', await read('src/assets/images/alongside-icon.svg')),
  }
  const byUrl = new Map(Object.values(all).map((asset) => [asset.url, asset]))
  const urls: Record<PageAssetName, string> = {
    govukStyles: all.govukStyles.url,
    mojStyles: all.mojStyles.url,
    appStyles: all.appStyles.url,
    govukScript: all.govukScript.url,
    appScript: all.appScript.url,
    listenScript: all.listenScript.url,
    icon: all.icon.url,
  }
  return { urls, find: (fingerprint, name) => byUrl.get(`${FINGERPRINTED}/${fingerprint}/${name}`), asset: (name) => all[name] }
}

/** Which encoding to send: Brotli where the browser takes it, then gzip, else the file as it is. */
export function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .slice(0, 20)
      .map((part) => {
        const [coding = '', ...parameters] = part.trim().split(';')
        const quality = parameters.find((parameter) => parameter.trim().startsWith('q='))
        return [coding.trim(), quality === undefined ? 1 : Number(quality.trim().slice(2)) || 0] as const
      }),
  )
  const takes = (coding: string): boolean => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0
  if (takes('br')) return 'br'
  if (takes('gzip')) return 'gzip'
  return null
}

/** `/assets/v/<fingerprint>/<name>`: registered under the assets prefix, before its static files. */
export function pageAssetRoutes(app: FastifyInstance, assets: PageAssets): void {
  app.get<{ Params: { fingerprint: string; name: string } }>('/v/:fingerprint/:name', async (request, reply) => {
    const asset = assets.find(request.params.fingerprint, request.params.name)
    if (!asset) return reply.callNotFound()
    const encoding = encodingFor(request.headers['accept-encoding'])
    void reply.type(asset.type).header('cache-control', A_YEAR).header('vary', 'accept-encoding')
    if (encoding) return reply.header('content-encoding', encoding).send(asset.encoded(encoding))
    return reply.send(asset.body)
  })
}
