import { argon2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

/**
 * Passwords are hashed with argon2id (Node's own implementation) at OWASP's recommended minimum
 * cost, and stored in the PHC string format so the cost can be raised later without a migration.
 */

const argon2Async = promisify(argon2)

const COST = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

async function derive(password: string, nonce: Buffer, cost: { memory: number; passes: number; parallelism: number; tagLength: number }): Promise<Buffer> {
  return argon2Async('argon2id', { message: password, nonce, ...cost })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await derive(password, salt, COST)
  return `$argon2id$v=19$m=${COST.memory},t=${COST.passes},p=${COST.parallelism}$${phcBase64(salt)}$${phcBase64(hash)}`
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
