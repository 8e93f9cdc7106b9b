import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { informationPages, isInformationPage, type InformationPage } from '../../vocabulary/information.ts'

/**
 * The first version of each information page, shipped with Alongside in each language
 * (`pages/<page>.<language>.txt`: a `# Title` line, then the text in the pages' markup). Every
 * authority shows these until it publishes its own (ADR 18). Read once, at start: a broken file
 * stops the service starting, not a family's page.
 */
export interface ShippedPage {
  readonly title: string
  readonly body: string
}

/** When the shipped pages were last checked, by the people who wrote them. */
export const SHIPPED_ON = '2026-11-27'

export const SHIPPED_FOLDER = join(import.meta.dirname, 'pages')

export type ShippedPages = ReadonlyMap<string, ShippedPage>

export function shippedKey(page: InformationPage, language: string): string {
  return `${page}.${language}`
}

export function loadShippedPages(folder: string = SHIPPED_FOLDER): ShippedPages {
  const pages = new Map<string, ShippedPage>()
  const files = existsSync(folder) ? readdirSync(folder) : []
  for (const file of files) {
    const match = /^([a-z]+)\.([a-z]{2,3})\.txt$/.exec(file)
    if (!match) continue
    const [, page, language] = match
    if (!isInformationPage(page) || !language) throw new Error(`${folder}/${file}: no information page is called ${page}`)
    const [first = '', ...rest] = readFileSync(join(folder, file), 'utf8').replace(/\r\n?/g, '\n').split('\n')
    const title = /^#\s+(.+)$/.exec(first.trim())?.[1]?.trim()
    const body = rest.join('\n').trim()
    if (!title || title.length > 120) throw new Error(`${folder}/${file} must start with "# " and a title of 120 characters or fewer`)
    if (!body || body.length > 10_000) throw new Error(`${folder}/${file} must have text, of 10,000 characters or fewer`)
    pages.set(shippedKey(page, language), { title, body })
  }
  for (const page of informationPages.values)
    if (!pages.has(shippedKey(page, 'en'))) throw new Error(`${folder} has no English first version of the ${page} page`)
  return pages
}
