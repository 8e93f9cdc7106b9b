import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { eligibleAdvocate, offerOn } from '../../../test/support/pool.ts'
import { referralSent, signedIn, versionOn } from '../../../test/support/referral-steps.ts'

describe(`the Advocacy Workflow through its pages (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('referral, request, decision, review, outcome, sign-off: Advocacy Completed', async () => {
    const referrer = await signedIn(t, 'referrer')
    const id = await referralSent(referrer)

    const sent = textOf((await referrer.get(`/referrals/${id}`)).html)
    assert.match(sent, /Sent to FGC Advocacy Admin/)
    assert.match(sent, /'Pass to FGC Service Manager' request sent to FGC Advocacy Admin/)

    const admin = await signedIn(t, 'admin')
    const teamWork = textOf((await admin.get('/team-work')).html)
    assert.match(teamWork, /Maria Garcia/)
    assert.match(teamWork, /Pass to FGC Service Manager/)

    await admin.get(`/referrals/${id}/pass-to-manager`)
    const passed = await admin.post(`/referrals/${id}/pass-to-manager`, { managerId: t.world.staff.manager.id, note: 'Please decide' })
    assert.equal(passed.location, '/team-work')

    const manager = await signedIn(t, 'manager')
    assert.match(textOf((await manager.get('/')).html), /Advocacy Manager's Decision/)
    await manager.get(`/referrals/${id}/decision`)
    const decided = await manager.post(`/referrals/${id}/decision`, {
      nextAction: 'child_protection_advocacy_review',
      reasons: 'The parent would benefit from an advocate.',
      advocateType: 'parent_peer_advocate',
      priority: 'high',
    })
    assert.equal(decided.location, `/referrals/${id}`)

    assert.match(textOf((await admin.get('/team-work')).html), /Child Protection Advocacy Review/)
    const luciaId = await eligibleAdvocate(t, {
      givenName: 'Lucia',
      familyName: 'Fernandez',
      languages: [{ language: 'Spanish', level: 'first_language' }],
      specialisms: ['dyslexia'],
      userId: t.world.staff.advocate.id,
    })
    await eligibleAdvocate(t, { givenName: 'Bob', familyName: 'English', gender: 'man' })
    const matches = textOf((await admin.get(`/referrals/${id}/matches`)).html)
    assert.match(matches, /1\. Lucia Fernandez Parent peer advocate speaks Spanish woman, as asked trained in dyslexia awareness has 3 of 3 places free/)
    assert.match(matches, /2\. Bob English/)
    assert.equal((await admin.post(`/referrals/${id}/matches`, { advocateId: luciaId })).location, `/referrals/${id}`)

    const advocate = await signedIn(t, 'advocate')
    assert.match(textOf((await advocate.get('/')).html), /Answer the offer/, 'the offer is in the advocate’s work')
    const offerId = await offerOn(t, id)
    const offerPage = await advocate.get(`/my-people/offers/${offerId}`)
    assert.match(textOf(offerPage.html), /Will you be Maria Garcia's advocate\?/)
    const accepted = await advocate.post(`/my-people/offers/${offerId}`, { answer: 'accept' })
    assert.equal(
      accepted.location,
      `/my-people/people/${offerId}`,
      `${accepted.status} ${textOf(accepted.html).slice(0, 300)} ${JSON.stringify(errorSummary((await advocate.get(`/my-people/offers/${offerId}`)).html))}`,
    )
    assert.equal(
      (
        await advocate.post(`/my-people/people/${offerId}/contacts`, {
          'contactedOn-day': '23',
          'contactedOn-month': '11',
          'contactedOn-year': '2026',
          method: 'phone',
          minutes: '20',
          notes: 'Talked about the conference.',
        })
      ).location,
      `/my-people/people/${offerId}`,
    )
    assert.equal(
      (
        await advocate.post(`/my-people/people/${offerId}/views`, {
          views: 'I want my children home.',
          agreed: 'yes',
          'agreedOn-day': '24',
          'agreedOn-month': '11',
          'agreedOn-year': '2026',
          version: '0',
        })
      ).location,
      `/my-people/people/${offerId}`,
    )
    const outcomePage = await admin.get(`/referrals/${id}/outcome`)
    const outcome = await admin.post(`/referrals/${id}/outcome`, {
      contactCount: '4',
      contactSummary: 'Two visits and two calls',
      advocateAttended: 'yes',
      viewsHeard: 'yes',
      meetingOutcome: 'child_protection_plan',
      minutesSpent: '6.5',
      notes: 'The parent spoke for herself.',
      version: versionOn(outcomePage.html),
    })
    assert.equal(outcome.location, `/referrals/${id}`, JSON.stringify(errorSummary((await admin.get(`/referrals/${id}/outcome`)).html)))
    await admin.get(`/referrals/${id}/sign-off-request`)
    assert.equal((await admin.post(`/referrals/${id}/sign-off-request`, { managerId: t.world.staff.manager.id })).location, '/team-work')

    assert.match(textOf((await manager.get('/')).html), /Sign off: Advocacy Completed/)
    await manager.get(`/referrals/${id}/sign-off`)
    assert.equal((await manager.post(`/referrals/${id}/sign-off`, { nextAction: 'advocacy_completed' })).location, `/referrals/${id}`)

    const done = textOf((await referrer.get(`/referrals/${id}`)).html)
    assert.match(done, /Advocacy Completed/)
    assert.match(done, /Lucia Fernandez/)
    assert.match(done, /6\.5/)
    assert.doesNotMatch(done, /Talked about the conference|I want my children home/, 'the advocacy record is not the referrer’s to see')
    assert.match(textOf((await manager.get(`/referrals/${id}`)).html), /Talked about the conference/, 'the advocacy service sees it')
    for (const step of [
      'Child Protection Advocacy Referral started',
      'Passed to FGC Service Manager',
      "Advocacy Manager's Decision: Child Protection Advocacy Review",
      'Offered to an advocate',
      'Offer accepted: advocate allocated',
      'Advocacy Outcome recorded',
      'Advocacy Outcome sent to FGC Service Manager for sign-off',
    ]) {
      assert.ok(done.includes(step), `the timeline shows "${step}"`)
    }
    assert.doesNotMatch(textOf((await admin.get('/team-work')).html), /Maria Garcia/, 'nothing left waiting')
  })
})
