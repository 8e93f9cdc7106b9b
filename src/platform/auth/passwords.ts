import { argon2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { commonPasswords } from './common-passwords.ts'
import { passwordMessages, passwordProblem, type PasswordOwner, type PasswordProblem } from './password-rules.ts'

/**
 * Passwords are hashed with argon2id (Node's own implementation) at OWASP's recommended minimum
 * cost, and stored in the PHC string format so the cost can be raised later without a migration.
 */

const argon2Async = promisify(argon2)

/** What hashing a password costs: argon2id's memory (KiB), passes and lanes, and the hash's length. */
export interface PasswordCost {
  readonly memory: number
  readonly passes: number
  readonly parallelism: number
  readonly tagLength: number
}

const COST: PasswordCost = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 }

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordMessages, type PasswordOwner, type PasswordProblem } from './password-rules.ts'

/**
 * The one rule for every password anyone chooses (the first system admin's, one chosen from a
 * link): the first reason to refuse it, or undefined. See password-rules.ts.
 */
export function newPasswordProblem(password: string, owner: PasswordOwner): PasswordProblem | undefined {
  return passwordProblem(password, owner, commonPasswords())
}

/** A password the rule refuses reached a service: its page should have said so first. */
export class UnacceptablePasswordError extends Error {
  override name = 'UnacceptablePasswordError'
  readonly statusCode = 400
  readonly problem: PasswordProblem

  constructor(problem: PasswordProblem) {
    super(passwordMessages[problem])
    this.problem = problem
  }
}

/** Services call this before keeping a password, whatever their page checked: the rule holds however it is reached. */
export function requireAcceptablePassword(password: string, owner: PasswordOwner): void {
  const problem = newPasswordProblem(password, owner)
  if (problem) throw new UnacceptablePasswordError(problem)
}

async function derive(password: string, nonce: Buffer, cost: PasswordCost): Promise<Buffer> {
  return argon2Async('argon2id', { message: password, nonce, ...cost })
}

/**
 * The password's hash as it is kept, at the service's cost. (`cost` is for the tests' made-up users
 * alone: their one password is kept at the least cost, since verifying at the service's took 31 ms
 * of CPU and the tests sign in thousands of times; a verifier reads the cost from the hash.)
 */
export async function hashPassword(password: string, cost: PasswordCost = COST): Promise<string> {
  const salt = randomBytes(16)
  const hash = await derive(password, salt, cost)
  return `$argon2id$v=19$m=${cost.memory},t=${cost.passes},p=${cost.parallelism}$${phcBase64(salt)}$${phcBase64(hash)}`
}

/** The PHC format's base64: the standard alphabet without padding. */
function phcBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '')
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored)
  if (!match) return false
  const [, memory, passes, parallelism, salt, hash] = match
  const expected = Buffer.from(hash ?? '', 'base64')
  const actual = await derive(password, Buffer.from(salt ?? '', 'base64'), {
    memory: Number(memory),
    passes: Number(passes),
    parallelism: Number(parallelism),
    tagLength: expected.length,
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A hash of nothing anyone can type, checked when no account matches so timing gives nothing away. */
export const UNUSABLE_PASSWORD_HASH = await hashPassword(randomBytes(32).toString('base64url'))
