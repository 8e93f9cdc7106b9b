import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, errorSummary, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { allocationOn, eligibleAdvocate, worldAdvocate } from '../../../test/support/pool.ts'
import { completeSectionOne, versionOn } from '../../../test/support/referral-steps.ts'
import { PASSWORD } from '../../../test/support/world.ts'
import {
  addStaff,
  allocationsOf,
  crewOf,
  draftWithPerson,
  referralAt,
  signedInAs,
  snapshot,
  validMeeting,
  validOutcome,
  type Crew,
} from '../../../test/support/workflow-steps.ts'

/**
 * Forms that lose nothing: when two people (or one person in two windows) save the same record,
 * the second is told and keeps what they typed; when a session times out part-way through a form,
 * the answers come back after signing in again, and are saved only when the person saves them.
 */

async function sectionOneRow(t: TestApp, referralId: string) {
  return t.database.db.selectFrom('section_one').selectAll().where('referral_id', '=', referralId).executeTakeFirst()
}

function textareaHolds(html: string, name: string, value: string): boolean {
  return new RegExp(`<textarea[^>]*name="${name}"[^>]*>\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*</textarea>`).test(html)
}

function inputHolds(html: string, name: string, value: string): boolean {
  return new RegExp(`<input[^>]*name="${name}"[^>]*value="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(html)
}

describe(`forms that lose nothing (${engine})`, () => {
  let t: TestApp
  let crew: Crew

  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  describe('saving the same record twice', () => {
    test('Section 1 in two windows: the second save is refused with a message, keeps its answers, and the first is what is stored', async () => {
      const first = crew.referrer
      const second = await signedInAs(t, t.world.staff.referrer)
      const id = await referralAt(t, crew, 'complete_draft')
      const path = `/referrals/${id}/section-1`

      const firstPage = await first.get(path)
      const secondPage = await second.get(path)
      const version = versionOn(firstPage.html)
      assert.ok(version)
      assert.equal(versionOn(secondPage.html), version, 'both opened the same version')

      const saved = await first.post(path, { ...completeSectionOne, reason: 'Reason from the first window', action: 'draft', version })
      assert.equal(saved.status, 303)
      assert.equal(saved.location, `/referrals/${id}`)

      const refused = await second.post(path, {
        ...completeSectionOne,
        reason: 'Reason from the second window',
        preferredLanguages: 'Portuguese',
        safetyNotes: 'Typed in the second window',
        action: 'draft',
        version,
      })
      assert.equal(refused.status, 303)
      assert.equal(refused.location, path, 'sent back to Section 1')

      const stored = await sectionOneRow(t, id)
      assert.equal(stored?.reason, 'Reason from the first window', 'the first save is what is stored')
      assert.deepEqual(stored?.preferred_languages, ['Spanish'])
      assert.equal(stored?.safety_notes, null)

      const shown = await second.get(path)
      assert.equal(shown.status, 200)
      const summary = errorSummary(shown.html)
      assert.equal(summary.length, 1, JSON.stringify(summary))
      assert.match(summary[0] ?? '', /(Rita Referrer|Someone else) saved a change.* after you opened this page/)
      assert.match(summary[0] ?? '', /Your answers have not been saved yet/)
      assert.ok(textareaHolds(shown.html, 'reason', 'Reason from the second window'), 'the second window’s reason is still shown')
      assert.ok(textareaHolds(shown.html, 'safetyNotes', 'Typed in the second window'), 'and its safety notes')
      assert.ok(inputHolds(shown.html, 'preferredLanguages', 'Portuguese'), 'and its languages')
      assert.equal(versionOn(shown.html), String(stored?.version), 'the page now carries the version saved by the first window')

      // Having checked them, the second window saves its answers again, and now they are stored.
      const again = await second.post(path, {
        ...completeSectionOne,
        reason: 'Reason from the second window',
        preferredLanguages: 'Portuguese',
        safetyNotes: 'Typed in the second window',
        action: 'draft',
        version: versionOn(shown.html),
      })
      assert.equal(again.location, `/referrals/${id}`)
      assert.equal((await sectionOneRow(t, id))?.reason, 'Reason from the second window')
    })

    test('the Advocacy Outcome by two admins: the second is refused with a message, keeps what they typed, and the first is what is stored', async () => {
      const secondAdmin = await addStaff(t, 'secondAdmin', 'Adele Secondadmin', ['advocacy_admin'], { fgc: true })
      const first = crew.admin
      const second = await signedInAs(t, secondAdmin)
      const id = await referralAt(t, crew, 'advocate_recorded')
      const path = `/referrals/${id}/outcome`

      const firstPage = await first.get(path)
      const secondPage = await second.get(path)
      assert.equal(secondPage.status, 200, 'the second admin can open the outcome form')
      const version = versionOn(firstPage.html)
      assert.ok(version)
      assert.equal(versionOn(secondPage.html), version)

      const saved = await first.post(path, { ...validOutcome, notes: 'Notes from the first admin', version })
      assert.equal(saved.location, `/referrals/${id}`, JSON.stringify(errorSummary((await first.get(path)).html)))

      const secondAnswers = {
        ...validOutcome,
        contactCount: '7',
        contactSummary: 'Seven calls, by the second admin',
        notes: 'Notes from the second admin',
        minutesSpent: '9.25',
        version,
      }
      const refused = await second.post(path, secondAnswers)
      assert.equal(refused.status, 303)
      assert.equal(refused.location, path, 'sent back to the outcome form')

      const review = await t.database.db.selectFrom('review').selectAll().where('referral_id', '=', id).executeTakeFirstOrThrow()
      assert.equal(review.notes, 'Notes from the first admin')
      assert.equal(review.contact_count, 4)
      assert.equal(review.outcome_recorded_by, t.world.staff.admin.id)

      const shown = await second.get(path)
      const summary = errorSummary(shown.html)
      assert.equal(summary.length, 1, JSON.stringify(summary))
      assert.match(summary[0] ?? '', /saved a change.* after you opened this page/)
      assert.match(summary[0] ?? '', /Your answers have not been saved yet/)
      assert.ok(textareaHolds(shown.html, 'notes', 'Notes from the second admin'), 'the second admin’s notes are still shown')
      assert.ok(inputHolds(shown.html, 'contactCount', '7'), 'and their number of contacts')
      assert.ok(inputHolds(shown.html, 'minutesSpent', '9.25'), 'and their hours')
      assert.equal(versionOn(shown.html), String(review.version), 'the page now carries the version the first admin saved')

      const again = await second.post(path, { ...secondAnswers, version: versionOn(shown.html) })
      assert.equal(again.location, `/referrals/${id}`)
      const now = await t.database.db.selectFrom('review').select(['notes', 'contact_count']).where('referral_id', '=', id).executeTakeFirstOrThrow()
      assert.deepEqual(now, { notes: 'Notes from the second admin', contact_count: 7 })
    })

    test('the meeting in two windows: the second save is refused and nothing of it is stored', async () => {
      const second = await signedInAs(t, t.world.staff.referrer)
      const id = await referralAt(t, crew, 'complete_draft')
      const path = `/referrals/${id}/meeting`
      const version = versionOn((await crew.referrer.get(path)).html)
      assert.equal(versionOn((await second.get(path)).html), version)
      assert.equal((await crew.referrer.post(path, { ...validMeeting, venue: 'First venue', version })).location, `/referrals/${id}/section-1`)
      const refused = await second.post(path, { ...validMeeting, venue: 'Second venue', version })
      assert.equal(refused.location, path)
      const shown = await second.get(path)
      assert.match(errorSummary(shown.html)[0] ?? '', /saved a change.* after you opened this page/)
      assert.ok(inputHolds(shown.html, 'venue', 'Second venue'))
      const meeting = await t.database.db
        .selectFrom('meeting')
        .innerJoin('referral', 'referral.meeting_id', 'meeting.id')
        .select('meeting.venue')
        .where('referral.id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(meeting.venue, 'First venue')
    })
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

  describe("the person's views, by their advocate in two windows", () => {
    test('the second save is refused with a message, keeps what was typed, and the first is what is stored', async () => {
      const avrilId = await worldAdvocate(t)
      const id = await referralAt(t, crew, 'advocate_recorded', 'Views', { advocateId: avrilId })
      const allocationId = await allocationOn(t, id)
      const first = await signedInAs(t, t.world.staff.advocate)
      const second = await signedInAs(t, t.world.staff.advocate)
      const path = `/my-people/people/${allocationId}/views`
      const views = () => t.database.db.selectFrom('person_views').selectAll().where('referral_id', '=', id).executeTakeFirst()

      const firstPage = await first.get(path)
      const secondPage = await second.get(path)
      assert.equal(firstPage.status, 200)
      const version = versionOn(firstPage.html)
      assert.equal(version, '0', 'no views yet')
      assert.equal(versionOn(secondPage.html), version, 'both opened the same version')

      const saved = await first.post(path, { views: 'Views from the first window', version })
      assert.equal(saved.location, `/my-people/people/${allocationId}`, JSON.stringify(errorSummary((await first.get(path)).html)))

      const typed = { views: 'Views typed in the second window', agreed: 'yes', 'agreedOn-day': '24', 'agreedOn-month': '11', 'agreedOn-year': '2026' }
      const refused = await second.post(path, { ...typed, version })
      assert.equal(refused.status, 303)
      assert.equal(refused.location, path, 'sent back to the views form')

      const stored = await views()
      assert.equal(stored?.views, 'Views from the first window', 'the first save is what is stored')
      assert.equal(stored?.person_agreed_to_share, false)
      assert.equal(stored?.agreed_on, null)

      const shown = await second.get(path)
      assert.equal(shown.status, 200)
      const summary = errorSummary(shown.html)
      assert.equal(summary.length, 1, JSON.stringify(summary))
      assert.match(summary[0] ?? '', /saved a change.* after you opened this page/)
      assert.match(summary[0] ?? '', /Your answers have not been saved yet/)
      assert.ok(textareaHolds(shown.html, 'views', 'Views typed in the second window'), 'the second window’s views are still shown')
      assert.match(shown.html, /<input[^>]*name="agreed"[^>]*value="yes"[^>]*checked/, 'and their agreement, ticked')
      assert.ok(inputHolds(shown.html, 'agreedOn-day', '24'), 'and the day they agreed')
      assert.equal(versionOn(shown.html), String(stored?.version), 'the page now carries the version saved by the first window')

      // Having checked them, the second window saves again, and now its views are stored.
      const again = await second.post(path, { ...typed, version: versionOn(shown.html) })
      assert.equal(again.location, `/my-people/people/${allocationId}`, JSON.stringify(errorSummary((await second.get(path)).html)))
      const now = await views()
      assert.deepEqual([now?.views, now?.person_agreed_to_share, now?.agreed_on], ['Views typed in the second window', true, '2026-11-24'])
    })
  })

  // These move the clock on, so they come last: every session above is timed out after them.
  describe('a session that times out part-way through a form', () => {
    /** A referrer with a draft open at Section 1, nothing of it answered yet. */
    async function openSectionOne(): Promise<{ referrer: Browser; id: string; path: string; version: string }> {
      const referrer = await signedInAs(t, t.world.staff.referrer)
      const id = await draftWithPerson(referrer, 'Timeout')
      await referrer.get(`/referrals/${id}/meeting`)
      assert.equal((await referrer.post(`/referrals/${id}/meeting`, { ...validMeeting, version: '' })).location, `/referrals/${id}/section-1`)
      const path = `/referrals/${id}/section-1`
      const page = await referrer.get(path)
      assert.equal(page.status, 200)
      return { referrer, id, path, version: versionOn(page.html) }
    }

    const typed = {
      ...completeSectionOne,
      reason: 'Typed just before the time-out',
      safetyNotes: 'Also typed before the time-out',
      preferredLanguages: 'Spanish, Portuguese',
    }

    test('the answers come back after signing in again, and are not saved until the person saves them', async () => {
      const { referrer, id, path, version } = await openSectionOne()
      const before = await snapshot(t.database.db, id)

      t.clock.advanceMinutes(t.config.session.idleMinutes + 1)
      const posted = await referrer.post(path, { ...typed, version })
      assert.equal(posted.status, 303)
      const location = new URL(posted.location ?? '', 'http://localhost')
      assert.equal(location.pathname, '/sign-in')
      assert.equal(location.searchParams.get('timedOut'), 'yes')
      const resume = location.searchParams.get('resume')
      assert.ok(resume, 'the answers were kept under an id')
      assert.deepEqual(await snapshot(t.database.db, id), before, 'nothing was saved to the referral')
      assert.equal((await sectionOneRow(t, id))?.reason ?? null, null)

      const signInPage = await referrer.get(posted.location ?? '')
      assert.equal(signInPage.status, 200)
      assert.match(textOf(signInPage.html), /We have kept the answers you were sending/)
      assert.ok(inputHolds(signInPage.html, 'resume', resume), 'the sign-in form carries the resume id')

      const signedIn = await referrer.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD, resume })
      assert.equal(signedIn.status, 303)
      assert.equal(signedIn.location, path, 'back to Section 1')

      const shown = await referrer.get(path)
      assert.equal(shown.status, 200)
      assert.deepEqual(errorSummary(shown.html), [], 'no errors: only the answers')
      assert.ok(textareaHolds(shown.html, 'reason', 'Typed just before the time-out'), 'the typed reason is shown')
      assert.ok(textareaHolds(shown.html, 'safetyNotes', 'Also typed before the time-out'), 'and the safety notes')
      assert.ok(inputHolds(shown.html, 'preferredLanguages', 'Spanish, Portuguese'), 'and the languages')
      assert.deepEqual(await snapshot(t.database.db, id), before, 'still nothing saved')

      const saved = await referrer.post(path, { ...typed, version: versionOn(shown.html) })
      assert.equal(saved.location, `/referrals/${id}/check`, JSON.stringify(errorSummary((await referrer.get(path)).html)))
      assert.equal((await sectionOneRow(t, id))?.reason, 'Typed just before the time-out', 'saved once the person saves')
      assert.equal((await referrer.get(path)).html.includes('Typed just before the time-out'), true)
    })

    test('kept answers are handed back only to their owner, once', async () => {
      const { referrer, path, version } = await openSectionOne()
      t.clock.advanceMinutes(t.config.session.idleMinutes + 1)
      const posted = await referrer.post(path, { ...typed, version })
      const resume = new URL(posted.location ?? '', 'http://localhost').searchParams.get('resume')
      assert.ok(resume)

      const stranger = new Browser(t.app)
      await stranger.get(`/sign-in?timedOut=yes&resume=${resume}`)
      const strangerIn = await stranger.post('/sign-in', { email: t.world.staff.otherReferrer.email, password: PASSWORD, resume })
      assert.equal(strangerIn.location, '/', 'another person signing in with the id is not taken to the form')
      const strangerPage = await stranger.get(path)
      assert.equal(strangerPage.status, 404, 'nor can they open it')
      assert.ok(!strangerPage.html.includes('Typed just before the time-out'))

      await referrer.get(`/sign-in?timedOut=yes&resume=${resume}`)
      const ownerIn = await referrer.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD, resume })
      assert.equal(ownerIn.location, path, 'the owner still gets them back')
      assert.ok(textareaHolds((await referrer.get(path)).html, 'reason', 'Typed just before the time-out'))

      const again = new Browser(t.app)
      await again.get('/sign-in')
      assert.equal((await again.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD, resume })).location, '/', 'and only once')
    })

    test('a timed-out form without its token is refused, and nothing is kept', async () => {
      const { referrer, path, version } = await openSectionOne()
      const kept = async () => (await t.database.db.selectFrom('saved_form').select('id').execute()).length
      const before = await kept()
      t.clock.advanceMinutes(t.config.session.idleMinutes + 1)
      const page = await referrer.post(path, { ...typed, version }, { withToken: false })
      assert.equal(page.status, 403)
      assert.equal(await kept(), before)
    })

    test('a timed-out form holding control characters and a NUL is kept all the same (never a 500)', async () => {
      const { referrer, id, path, version } = await openSectionOne()
      t.clock.advanceMinutes(t.config.session.idleMinutes + 1)
      const posted = await referrer.post(path, { ...typed, reason: 'Typed with a NUL\u0000 and a bell\u0007', version })
      assert.equal(posted.status, 303, `${posted.status} ${textOf(posted.html).slice(0, 200)}`)
      const resume = new URL(posted.location ?? '', 'http://localhost').searchParams.get('resume')
      assert.ok(resume)
      await referrer.get(posted.location ?? '')
      assert.equal((await referrer.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD, resume })).location, path)
      const shown = await referrer.get(path)
      assert.equal(shown.status, 200)
      assert.match(shown.html, /Typed with a NUL/)
      assert.equal((await sectionOneRow(t, id))?.reason ?? null, null, 'not saved')
    })
  })
})
