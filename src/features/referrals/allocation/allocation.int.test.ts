import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import * as advocates from '../../advocates/repository.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { eligibleAdvocate, offerOn } from '../../../../test/support/pool.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

describe(`allocation: offers, answers, triage and re-allocation (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function allocations(referralId: string) {
    return t.database.db
      .selectFrom('allocation')
      .select(['status', 'advocate_id', 'local_service_id', 'preferences', 'decline_reason', 'ended_reason'])
      .where('referral_id', '=', referralId)
      .orderBy('offered_at')
      .execute()
  }

  test('an offer is refused for anyone matching would never offer, with the reason', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Refusals')
    const person = await t.database.db
      .selectFrom('referral')
      .innerJoin('person', 'person.id', 'referral.person_id')
      .select('person.family_group_id')
      .where('referral.id', '=', id)
      .executeTakeFirstOrThrow()
    const away = await eligibleAdvocate(t, { familyName: 'Away' })
    await advocates.insertAbsence(t.database.db, {
      authorityId: t.world.authorityId,
      advocateId: away,
      startsOn: '2026-12-14',
      endsOn: '2026-12-16',
      note: null,
    })
    const knows = await eligibleAdvocate(t, { familyName: 'Knows' })
    await advocates.addKnownFamily(t.database.db, {
      authorityId: t.world.authorityId,
      advocateId: knows,
      familyGroupId: person.family_group_id ?? '',
      note: null,
    })
    const full = await eligibleAdvocate(t, { familyName: 'Full', capacity: 0 })
    const expired = await eligibleAdvocate(t, { familyName: 'Expired' })
    await t.database.db.updateTable('advocate').set({ dbs_checked_on: '2020-01-01' }).where('id', '=', expired).execute()

    for (const [advocateId, reason] of [
      [away, /away on the day of the meeting/],
      [knows, /knowing the family/],
      [full, /no free place/],
      [expired, /not eligible: DBS check expired/],
    ] as const) {
      await crew.admin.get(`/referrals/${id}/matches`)
      const page = await crew.admin.submit(`/referrals/${id}/matches`, { advocateId })
      assert.match(errorSummary(page.html)[0] ?? '', reason)
    }
    assert.deepEqual(await allocations(id), [], 'nothing was offered')
    const matches = textOf((await crew.admin.get(`/referrals/${id}/matches`)).html)
    assert.match(matches, /4 advocates cannot be offered it, and why/)
  })

  test('a decline with its reason sends the referral back, keeps the history, and the next offer can follow', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Declined')
    const first = await eligibleAdvocate(t, { familyName: 'First', userId: t.world.staff.advocate.id })
    await crew.admin.post(`/referrals/${id}/matches`, { advocateId: first })
    const advocate = await signedIn(t, 'advocate')
    const offerId = await offerOn(t, id)
    await advocate.get(`/my-people/offers/${offerId}`)
    const refused = await advocate.submit(`/my-people/offers/${offerId}`, { answer: 'decline' })
    assert.deepEqual(errorSummary(refused.html), ['Say why the offer is declined'])
    assert.equal((await advocate.post(`/my-people/offers/${offerId}`, { answer: 'decline', reason: 'I know the family from school.' })).location, '/my-people')

    assert.match(textOf((await crew.admin.get('/team-work')).html), /Declined/, 'back in the team’s work')
    assert.match(
      textOf((await crew.admin.get(`/referrals/${id}/matches`)).html),
      /First.*was offered this referral already and did not take it/s,
      'the advocate who declined comes after the next match, with why',
    )
    const second = await eligibleAdvocate(t, { familyName: 'Second' })
    await crew.admin.get(`/referrals/${id}/matches`)
    assert.equal((await crew.admin.post(`/referrals/${id}/matches`, { advocateId: second })).location, `/referrals/${id}`)
    const history = await allocations(id)
    assert.deepEqual(
      history.map((row) => [row.status, row.decline_reason]),
      [
        ['declined', 'I know the family from school.'],
        ['offered', null],
      ],
    )
    assert.match(textOf((await crew.admin.get(`/referrals/${id}`)).html), /Offers and allocations.*Declined.*I know the family from school/s)
    const referrersView = textOf((await crew.referrer.get(`/referrals/${id}`)).html)
    assert.match(referrersView, /Offer declined/, 'the referrer sees the step')
    assert.doesNotMatch(referrersView, /I know the family from school|Pool|Avril Advocate/, 'but not who was offered it or why they declined')
  })

  test('triage to a local service is the allocation; changing it later keeps the history, and the advocate sees nothing of it', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Triaged')
    const services = t.services.localServices
    const adminCaller = {
      ip: null,
      user: { id: t.world.staff.admin.id, authorityId: t.world.authorityId, displayName: '', email: '', roles: ['advocacy_admin' as const], teamIds: [] },
    }
    const serviceId = await services.create(adminCaller, {
      name: 'Spanish Speakers Advocacy',
      languages: ['Spanish'],
      specialisms: [],
      contact: '020 0000 0000',
      notes: null,
      active: true,
    })
    await crew.admin.get(`/referrals/${id}/triage`)
    assert.equal((await crew.admin.post(`/referrals/${id}/triage`, { localServiceId: serviceId, note: 'Spoke to Ana there' })).location, `/referrals/${id}`)
    const [triaged] = await allocations(id)
    assert.equal(triaged?.status, 'triaged')
    assert.deepEqual(triaged?.preferences, { language: 'met', gender: 'not_met', heritage: 'not_asked' }, 'how well it met the person’s preferences')
    assert.match(textOf((await crew.referrer.get(`/referrals/${id}`)).html), /Advocate Spanish Speakers Advocacy/)

    await crew.admin.get(`/referrals/${id}/change-advocate`)
    assert.equal(
      (await crew.admin.post(`/referrals/${id}/change-advocate`, { reason: 'The service has no one free after all' })).location,
      `/referrals/${id}/matches`,
    )
    assert.deepEqual(
      (await allocations(id)).map((row) => [row.status, row.ended_reason]),
      [['ended', 'The service has no one free after all']],
    )
    const state = await t.database.db.selectFrom('review').select('advocate_name').where('referral_id', '=', id).executeTakeFirstOrThrow()
    assert.equal(state.advocate_name, null)
  })

  test('how well an accepted allocation met the person’s preferences is recorded', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Preferences')
    const advocateId = await eligibleAdvocate(t, { familyName: 'Matching', gender: 'woman', languages: [{ language: 'Spanish', level: 'fluent' }] })
    await crew.admin.post(`/referrals/${id}/matches`, { advocateId })
    await crew.admin.get(`/referrals/${id}/offer`)
    await crew.admin.post(`/referrals/${id}/offer`, { answer: 'accept' })
    const [accepted] = await allocations(id)
    assert.equal(accepted?.status, 'accepted')
    assert.deepEqual(accepted?.preferences, { language: 'met', gender: 'met', heritage: 'not_asked' })
  })

  test('when the referral ends, its allocation ends and the advocate’s place is free again', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Ending')
    const advocateId = await eligibleAdvocate(t, { familyName: 'Freed', capacity: 1 })
    await crew.admin.post(`/referrals/${id}/matches`, { advocateId })
    await crew.referrer.get(`/referrals/${id}/withdraw`)
    await crew.referrer.post(`/referrals/${id}/withdraw`, { reason: 'meeting_cancelled' })
    assert.deepEqual(
      (await allocations(id)).map((row) => row.status),
      ['withdrawn'],
    )
    const another = await referralAt(t, crew, 'in_review', 'Another')
    assert.equal(
      (await crew.admin.post(`/referrals/${another}/matches`, { advocateId })).location,
      `/referrals/${another}`,
      'the place is free for another offer',
    )
  })

  test('an unanswered offer lapses back to the team (this test moves the clock, so it runs last)', async () => {
    const id = await referralAt(t, crew, 'in_review', 'Lapsed')
    const advocateId = await eligibleAdvocate(t, { familyName: 'Slow', capacity: 1 })
    await crew.admin.post(`/referrals/${id}/matches`, { advocateId })
    const lapsedHere = async () => (await allocations(id))[0]?.status === 'lapsed'
    t.clock.advanceMinutes(47 * 60)
    await t.services.allocations.lapseUnansweredOffers()
    assert.equal(await lapsedHere(), false, 'not yet: 48 hours to answer')
    t.clock.advanceMinutes(2 * 60)
    assert.ok((await t.services.allocations.lapseUnansweredOffers()) >= 1)
    assert.equal(await lapsedHere(), true)
    t.clock.advanceMinutes(-49 * 60)
    const referral = await t.database.db.selectFrom('referral').select(['state', 'waiting_on_team_id']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual(referral, { state: 'in_review', waiting_on_team_id: t.world.fgcTeamId })
    const admin = await signedIn(t, 'admin')
    assert.match(textOf((await admin.get(`/referrals/${id}`)).html), /Offer not answered in time.*by The service/s)
  })
})
