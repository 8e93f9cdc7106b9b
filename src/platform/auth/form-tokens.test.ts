import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { describe, test } from 'node:test'
import type { Kysely } from 'kysely'
import type { Schema } from '../db/schema.ts'
import { systemClock } from '../time/clock.ts'
import { createSessions, newSessionId } from './sessions.ts'

/** Form tokens touch no table: the database is never asked for here. */
const noDatabase = new Proxy({}, { get: () => assert.fail('a form token reads no database') }) as Kysely<Schema>
const SECRET = 'a test secret that is long enough to be accepted'
const sessions = createSessions(noDatabase, systemClock, { idleMinutes: 30, absoluteHours: 12 }, SECRET)

describe("a page's form token (ADR 41)", () => {
  test('is new on every page, and every page’s token is good for the session', () => {
    const session = newSessionId()
    const tokens = Array.from({ length: 50 }, () => sessions.csrfToken(session))
    assert.equal(new Set(tokens).size, tokens.length, 'no two pages share a token')
    for (const token of tokens) {
      assert.match(token, /^[\w-]{86}$/)
      assert.equal(sessions.checkCsrfToken(session, token), true)
    }
  })

  test('never shows the session’s secret as it is, nor the same bytes twice where the secret goes', () => {
    const session = newSessionId()
    const secret = createHmac('sha256', SECRET).update(`csrf:${session}`).digest()
    const [first, second] = [sessions.csrfToken(session), sessions.csrfToken(session)].map((token) => Buffer.from(token, 'base64url'))
    assert.ok(first && second)
    assert.equal(first.includes(secret), false)
    assert.notDeepEqual(first.subarray(32), second.subarray(32))
    // The secret unmasked (the token as it was before ADR 41) is not a token.
    assert.equal(sessions.checkCsrfToken(session, secret.toString('base64url')), false)
  })

  test("another browser's token, or one altered, cut short, lengthened or not text, is refused", () => {
    const session = newSessionId()
    const token = sessions.csrfToken(session)
    assert.equal(sessions.checkCsrfToken(newSessionId(), token), false, "another browser's")
    const flipped = (at: number) => token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1)
    for (const at of [0, 10, 42, 43, 60, 84]) assert.equal(sessions.checkCsrfToken(session, flipped(at)), false, `changed at ${at}`)
    for (const sent of [token.slice(0, 85), `${token}A`, `${token}=`, token.replace(/.$/, '+'), '', ' '.repeat(86), undefined, null, 42, [token], { token }])
      assert.equal(sessions.checkCsrfToken(session, sent), false, JSON.stringify(sent))
  })
})
