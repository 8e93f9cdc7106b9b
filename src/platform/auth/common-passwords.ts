import { createRequire } from 'node:module'

/**
 * The passwords that are used most often or have been stolen most often: 49,233 of them, from the
 * breach corpora zxcvbn-ts draws on, shipped as data in `@zxcvbn-ts/language-common` (pinned; why
 * this list, ADR 13). Read once, the first time a password is chosen, and kept as a set.
 */

/** Fewer than this and the list is not the one we chose: refuse to go on rather than check against too little. */
export const COMMON_PASSWORDS_AT_LEAST = 10_000

let loaded: ReadonlySet<string> | undefined

export function commonPasswords(): ReadonlySet<string> {
  if (loaded) return loaded
  const list: unknown = createRequire(import.meta.url)('@zxcvbn-ts/language-common/src/passwords.json')
  if (!Array.isArray(list) || list.length < COMMON_PASSWORDS_AT_LEAST || !list.every((entry) => typeof entry === 'string')) {
    throw new Error(`The list of common passwords should hold at least ${COMMON_PASSWORDS_AT_LEAST} passwords`)
  }
  loaded = new Set(list.map((entry: string) => entry.toLowerCase()))
  return loaded
}
