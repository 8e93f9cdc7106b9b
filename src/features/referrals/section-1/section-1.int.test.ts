import { pageTests, refusedWithoutToken } from '../../../../test/support/page-tests.ts'
import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { TestApp } from '../../../../test/support/app.ts'
import { Browser, errorSummary, fieldValue, textOf } from '../../../../test/support/browser.ts'
import { completeSectionOne, versionOn } from '../../../../test/support/referral-steps.ts'
import { PASSWORD } from '../../../../test/support/world.ts'
import { draftWithPerson, referralAt, signedInAs, snapshot, validMeeting, versionsOf, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Whether a field of the form holds what was typed (a text area's text, or an input's value). */
function fieldHolds(html: string, name: string, value: string): boolean {
  return fieldValue(html, name) === value
}

async function sectionOneRow(t: TestApp, referralId: string) {
  return t.database.db.selectFrom('section_one').selectAll().where('referral_id', '=', referralId).executeTakeFirst()
}

pageTests(
  {
    page: 'section-1',
    heading: 'Section 1: Child Protection Advocacy Referral',
    who: 'referrer',
    stage: 'complete_draft',
    valid: async ({ fixture, id }) => ({ ...completeSectionOne, version: (await versionsOf(fixture.t.database.db, id)).sectionOne }),
    then: { location: (id) => `/referrals/${id}/check`, state: 'draft' },
    errors: [
      {
        label: 'consent given, without how or when',
        body: async ({ fixture, id }) => ({
          ...completeSectionOne,
          consentMethod: '',
          'consentDate-day': '',
          'consentDate-month': '',
          'consentDate-year': '',
          version: (await versionsOf(fixture.t.database.db, id)).sectionOne,
        }),
        messages: ['Select how the person gave their consent', 'Enter the date the person gave their consent'],
        keptAsDraft: true,
      },
    ],
  },
  (get) => {
    let t: TestApp
    let crew: Crew
    before(() => {
      t = get().t
      crew = get().crew
    })

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
        assert.ok(fieldHolds(shown.html, 'reason', 'Reason from the second window'), 'the second window’s reason is still shown')
        assert.ok(fieldHolds(shown.html, 'safetyNotes', 'Typed in the second window'), 'and its safety notes')
        assert.ok(fieldHolds(shown.html, 'preferredLanguages', 'Portuguese'), 'and its languages')
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
    })

    describe('forms posted without their token (CSRF)', () => {
      test('saving Section 1', async () => {
        const id = await referralAt(t, crew, 'complete_draft', 'Forged')
        const { sectionOne } = await versionsOf(t.database.db, id)
        await refusedWithoutToken(
          t,
          crew.referrer,
          `/referrals/${id}/section-1`,
          { ...completeSectionOne, reason: 'Forged', action: 'draft', version: sectionOne },
          id,
        )
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
        assert.ok(fieldHolds(signInPage.html, 'resume', resume), 'the sign-in form carries the resume id')

        const signedIn = await referrer.post('/sign-in', { email: t.world.staff.referrer.email, password: PASSWORD, resume })
        assert.equal(signedIn.status, 303)
        assert.equal(signedIn.location, path, 'back to Section 1')

        const shown = await referrer.get(path)
        assert.equal(shown.status, 200)
        assert.deepEqual(errorSummary(shown.html), [], 'no errors: only the answers')
        assert.ok(fieldHolds(shown.html, 'reason', 'Typed just before the time-out'), 'the typed reason is shown')
        assert.ok(fieldHolds(shown.html, 'safetyNotes', 'Also typed before the time-out'), 'and the safety notes')
        assert.ok(fieldHolds(shown.html, 'preferredLanguages', 'Spanish, Portuguese'), 'and the languages')
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
        assert.ok(fieldHolds((await referrer.get(path)).html, 'reason', 'Typed just before the time-out'))

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
        assert.match(fieldValue(shown.document, 'reason') ?? '', /Typed with a NUL/)
        assert.equal((await sectionOneRow(t, id))?.reason ?? null, null, 'not saved')
      })
    })
  },
)
