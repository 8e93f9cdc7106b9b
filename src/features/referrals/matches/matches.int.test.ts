import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, textOf } from '../../../../test/support/browser.ts'
import { pageTests } from '../../../../test/support/page-tests.ts'
import { eligibleAdvocate } from '../../../../test/support/pool.ts'
import { addStaff, allocationsOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

pageTests(
  {
    page: 'matches',
    heading: 'Find an advocate',
    who: 'admin',
    stage: 'in_review',
    valid: async ({ fixture }) => ({ advocateId: await eligibleAdvocate(fixture.t, { familyName: 'Matched' }) }),
    then: { location: (id) => `/referrals/${id}`, state: 'awaiting_advocate' },
    errors: [{ label: 'nobody chosen', body: () => ({}), messages: ['Choose an advocate to offer the referral to'] }],
  },
  (get) => {
    let t: TestApp
    let crew: Crew
    before(() => {
      t = get().t
      crew = get().crew
    })

    describe('two admins offering at the same moment', () => {
      /** Another FGC Advocacy Admin, signed in. */
      let otherAdmin: Browser

      before(async () => {
        otherAdmin = await signedInAs(t, await addStaff(t, 'offeringAdmin', 'Olga Offeringadmin', ['advocacy_admin'], { fgc: true }))
      })

      describe('the same referral, each to a different advocate', () => {
        let id: string
        let path: string
        const advocates: string[] = []
        const results: { admin: 'first' | 'second'; advocateId: string; location: string | undefined; status: number }[] = []

        before(async () => {
          id = await referralAt(t, crew, 'in_review', 'Raced')
          path = `/referrals/${id}/matches`
          advocates.push(
            await eligibleAdvocate(t, { givenName: 'Fiona', familyName: 'Firstchoice' }),
            await eligibleAdvocate(t, { givenName: 'Sonia', familyName: 'Secondchoice' }),
          )
          assert.equal((await crew.admin.get(path)).status, 200, 'the first admin opens the matches')
          assert.equal((await otherAdmin.get(path)).status, 200, 'and so does the second')
          const [first, second] = await Promise.all([crew.admin.post(path, { advocateId: advocates[0] }), otherAdmin.post(path, { advocateId: advocates[1] })])
          results.push(
            { admin: 'first', advocateId: advocates[0] ?? '', location: first.location, status: first.status },
            { admin: 'second', advocateId: advocates[1] ?? '', location: second.location, status: second.status },
          )
        })

        test('only one offer is made: one admin goes on to the referral, the other is sent back to the matches', async () => {
          const made = results.filter((result) => result.location === `/referrals/${id}`)
          const refused = results.filter((result) => result.location === path)
          assert.equal(made.length, 1, JSON.stringify(results))
          assert.equal(refused.length, 1, JSON.stringify(results))
          assert.ok(results.every((result) => result.status === 303))

          const allocations = await allocationsOf(t.database.db, id)
          assert.deepEqual(
            allocations.map((allocation) => [allocation.status, allocation.advocate_id]),
            [['offered', made[0]?.advocateId]],
            'one offer, to the advocate of the admin whose offer was made',
          )
          const referral = await t.database.db.selectFrom('referral').select(['state', 'waiting_on_user_id']).where('id', '=', id).executeTakeFirstOrThrow()
          assert.equal(referral.state, 'awaiting_advocate')
          const offers = await t.database.db.selectFrom('referral_event').select('event').where('referral_id', '=', id).where('event', '=', 'offer').execute()
          assert.equal(offers.length, 1, 'one offer on the timeline')
          const audited = await t.database.db
            .selectFrom('audit_event')
            .select('action')
            .where('record_id', '=', id)
            .where('action', '=', 'referral.offer')
            .execute()
          assert.equal(audited.length, 1, 'one offer in the audit trail')
        })

        test('the admin whose offer was not made is told why', async () => {
          const refused = results.find((result) => result.location === path)
          assert.ok(refused, 'one offer was refused')
          const browser = refused.admin === 'first' ? crew.admin : otherAdmin
          const shown = await browser.open(path)
          assert.equal(shown.status, 200)
          const told = [...errorSummary(shown.html), textOf(shown.html)].join(' ')
          assert.ok(
            errorSummary(shown.html).length > 0,
            `the refused admin is shown an error summary saying the referral was offered meanwhile; they were shown: ${told.slice(0, 300)}`,
          )
          assert.match(errorSummary(shown.html).join(' '), /Offered to an advocate|offered|already/i)
        })
      })

      test("two referrals, to an advocate with one free place: only one offer is made, so the advocate's capacity is never passed", async () => {
        const advocateId = await eligibleAdvocate(t, { givenName: 'Cara', familyName: 'Capacity', capacity: 1 })
        const one = await referralAt(t, crew, 'in_review', 'Onefree')
        const two = await referralAt(t, crew, 'in_review', 'Twofree')
        await crew.admin.get(`/referrals/${one}/matches`)
        await otherAdmin.get(`/referrals/${two}/matches`)
        const [first, second] = await Promise.all([
          crew.admin.post(`/referrals/${one}/matches`, { advocateId }),
          otherAdmin.post(`/referrals/${two}/matches`, { advocateId }),
        ])
        const outcomes = [
          { made: first.location === `/referrals/${one}`, refused: first.location === `/referrals/${one}/matches` },
          { made: second.location === `/referrals/${two}`, refused: second.location === `/referrals/${two}/matches` },
        ]
        assert.equal(outcomes.filter((outcome) => outcome.made).length, 1, JSON.stringify([first.status, first.location, second.status, second.location]))
        assert.equal(outcomes.filter((outcome) => outcome.refused).length, 1)
        const offered = await t.database.db
          .selectFrom('allocation')
          .select('referral_id')
          .where('advocate_id', '=', advocateId)
          .where('status', 'in', ['offered', 'accepted'])
          .execute()
        assert.equal(offered.length, 1, 'one place, one offer')
        const states = [
          await t.database.db.selectFrom('referral').select('state').where('id', '=', one).executeTakeFirstOrThrow(),
          await t.database.db.selectFrom('referral').select('state').where('id', '=', two).executeTakeFirstOrThrow(),
        ]
        assert.deepEqual(states.map((row) => row.state).sort(), ['awaiting_advocate', 'in_review'])
      })
    })
  },
)
