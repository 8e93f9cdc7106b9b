import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import type { Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { referralSent, signedIn } from '../../../../test/support/referral-steps.ts'

/** A referrer starts a draft; returns its id. */
async function draftStarted(referrer: Browser): Promise<string> {
  const started = await referrer.post('/referrals', {})
  const id = /\/referrals\/([0-9a-f-]{36})\/person/.exec(started.location ?? '')?.[1]
  assert.ok(id, 'a draft was started')
  return id
}

/** The referrer deletes the draft (withdraws it before it was ever sent). */
async function draftDeleted(referrer: Browser, id: string): Promise<void> {
  await referrer.get(`/referrals/${id}/withdraw`)
  assert.equal((await referrer.post(`/referrals/${id}/withdraw`, { reason: 'made_in_error' })).location, '/')
}

describe(`a person's page opens only while there is a reason to (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  async function personOf(referralId: string): Promise<string> {
    const row = await t.database.db.selectFrom('referral').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow()
    assert.ok(row.person_id)
    return row.person_id
  }

  test('a parent added to a draft is open to its referrer while the draft lives, and closed once it is deleted', async () => {
    const referrer = await signedIn(t, 'referrer')
    const id = await draftStarted(referrer)
    await referrer.get(`/referrals/${id}/person/new`)
    const added = await referrer.post(`/referrals/${id}/person/new`, { givenName: 'Dora', familyName: 'Deleted' })
    assert.equal(added.location, `/referrals/${id}/children`)
    const personId = await personOf(id)
    assert.equal((await referrer.get(`/people/${personId}`)).status, 200, 'while the draft lives')
    await draftDeleted(referrer, id)
    assert.equal((await referrer.get(`/people/${personId}`)).status, 404, 'adding them once is no lasting relationship')
  })

  test('someone found and chosen for a draft is open only while that draft lives', async () => {
    const sentBy = await signedIn(t, 'otherReferrer')
    const personId = await personOf(await referralSent(sentBy, { familyName: 'Chosen' }))
    const referrer = await signedIn(t, 'referrer')
    assert.equal((await referrer.get(`/people/${personId}`)).status, 404, 'nothing to do with them yet')
    const id = await draftStarted(referrer)
    await referrer.get(`/referrals/${id}/person`)
    assert.equal((await referrer.post(`/referrals/${id}/person`, { personId })).location, `/referrals/${id}/children`)
    assert.equal((await referrer.get(`/people/${personId}`)).status, 200, 'while the draft for them lives')
    await draftDeleted(referrer, id)
    assert.equal((await referrer.get(`/people/${personId}`)).status, 404, 'the draft gone, the access goes with it')
  })

  test('a referral that was sent keeps its person open to its referrer after it ends', async () => {
    const referrer = await signedIn(t, 'referrer')
    const id = await referralSent(referrer, { familyName: 'Sentandended' })
    const personId = await personOf(id)
    await referrer.get(`/referrals/${id}/withdraw`)
    assert.equal((await referrer.post(`/referrals/${id}/withdraw`, { reason: 'meeting_cancelled' })).location, '/')
    const page = await referrer.get(`/people/${personId}`)
    assert.equal(page.status, 200)
    assert.ok(page.document.querySelector(`a[href="/referrals/${id}"]`), 'with the referral they made')
  })

  test('a deleted draft, never sent, never reaches the advocacy service: not its page, not its person', async () => {
    const referrer = await signedIn(t, 'referrer')
    const id = await draftStarted(referrer)
    await referrer.get(`/referrals/${id}/person/new`)
    await referrer.post(`/referrals/${id}/person/new`, { givenName: 'Nellie', familyName: 'Neversent' })
    const personId = await personOf(id)
    await draftDeleted(referrer, id)
    for (const who of ['admin', 'manager'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get(`/referrals/${id}`)).status, 404, `${who}: the draft`)
      assert.equal((await browser.get(`/people/${personId}`)).status, 404, `${who}: its person`)
    }
  })
})
