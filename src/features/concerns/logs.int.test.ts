import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Writable } from 'node:stream'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { familyReading } from '../../../test/support/family-steps.ts'
import { advocateUser, crewOf, referralAt, signedInAs, type Crew } from '../../../test/support/workflow-steps.ts'
import { logOptions } from '../../platform/http/logging.ts'

const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '0'

/**
 * Issue 11: what a person writes about their safety, or a child's, is kept in the concern and
 * nowhere else. With the logger at its most talkative, a concern raised from a family's own pages
 * and one raised by an advocate, acknowledged and closed, leave none of their words (nor the
 * plan or the outcome staff wrote) in the request log, though the log records every request.
 */
describe(`a concern's words never reach the log (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  const logLines: string[] = []
  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk))
        done()
      },
    })
    t = await startTestApp({}, { logger: { ...logOptions('trace'), stream } })
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('raised by a family and by an advocate, acknowledged and closed: the log holds the requests, not the words', async () => {
    const secrets = {
      family: 'Quillfeather hit the baby last Tuesday',
      advocate: 'Marrowbone bruises seen at the Wexley visit',
      plan: 'Phone Ingleborough duty team at once',
      outcome: 'Strategy meeting held with Pendlebury police',
    }
    const familyReferral = await referralAt(t, crew, 'advocate_recorded', 'Logfamily')
    const family = await familyReading(t, crew, familyReferral)
    await family.get('/your-advocacy/concern')
    assert.equal((await family.post('/your-advocacy/concern', { about: 'child', words: secrets.family })).status, 303)

    const { person, advocateId } = await advocateUser(t, 'logs', 'Ava Logs')
    const advocateReferral = await referralAt(t, crew, 'advocate_recorded', 'Logadvocate', { advocateId })
    const allocation = await t.database.db
      .selectFrom('allocation')
      .select('id')
      .where('referral_id', '=', advocateReferral)
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow()
    const advocate = await signedInAs(t, person)
    await advocate.get(`/my-people/people/${allocation.id}/concern`)
    const raised = await advocate.submit(`/my-people/people/${allocation.id}/concern`, { about: 'child', words: secrets.advocate })
    assert.equal(raised.status, 200)

    const concerns = await t.database.db.selectFrom('concern').select(['id', 'words']).where('referral_id', 'in', [familyReferral, advocateReferral]).execute()
    assert.deepEqual(concerns.map((row) => row.words).sort(), [secrets.advocate, secrets.family].sort(), 'both kept in the concern')
    for (const { id } of concerns) {
      const page = await crew.manager.get(`/concerns/${id}`)
      assert.equal(page.status, 200)
      const acknowledged = await crew.manager.submit(`/concerns/${id}/acknowledge`, { plan: secrets.plan, version: versionOn(page.html) })
      assert.equal(acknowledged.status, 200)
      const closed = await crew.manager.submit(`/concerns/${id}/close`, { outcome: secrets.outcome, version: versionOn(acknowledged.html) })
      assert.equal(closed.status, 200)
    }
    const closedCount = await t.database.db
      .selectFrom('concern')
      .select('id')
      .where('referral_id', 'in', [familyReferral, advocateReferral])
      .where('closed_at', 'is not', null)
      .execute()
    assert.equal(closedCount.length, 2, 'both closed, so every step ran')

    const log = logLines.join('')
    assert.ok(log.includes('/your-advocacy/concern'), 'the log records the requests themselves')
    assert.ok(log.includes('/acknowledge') && log.includes('/close'))
    for (const words of Object.values(secrets))
      for (const fragment of [words, ...words.split(' ').filter((word) => /^[A-Z][a-z]{5,}$/.test(word))])
        assert.ok(!log.includes(fragment), `not in the log: ${fragment}`)
  })
})
