import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { codeIssued, familyBrowser, familySignedIn, WORD } from '../../../../test/support/family-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Guessing at a family code (ADR 17): counted before it is checked, under a lock, per code and
 * address and per code from everywhere; growing delays, never a lock that keeps the person out;
 * and nobody without the code can slow the person at all. Addresses come through a trusted proxy.
 */
describe(`family sign-in throttling (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1', PUBLIC_PAGES_PER_MINUTE: '100000' })
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function attempt(address: string, code: string, word: string) {
    const browser = familyBrowser(t, address)
    await browser.get('/your-advocacy/sign-in')
    return browser.post('/your-advocacy/sign-in', { code, word })
  }

  async function failures(codeId?: string): Promise<number> {
    let query = t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'family.sign-in-failed')
    if (codeId) query = query.where('record_id', '=', codeId)
    return (await query.execute()).length
  }

  async function newCode(familyName: string): Promise<{ code: string; codeId: string }> {
    const referralId = await referralAt(t, crew, 'in_review', familyName)
    const { code } = await codeIssued(crew.admin, referralId)
    await familySignedIn(t, code)
    const row = await t.database.db
      .selectFrom('family_code')
      .select('id')
      .where('referral_id', '=', referralId)
      .where('ended_at', 'is', null)
      .executeTakeFirstOrThrow()
    return { code, codeId: row.id }
  }

  test('fifty concurrent wrong words for one code from one address: only five are checked', async () => {
    const { code, codeId } = await newCode('Burst')
    const browser = familyBrowser(t, '198.51.100.50')
    await browser.get('/your-advocacy/sign-in')
    const burst = await Promise.all(Array.from({ length: 50 }, (_, guess) => browser.post('/your-advocacy/sign-in', { code, word: `wrong ${guess}` })))
    const checked = burst.filter((page) => page.status === 400).length
    const held = burst.filter((page) => page.status === 429).length
    console.log(`# ${engine}: 50 concurrent wrong words for one code from one address: ${checked} checked, ${held} held back`)
    assert.equal(checked, t.config.signIn.freeFailures)
    assert.equal(held, 50 - t.config.signIn.freeFailures)
    assert.equal(await failures(codeId), t.config.signIn.freeFailures)
  })

  test('wrong words from many addresses slow the code down, but only for a while: the person still gets in', async () => {
    const { code } = await newCode('Spread')
    const free = t.config.signIn.freeFailures >= 10 ? t.config.signIn.freeFailures : 10
    for (let guess = 0; guess < free; guess += 1) assert.equal((await attempt(`203.0.113.${guess + 1}`, code, `guess ${guess}`)).status, 400)
    const held = await attempt('192.0.2.99', code, WORD)
    assert.equal(held.status, 429, 'after ten wrong words from anywhere, even the right word waits')
    assert.deepEqual(errorSummary(held.document), ['You have tried too many times. Wait 1 minute, then try again'])
    t.clock.advanceMinutes(1)
    assert.equal((await attempt('192.0.2.99', code, WORD)).status, 303, 'after the wait, the person signs in: a delay, not a lock')
    t.clock.set('2026-11-24T10:00:00Z')
  })

  test('codes that open nothing are counted against the address, and never slow the person down', async () => {
    const { code } = await newCode('Flooded')
    const flood = '198.51.100.77'
    const statuses: number[] = []
    for (let guess = 0; guess < 12; guess += 1)
      statuses.push((await attempt(flood, `ACDE-FHJK-MN${'PRTW'.slice(guess % 3, (guess % 3) + 2)}`, 'anything')).status)
    assert.deepEqual(
      statuses.slice(0, 10),
      Array.from({ length: 10 }, () => 400),
    )
    assert.equal(statuses[10], 429, 'the flood waits')
    assert.equal((await attempt('192.0.2.120', code, WORD)).status, 303, 'the person, elsewhere, signs in at once')
  })
})
