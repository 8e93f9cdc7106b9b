/**
 * @pure
 *
 * The memorable word or PIN a family member chooses at first use (ADR 17). It is short on purpose:
 * the code on their letter is the strong part, and guessing the word is slowed by the throttle.
 * What it must not be is something the other parent could guess at once: their date of birth in
 * any form, their name, or a PIN everyone tries first.
 */

export const WORD_MIN_LENGTH = 4
export const WORD_MAX_LENGTH = 64

export type WordProblem = 'missing' | 'tooShort' | 'tooLong' | 'dateOfBirth' | 'name' | 'tooSimple' | 'different'

export interface WordOwner {
  readonly givenName: string
  readonly familyName: string
  /** `YYYY-MM-DD`, or null. */
  readonly dateOfBirth: string | null
}

/** The PINs and words people try first. */
const COMMON = new Set([
  '1212',
  '1004',
  '2000',
  '2001',
  '6969',
  '1122',
  '1313',
  '4321',
  '1010',
  '2580',
  '0852',
  '1998',
  '1999',
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2025',
  '2026',
  'password',
  'pass',
  'passw0rd',
  'alongside',
  'letmein',
  'qwerty',
  'asdf',
  'love',
  'iloveyou',
  'secret',
  'advocate',
  'family',
  'code',
  'pin',
])

/** Lower case, letters and digits only (so "Maria 01" is "maria01"). */
function bare(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

/** Every way a date of birth is written as digits: 0304, 030490, 03041990, 1990, 19900403, 3490... */
function dateOfBirthForms(dateOfBirth: string | null): string[] {
  const match = dateOfBirth ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth) : null
  if (!match) return []
  const [, year = '', month = '', day = ''] = match
  const short = year.slice(2)
  const d = String(Number(day))
  const m = String(Number(month))
  return [
    `${day}${month}`,
    `${month}${day}`,
    `${day}${month}${short}`,
    `${day}${month}${year}`,
    `${month}${day}${short}`,
    `${month}${day}${year}`,
    `${year}${month}${day}`,
    `${d}${m}${short}`,
    `${d}${m}${year}`,
    `${m}${d}${year}`,
    year,
  ]
}

/** The same character again and again, or a run up or down the digits or the alphabet: 0000, 1234, 9876, abcd. */
function isPattern(word: string): boolean {
  if (new Set(word).size === 1) return true
  const codes = [...word].map((character) => character.codePointAt(0) ?? 0)
  const steps = new Set(codes.slice(1).map((code, index) => code - (codes[index] ?? 0)))
  return steps.size === 1 && (steps.has(1) || steps.has(-1))
}

/** The first reason to refuse this word, or undefined. `confirmation` is what was typed the second time. */
export function wordProblem(word: string, confirmation: string, owner: WordOwner): WordProblem | undefined {
  if (word.length === 0) return 'missing'
  if (word.length > WORD_MAX_LENGTH) return 'tooLong'
  const plain = bare(word)
  if ([...word.trim()].length < WORD_MIN_LENGTH || plain.length < WORD_MIN_LENGTH) return 'tooShort'
  const digits = plain.replace(/\D/g, '')
  if (digits.length >= 4 && dateOfBirthForms(owner.dateOfBirth).some((form) => form.length >= 4 && (digits === form || plain === form))) return 'dateOfBirth'
  const names = [owner.givenName, owner.familyName].map(bare).filter((name) => name.length >= 3)
  const letters = plain.replace(/\d/g, '')
  if (names.some((name) => letters === name || (letters.length > 0 && name.includes(letters) && letters.length >= 3) || plain.includes(name))) return 'name'
  if (COMMON.has(plain) || isPattern(plain)) return 'tooSimple'
  if (word !== confirmation) return 'different'
  return undefined
}
