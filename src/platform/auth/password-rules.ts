/**
 * Whether a new password is one to refuse, as the NCSC and NIST SP 800-63B (5.1.1.2) advise: long
 * enough; not on a list of passwords that are used often or have been stolen; not a repeated or
 * sequential pattern; not built from the account's own details (its holder's name and email, the
 * service's name, the council's name). No composition rules (no "one capital, one digit"): they
 * make passwords harder to remember and no harder to guess. Pure: the list comes in as an argument.
 *
 * @pure
 */

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

/** The service's own name, which no password should be built from. */
export const SERVICE_NAME = 'Alongside'

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'pattern' | 'personal'

/** What the person is told, saying what to do instead. */
export const passwordMessages: Readonly<Record<PasswordProblem, string>> = {
  'too-short': `Password must be ${PASSWORD_MIN_LENGTH} characters or more`,
  'too-long': `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  common: 'Choose a different password: this one is among passwords that are used often or have been stolen. Three random words make a strong password.',
  pattern: 'Choose a password that is not a repeated or predictable pattern, like aaaa or 1234. Three random words make a strong password.',
  personal: 'Choose a password that does not use your name, your email address, or the name of this service or your council',
}

/** Whose password it is: what it must not be built from. */
export interface PasswordOwner {
  readonly email: string
  readonly displayName: string
  /** The council's name, when there is one yet. */
  readonly authorityName: string | null
}

/** Lower case, accents gone (é → e), compatibility forms folded (ﬁ → fi). */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Letters and digits only. */
function compact(text: string): string {
  return folded(text).replace(/[^\p{L}\p{N}]/gu, '')
}

/** Runs a keyboard or an alphabet makes, each read both ways; one run may wrap round (…890123…). */
const RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
].flatMap((run) => [run + run, [...(run + run)].reverse().join('')])

/** A run of one short part repeated (aaaa, abab, 123123), or a straight run of a keyboard or alphabet. */
function isPattern(password: string): boolean {
  const text = compact(password) || folded(password)
  if (new Set(text).size < 5) return true
  if (/^(.+?)\1+$/u.test(text)) return true
  return text.length >= 4 && RUNS.some((run) => run.includes(text))
}

/** The password as someone might have built it from a listed one: whole, without spaces, without digits or symbols at its ends. */
function listedForms(password: string): string[] {
  const whole = folded(password)
  const letters = compact(password)
  return [whole, whole.replace(/\s+/g, ''), letters, letters.replace(/^\d+|\d+$/g, ''), whole.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')].filter(Boolean)
}

/** The account's own words: each part of its holder's name and email, the council's name, the service's. */
function ownWords(owner: PasswordOwner): string[] {
  const [local = '', domain = ''] = owner.email.split('@')
  const phrases = [owner.email, local, owner.displayName, owner.authorityName ?? '', SERVICE_NAME]
  const parts = [
    ...phrases.map(compact),
    ...[local, owner.displayName, owner.authorityName ?? '', SERVICE_NAME].flatMap((phrase) => folded(phrase).split(/[^\p{L}]+/u)),
    ...domain
      .split('.')
      .map(compact)
      .filter((label) => label.length >= 4),
  ]
  return [...new Set(parts.filter((word) => word.length >= 3))].sort((a, b) => b.length - a.length)
}

/** At least this many letters must be left when the account's own words and the digits are taken out. */
const LETTERS_BEYOND_OWN_WORDS = 6

/** Built from the account's own details: take them (and the digits) out, and too little is left. */
function isPersonal(password: string, owner: PasswordOwner): boolean {
  const text = compact(password)
  const words = ownWords(owner)
  if (!words.some((word) => text.includes(word))) return false
  let rest = text
  for (const word of words) rest = rest.split(word).join('')
  return rest.replace(/\p{N}/gu, '').length < LETTERS_BEYOND_OWN_WORDS
}

/** The first reason to refuse this password, or undefined when it is a good one. */
export function passwordProblem(password: string, owner: PasswordOwner, listed: { has(password: string): boolean }): PasswordProblem | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too-short'
  if (password.length > PASSWORD_MAX_LENGTH) return 'too-long'
  if (listedForms(password).some((form) => listed.has(form))) return 'common'
  if (isPattern(password)) return 'pattern'
  if (isPersonal(password, owner)) return 'personal'
  return undefined
}
