import { createHmac, randomInt } from 'node:crypto'

/**
 * A family member's personal code (ADR 17): 12 characters from an alphabet of 21 with nothing that
 * reads as something else (no 0/O/Q, 1/I/L, 2/Z, 5/S, G, 8/B, U/V), in three groups of four to read
 * aloud and type ("ACDE-FHJK-MNPR"): 21^12, about 2^52, so it cannot be guessed. It is kept only as
 * a keyed hash: HMAC-SHA-256 under a key derived from the service's secret, so a copy of the table
 * alone cannot even be checked against.
 */

export const CODE_ALPHABET = 'ACDEFHJKMNPRTWXY34679'
export const CODE_LENGTH = 12
const GROUP = 4

/** A new code, drawn uniformly from the alphabet by the operating system's random numbers. */
export function newCode(): string {
  let code = ''
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** A code as typed ("acde fhjk-mnpq") as it is kept: upper case, without spaces or dashes. Anything else is left in, and matches nothing. */
export function normaliseCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-–—.]/g, '')
    .slice(0, 64)
}

/** Whether a typed code could be one at all (so a wrong shape is not even looked up). */
export function isCodeShaped(normalised: string): boolean {
  return normalised.length === CODE_LENGTH && [...normalised].every((character) => CODE_ALPHABET.includes(character))
}

/** "ACDE-FHJK-MNPQ", as printed on the letter. */
export function groupedCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code
}

/** The key codes are hashed under: the service's secret, taken through HMAC with a label of its own. */
export function codeKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('alongside family code key').digest()
}

export function hashCode(key: Buffer, normalised: string): string {
  return createHmac('sha256', key).update(normalised).digest('hex')
}
