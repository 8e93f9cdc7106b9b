import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { z } from 'zod'

/**
 * The message catalogues families read: `src/locales/<language>/<namespace>.json`, one nested JSON
 * object of ICU messages per namespace, and `src/locales/languages.json` naming each language, its
 * direction and whether a human translator has reviewed it.
 */
export interface Language {
  readonly code: string
  /** How dates and numbers are written (`en-GB`: 3 March 2026, not March 3). */
  readonly locale: string
  /** In the language itself: what a reader looks for in a list of languages. */
  readonly name: string
  readonly englishName: string
  readonly dir: 'ltr' | 'rtl'
  readonly reviewedByTranslator: boolean
}

/** Namespace → nested messages. */
export type Catalogue = Record<string, MessageTree>
export interface MessageTree {
  [key: string]: string | MessageTree
}

export interface Catalogues {
  readonly languages: readonly Language[]
  readonly byLanguage: Readonly<Record<string, Catalogue>>
}

export const SOURCE_LANGUAGE = 'en'
export const LOCALES_FOLDER = join(import.meta.dirname, '../../locales')

function isTree(value: unknown): value is MessageTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `languages.json`: each language's code, and what the service needs to know of it. */
const languagesFile = z.record(
  z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code such as "es"'),
  z.strictObject({
    locale: z.string().optional(),
    name: z.string().min(1),
    englishName: z.string().min(1),
    dir: z.enum(['ltr', 'rtl']),
    reviewedByTranslator: z.boolean(),
  }),
)

/** Reads every catalogue once, at start: a broken file stops the service starting, not a family's page. */
export function loadCatalogues(folder: string = LOCALES_FOLDER): Catalogues {
  const described = languagesFile.safeParse(JSON.parse(readFileSync(join(folder, 'languages.json'), 'utf8')))
  if (!described.success) throw new Error(`${folder}/languages.json: ${z.prettifyError(described.error)}`)
  const languages: Language[] = Object.entries(described.data).map(([code, { locale = code, ...about }]) => ({ code, locale, ...about }))
  if (!languages.some((language) => language.code === SOURCE_LANGUAGE)) throw new Error(`languages.json must describe ${SOURCE_LANGUAGE}`)
  const byLanguage: Record<string, Catalogue> = {}
  for (const { code } of languages) {
    const catalogue: Catalogue = {}
    const files = existsSync(join(folder, code)) ? readdirSync(join(folder, code)) : []
    for (const file of files.filter((name) => name.endsWith('.json'))) {
      const messages: unknown = JSON.parse(readFileSync(join(folder, code, file), 'utf8'))
      if (!isTree(messages)) throw new Error(`${code}/${file} must be an object of messages`)
      catalogue[basename(file, '.json')] = messages
    }
    byLanguage[code] = catalogue
  }
  return { languages, byLanguage }
}

/** Every message in a catalogue by its full key, `namespace:path.to.key`. */
export function messagesOf(catalogue: Catalogue): Map<string, string> {
  const messages = new Map<string, string>()
  const walk = (prefix: string, tree: MessageTree): void => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`
      if (typeof value === 'string') messages.set(path, value)
      else walk(path, value)
    }
  }
  for (const [namespace, tree] of Object.entries(catalogue)) walk(`${namespace}:`, tree)
  return messages
}

/** The names of the values a message fills in (`{date}`, `{count, plural, …}`), sorted. */
export function argumentsOf(message: string): string[] {
  const names = new Set<string>()
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue
      names.add(element.value)
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value)
      if (element.type === TYPE.tag) walk(element.children)
    }
  }
  walk(parse(message))
  return [...names].sort()
}

export interface CatalogueGaps {
  /** Keys English has and this language lacks. */
  readonly missing: readonly string[]
  /** Keys this language has that English does not: left over from a change. */
  readonly extra: readonly string[]
  /** Keys whose message fills in different values from English's, or does not parse. */
  readonly broken: readonly string[]
}

/** What a language's catalogue lacks against English's. A language is shown to families only without gaps. */
export function gapsIn(catalogues: Catalogues, code: string): CatalogueGaps {
  const source = messagesOf(catalogues.byLanguage[SOURCE_LANGUAGE] ?? {})
  const target = messagesOf(catalogues.byLanguage[code] ?? {})
  const missing = [...source.keys()].filter((key) => !target.has(key))
  const extra = [...target.keys()].filter((key) => !source.has(key))
  const broken: string[] = []
  for (const [key, message] of target) {
    const english = source.get(key)
    if (english === undefined) continue
    try {
      if (argumentsOf(message).join() !== argumentsOf(english).join()) broken.push(key)
    } catch {
      broken.push(key)
    }
  }
  return { missing, extra, broken }
}

export function isComplete(gaps: CatalogueGaps): boolean {
  return gaps.missing.length === 0 && gaps.extra.length === 0 && gaps.broken.length === 0
}
