import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { eligibleAdvocate } from '../../../../test/support/pool.ts'
import { versionOn } from '../../../../test/support/referral-steps.ts'
import { addStaff, crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 11, next slice (ADR 30): from a child's accepted offer of an advocate, the advocacy admin
 * team starts the child's own referral. It runs through the same workflow as a parent's, matching
 * ranks advocates skilled with children first, and the parent's advocate is never the child's.
 * The test clock's today is Tuesday 24 November 2026; each conference is on Tuesday 15 December 2026.
 */
describe(`a child's own referral (${engine})`, () => {
  let t: TestApp
  let crew: Crew

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  const db = () => t.database.db

  /** Leo, the child the referrer named on the parent's referral. */
  async function leoOn(id: string) {
    const row = await db().selectFrom('referral_child').select('person_id').where('referral_id', '=', id).executeTakeFirstOrThrow()
    return row.person_id
  }

  /** Records Leo's answer on the parent's referral `id`. */
  async function answer(id: string, answer: 'accepted' | 'declined' | 'waiting') {
    const leo = await leoOn(id)
    const path = `/referrals/${id}/child-advocate/${leo}`
    const page = await crew.admin.get(path)
    const body =
      answer === 'accepted'
        ? { answer, whoAnswered: 'child', communicates: 'signs', needs: 'out_of_area', needsDetail: 'Placed with carers in Kent' }
        : answer === 'declined'
          ? { answer, whoAnswered: 'child' }
          : { answer, communicates: 'speaks' }
    assert.equal((await crew.admin.post(path, { ...body, version: versionOn(page.html) })).location, `/referrals/${id}`)
    return leo
  }

  const offerOf = (personId: string) => db().selectFrom('child_advocacy_offer').selectAll().where('person_id', '=', personId).executeTakeFirstOrThrow()
  const referralsOf = (personId: string) => db().selectFrom('referral').selectAll().where('person_id', '=', personId).execute()
  const start = (id: string, leo: string, version: string | number, browser = crew.admin) =>
    browser.post(`/referrals/${id}/child-advocate/${leo}/referral`, { version: String(version) })

  test('from an accepted offer: one referral for the child, with the admin team, for the same conference, made by the same referrer', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Started')
    const leo = await answer(id, 'accepted')
    // Accepted and not yet referred: it waits in the advocacy admins' team work, and nobody else's.
    const toRefer = () => crew.admin.get('/team-work').then((page) => tableRows(page.html, "Children's advocates to refer"))
    const { reference } = await db().selectFrom('referral').select('reference').where('id', '=', id).executeTakeFirstOrThrow()
    const waiting = (await toRefer()).find((row) => row[0]?.includes(`From ${reference}`))
    assert.ok(waiting, 'listed with the parent’s referral it came from')
    assert.match(waiting[1] ?? '', /15 Dec 2026/)
    for (const other of [crew.referrer, crew.manager]) {
      assert.equal(tableRows((await other.get('/team-work')).html, "Children's advocates to refer").length, 0, 'nobody else has the list')
      assert.equal(tableRows((await other.get('/')).html, "Children's advocates to refer").length, 0)
    }
    const page = await crew.admin.get(`/referrals/${id}`)
    const form = page.document.querySelector(`form[action="/referrals/${id}/child-advocate/${leo}/referral"]`)
    assert.ok(form, 'the button is beside the accepted offer')
    const version = form.querySelector('input[name="version"]')?.getAttribute('value') ?? ''

    const started = await start(id, leo, version)
    const [child] = await referralsOf(leo)
    assert.ok(child, 'a referral whose person is the child')
    assert.equal(started.location, `/referrals/${child.id}`)
    const parent = await db().selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(child.state, 'awaiting_admin', 'where a parent’s sent referral lands')
    assert.equal(child.waiting_on_team_id, parent.waiting_on_team_id, 'the FGC Advocacy Admin team')
    assert.equal(child.referrer_id, parent.referrer_id, 'the referrer of record')
    assert.ok(child.sent_at)
    assert.notEqual(child.meeting_id, parent.meeting_id, 'a meeting of its own, as each parent has')
    const meetingOf = async (meetingId: string | null) =>
      db()
        .selectFrom('meeting')
        .select(['type', 'meeting_date', 'meeting_time', 'venue'])
        .where('id', '=', meetingId ?? '')
        .executeTakeFirstOrThrow()
    assert.deepEqual(await meetingOf(child.meeting_id), await meetingOf(parent.meeting_id), 'the same conference')
    assert.equal((await offerOf(leo)).child_referral_id, child.id)
    assert.ok(!(await toRefer()).some((row) => row[0]?.includes(parent.reference)), 'once started, it leaves the list')

    const sectionOne = await db().selectFrom('section_one').selectAll().where('referral_id', '=', child.id).executeTakeFirstOrThrow()
    assert.equal(sectionOne.reason, 'Child offered an advocate at the initial child protection conference on 15 December 2026; accepted')
    assert.equal(sectionOne.consent_given, true)
    assert.match(sectionOne.other_needs_details ?? '', /Communicates: Signs .*Placed out of the area\..*Placed with carers in Kent/)

    // The child's page says where it came from; the parent's says it is referred, with a link.
    const childPage = await crew.admin.get(`/referrals/${child.id}`)
    assert.match(
      textOf(childPage.document.querySelector('#from-offer')),
      /accepted the offer of an advocate at the initial child protection conference on 15 December 2026/,
    )
    assert.doesNotMatch(textOf(childPage.html), /Children offered an advocate/)
    const cardTitles = [...childPage.document.querySelectorAll('.govuk-summary-card__title')].map(textOf)
    assert.ok(cardTitles.includes('Child or young person'), 'the child is named as the child, not as a parent')
    assert.ok(!cardTitles.includes('Parent or carer') && !cardTitles.includes('Children'), cardTitles.join(', '))
    const parentTitles = [...(await crew.admin.get(`/referrals/${id}`)).document.querySelectorAll('.govuk-summary-card__title')].map(textOf)
    assert.ok(parentTitles.includes('Parent or carer') && parentTitles.includes('Children'), parentTitles.join(', '))
    for (const browser of [crew.admin, crew.referrer, crew.manager]) {
      const parentPage = await browser.get(`/referrals/${id}`)
      const row = tableRows(parentPage.html, 'Children offered an advocate')[0] ?? []
      assert.match(row[2]?.replace(/\s+/g, ' ') ?? '', new RegExp(`Referred — ${child.reference}`))
      assert.equal(
        parentPage.document.querySelector('#child-offers a[href^="/referrals/"][href$="' + child.id + '"]')?.textContent?.includes(child.reference),
        true,
      )
    }
    assert.equal(parentPageHasButton(await crew.admin.get(`/referrals/${id}`), id, leo), false, 'no second button')

    // It runs through the same workflow: the admin passes it to a service manager.
    assert.equal((await crew.admin.post(`/referrals/${child.id}/pass-to-manager`, { managerId: t.world.staff.manager.id })).status, 303)
    assert.equal((await db().selectFrom('referral').select('state').where('id', '=', child.id).executeTakeFirstOrThrow()).state, 'awaiting_decision')
  })

  function parentPageHasButton(page: { document: Document }, id: string, leo: string): boolean {
    return page.document.querySelector(`form[action="/referrals/${id}/child-advocate/${leo}/referral"]`) !== null
  }

  test('started twice (a double click, or two admins at once): one referral; the second is shown the first', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Twice')
    const leo = await answer(id, 'accepted')
    const version = (await offerOf(leo)).version
    const other = await signedInAs(t, await addStaff(t, 'childAdmin', 'Cas Childadmin', ['advocacy_admin'], { fgc: true }))
    await other.get(`/referrals/${id}`)
    const [first, second] = await Promise.all([start(id, leo, version), start(id, leo, version, other)])
    const made = await referralsOf(leo)
    assert.equal(made.length, 1, 'never two')
    assert.equal(first.location, `/referrals/${made[0]?.id}`)
    assert.equal(second.location, `/referrals/${made[0]?.id}`)
    // Whichever of the two was first, the other is told it was already started.
    const banners = [textOf((await crew.admin.get(first.location ?? '')).html), textOf((await other.get(second.location ?? '')).html)]
    assert.equal(banners.filter((text) => text.includes(`referral was already started: ${made[0]?.reference}`)).length, 1)
    assert.equal(banners.filter((text) => text.includes(`referral started: ${made[0]?.reference}`)).length, 1)
    // A stale page's button after that: still the one referral.
    assert.equal((await start(id, leo, version)).location, `/referrals/${made[0]?.id}`)
    assert.equal((await referralsOf(leo)).length, 1)
    // And the answer it was started from can no longer be changed under it.
    const path = `/referrals/${id}/child-advocate/${leo}`
    const page = await crew.admin.get(path)
    const refused = await crew.admin.submit(path, { answer: 'declined', whoAnswered: 'child', version: versionOn(page.html) })
    assert.match(errorSummary(refused.html)[0] ?? '', /has been started from this answer/)
    assert.equal((await offerOf(leo)).answer, 'accepted')
  })

  test('a declined or unanswered offer starts nothing, and says why; a stale version is refused', async () => {
    for (const [given, expected] of [
      ['declined', /declined an advocate at this conference/],
      ['waiting', /has not accepted an advocate yet/],
    ] as const) {
      const id = await referralAt(t, crew, 'awaiting_admin', `Not${given}`)
      const leo = await answer(id, given)
      const refused = await start(id, leo, (await offerOf(leo)).version)
      assert.equal(refused.location, `/referrals/${id}`)
      assert.match(errorSummary((await crew.admin.get(`/referrals/${id}`)).html).join(' '), expected)
      assert.deepEqual(await referralsOf(leo), [])
    }
    const id = await referralAt(t, crew, 'awaiting_admin', 'Stale')
    const leo = await answer(id, 'accepted')
    const stale = await start(id, leo, 0)
    assert.equal(stale.location, `/referrals/${id}`)
    assert.match(errorSummary((await crew.admin.get(`/referrals/${id}`)).html).join(' '), /after you opened this page/)
    assert.deepEqual(await referralsOf(leo), [])
    // No offer recorded at all: nothing to start either.
    const none = await referralAt(t, crew, 'awaiting_admin', 'Unrecorded')
    const noOffer = await leoOn(none)
    await start(none, noOffer, 0)
    assert.deepEqual(await referralsOf(noOffer), [])
  })

  test('refused to other authorities (404) and to roles that may not (403); a post without its token is refused', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Guarded')
    const leo = await answer(id, 'accepted')
    const version = (await offerOf(leo)).version
    const { staff } = t.world
    for (const [who, person, status] of [
      ["another authority's advocacy admin", t.world.elsewhere.admin, 404],
      ['the referrer', staff.referrer, 403],
      ['the service manager', staff.manager, 403],
      ['an advocate', staff.advocate, 403],
      ['an analyst', staff.analyst, 403],
    ] as const) {
      const browser = await signedInAs(t, person)
      assert.equal((await start(id, leo, version, browser)).status, status, who)
    }
    assert.equal((await crew.admin.post(`/referrals/${id}/child-advocate/${leo}/referral`, { version: String(version) }, { withToken: false })).status, 403)
    for (const wrong of [`/referrals/${id}/child-advocate/not-an-id/referral`, `/referrals/not-an-id/child-advocate/${leo}/referral`]) {
      assert.equal((await crew.admin.post(wrong, { version: String(version) })).status, 404, wrong)
    }
    assert.deepEqual(await referralsOf(leo), [])
  })

  test('audited with the offer’s id, on both referrals, never the words written', async () => {
    const id = await referralAt(t, crew, 'awaiting_admin', 'Audited')
    const leo = await answer(id, 'accepted')
    const offer = await offerOf(leo)
    await start(id, leo, offer.version)
    const [child] = await referralsOf(leo)
    const rows = await db()
      .selectFrom('audit_event')
      .select(['record_id', 'actor_id', 'details'])
      .where('action', '=', 'referral.child-referral-started')
      .where('record_id', 'in', [id, child?.id ?? ''])
      .execute()
    assert.deepEqual(new Set(rows.map((row) => row.record_id)), new Set([id, child?.id]))
    for (const row of rows) {
      assert.equal(row.actor_id, t.world.staff.admin.id)
      assert.equal((row.details as { offer?: string }).offer, offer.id)
      assert.ok(!JSON.stringify(row.details).includes('Kent'))
    }
  })

  test('the wall: the parent’s advocate is never offered for the child, and advocates skilled with children come first', async () => {
    const parentsAdvocate = await eligibleAdvocate(t, { givenName: 'Pia', familyName: 'Parentsadvocate', specialisms: ['children'] })
    const id = await referralAt(t, crew, 'advocate_recorded', 'Walled', { advocateId: parentsAdvocate })
    const leo = await answer(id, 'accepted')
    await start(id, leo, (await offerOf(leo)).version)
    const [child] = await referralsOf(leo)
    assert.ok(child)
    const skilled = await eligibleAdvocate(t, { givenName: 'Cleo', familyName: 'Childrenskilled', specialisms: ['children'], capacity: 1 })
    assert.equal((await crew.admin.post(`/referrals/${child.id}/pass-to-manager`, { managerId: t.world.staff.manager.id })).status, 303)
    const decided = await crew.manager.post(`/referrals/${child.id}/decision`, {
      nextAction: 'child_protection_advocacy_review',
      reasons: 'Leo asked for an advocate of his own.',
      advocateType: 'parent_peer_advocate',
      priority: 'standard',
    })
    assert.equal(decided.status, 303)

    const matches = await crew.admin.get(`/referrals/${child.id}/matches`)
    assert.equal(matches.status, 200)
    const text = textOf(matches.html)
    assert.match(text, /Pia Parentsadvocate ?: is working with a parent of this child: a child’s advocate is their own/)
    const firstOffered = matches.document.querySelector('input[name="advocateId"]')?.getAttribute('value')
    assert.equal(firstOffered, skilled, 'skilled with children, ranked first though she has the fewest places free')

    const refused = await crew.admin.post(`/referrals/${child.id}/matches`, { advocateId: parentsAdvocate })
    assert.equal(refused.location, `/referrals/${child.id}/matches`)
    const allocations = await db().selectFrom('allocation').select('advocate_id').where('referral_id', '=', child.id).execute()
    assert.deepEqual(allocations, [], 'nothing allocated')

    // The records stay apart: the parent's advocate cannot open the child's referral.
    const advocate = await signedInAs(t, t.world.staff.advocate)
    assert.equal((await advocate.get(`/referrals/${child.id}`)).status, 404)
  })
})
