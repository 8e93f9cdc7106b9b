import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Caller } from '../../../platform/auth/roles.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { engine } from '../../../../test/support/database.ts'
import { eligibleAdvocate } from '../../../../test/support/pool.ts'
import { crewOf, referralAt } from '../../../../test/support/workflow-steps.ts'

/**
 * "Two admins allocating at the same moment never push an advocate past capacity." Many offers to
 * one advocate are made at once, from separate service calls (on PostgreSQL, separate connections,
 * each in its own transaction): exactly as many succeed as the advocate has places.
 */
describe(`an advocate's capacity under concurrent offers (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '12' })
  })
  after(async () => t.close())

  test('twelve offers at once to an advocate with three places: three succeed, nine are refused, none lost', async () => {
    const crew = await crewOf(t)
    const referralIds: string[] = []
    for (let index = 0; index < 12; index += 1) referralIds.push(await referralAt(t, crew, 'in_review', `Capacity${index}`))
    const advocateId = await eligibleAdvocate(t, { givenName: 'Cara', familyName: 'Capacity', capacity: 3 })
    const admin: Caller = {
      ip: null,
      user: {
        id: t.world.staff.admin.id,
        authorityId: t.world.authorityId,
        displayName: 'Ada Admin',
        email: '',
        roles: ['advocacy_admin'],
        teamIds: [t.world.fgcTeamId],
      },
    }

    const results = await Promise.allSettled(referralIds.map((referralId) => t.services.allocations.offer(admin, referralId, advocateId)))
    const succeeded = results.filter((result) => result.status === 'fulfilled').length
    const refusals = results.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as Error).message)] : []))
    assert.equal(succeeded, 3, `exactly the advocate's three places are offered; refusals: ${refusals.join(' | ')}`)
    assert.equal(refusals.length, 9)
    for (const refusal of refusals) assert.match(refusal, /no free place \(3 of 3 taken\)/)

    const active = await t.database.db
      .selectFrom('allocation')
      .select('referral_id')
      .where('advocate_id', '=', advocateId)
      .where('status', 'in', ['offered', 'accepted'])
      .execute()
    assert.equal(active.length, 3, 'the database agrees')
    const moved = await t.database.db.selectFrom('referral').select('state').where('id', 'in', referralIds).where('state', '=', 'awaiting_advocate').execute()
    assert.equal(moved.length, 3, 'only the three offered referrals moved on; the rest are still with the admin team')
  })
})
