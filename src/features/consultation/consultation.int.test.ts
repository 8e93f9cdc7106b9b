import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Writable } from 'node:stream'
import { logOptions } from '../../platform/http/logging.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { errorSummary, tableRows, textOf, type Browser } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { codeIssued, familyBrowser, familySignedIn } from '../../../test/support/family-steps.ts'
import { casesFor, formFields, SCRIPT } from '../../../test/support/hostile.ts'
import { versionOn } from '../../../test/support/referral-steps.ts'
import { advocateUser, crewOf, isServicePage, referralAt, signedInAs, type Crew } from '../../../test/support/workflow-steps.ts'

/**
 * Issue 11 (ADR 31): each child of 4 or more is consulted before their review conference, on the
 * form for their age, and says who may see their answers. The test clock's today is Tuesday 24
 * November 2026; the review conference is on Tuesday 15 December 2026, so the consultation is due
 * by Saturday 12 December.
 */
describe(`children's consultation before a review (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  /** Avery, the advocate working with the parent. */
  let avery: Browser
  /** Cal, the advocate of one child's own referral. */
  let cal: Browser
  let calUserId: string
  let referralId: string
  const kids: Record<string, string> = {}
  const db = () => t.database.db
  /** Everything the service logged, at its most talkative: a child's words must never be in it. */
  const logLines: string[] = []

  /** A review conference on 15 December 2026 with these children (Leo, 7, is already on it). */
  async function review(familyName: string, children: Record<string, string | null>, advocateId?: string) {
    const id = await referralAt(t, crew, advocateId ? 'advocate_recorded' : 'awaiting_admin', familyName, advocateId ? { advocateId } : {})
    const referral = await db().selectFrom('referral').select('meeting_id').where('id', '=', id).executeTakeFirstOrThrow()
    await db()
      .updateTable('meeting')
      .set({ type: 'review_conference' })
      .where('id', '=', referral.meeting_id ?? '')
      .execute()
    const ids: Record<string, string> = {}
    const leo = await db().selectFrom('referral_child').select('person_id').where('referral_id', '=', id).executeTakeFirstOrThrow()
    ids['Leo'] = leo.person_id
    for (const [given, born] of Object.entries(children)) {
      const person = await db()
        .insertInto('person')
        .values({
          authority_id: t.world.authorityId,
          kind: 'child',
          given_name: given,
          family_name: familyName,
          date_of_birth: born,
          created_by: t.world.staff.referrer.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db().insertInto('referral_child').values({ referral_id: id, person_id: person.id, authority_id: t.world.authorityId }).execute()
      ids[given] = person.id
    }
    return { id, ids }
  }

  const pathOf = (child: string, id = referralId) => `/referrals/${id}/consultation/${kids[child] ?? child}`
  const rowOf = (child: string) =>
    db()
      .selectFrom('child_consultation')
      .selectAll()
      .where('person_id', '=', kids[child] ?? '')
      .executeTakeFirst()

  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk))
        done()
      },
    })
    t = await startTestApp({}, { logger: { ...logOptions('trace'), stream } })
    crew = await crewOf(t)
    const parentsAdvocate = await advocateUser(t, 'avery', 'Avery Parentadvocate')
    const childsAdvocate = await advocateUser(t, 'cal', 'Cal Childadvocate')
    avery = await signedInAs(t, parentsAdvocate.person)
    cal = await signedInAs(t, childsAdvocate.person)
    calUserId = childsAdvocate.person.id
    const made = await review(
      'Review',
      { Mia: '2017-06-01', Zoe: '2012-01-01', Tom: '2023-06-01', Ada: '2016-03-01', Sam: '2015-01-01', Noa: null },
      parentsAdvocate.advocateId,
    )
    referralId = made.id
    Object.assign(kids, made.ids)
  })
  after(async () => t.close())

  test('the referral page links each child of 4 or more to their consultation; a child under 4 is not consulted', async () => {
    const page = await crew.admin.get(`/referrals/${referralId}`)
    const rows = tableRows(page.html, 'Children offered an advocate')
    const byName = new Map(rows.map((cells) => [cells[0]?.split(' ')[0] ?? '', cells[4] ?? '']))
    assert.match(byName.get('Mia') ?? '', /Consultation before the review/)
    assert.equal(byName.get('Tom'), 'Not consulted: under 4')
    const link = page.document.querySelector(`a[href="${pathOf('Mia')}"]`)
    assert.ok(link, 'a link to Mia’s consultation')
    assert.equal((await crew.admin.get(pathOf('Tom'))).status, 404, 'under 4 on the day: someone speaks for them')
  })

  test('the page says the child’s age, form and when it is due', async () => {
    const page = await crew.admin.get(pathOf('Mia'))
    assert.equal(page.status, 200)
    assert.equal(textOf(page.document.querySelector('h1')), 'Consultation before the review')
    const facts = textOf(page.document.querySelector('#consultation-facts'))
    assert.match(facts, /9 on the day of the meeting/)
    assert.match(facts, /8 to 11/)
    assert.match(facts, /Due by 12 December 2026/)
    assert.ok(page.document.querySelector('input[name="home"][value="happy"]'), 'faces for the picture scale')
    assert.ok(page.document.querySelector('#tellTheMeeting'))
    const unknown = await crew.admin.get(pathOf('Noa'))
    assert.match(textOf(unknown.document.querySelector('#consultation-facts')), /Date of birth not known.*8 to 11 \(ask the social worker/)
  })

  test('the parent’s advocate completes it with the child; the chair reads only what the child agreed; the referrer only that it was done', async () => {
    const path = pathOf('Mia')
    const page = await avery.get(path)
    assert.equal(page.status, 200)
    assert.match(textOf(page.document.querySelector('label[for="outcome"]')), /Completed with the child/)
    const saved = await avery.post(path, {
      outcome: 'completed',
      helped: 'no',
      home: 'happy',
      school: 'okay',
      safe: 'happy',
      worried: 'My little brother cries at night',
      tellTheMeeting: 'I want to stay at my school',
      shareWith: 'chair',
      version: versionOn(page.html),
    })
    assert.equal(saved.location, path)
    const row = await rowOf('Mia')
    assert.equal(row?.done_how, 'with_advocate')
    assert.equal(row?.age_band, '8_to_11')
    assert.deepEqual(row?.share_with, ['chair'])
    assert.equal(
      row?.recorded_by,
      (await db().selectFrom('app_user').select('id').where('display_name', '=', 'Avery Parentadvocate').executeTakeFirstOrThrow()).id,
    )

    const chair = await crew.admin.get(`${path}/for-the-chair`)
    assert.equal(textOf(chair.document.querySelector('h1')), 'For the conference chair')
    assert.match(textOf(chair.document.querySelector('#chair-answers')), /I want to stay at my school/)

    const asReferrer = await crew.referrer.get(path)
    assert.equal(asReferrer.status, 200)
    assert.doesNotMatch(asReferrer.html, /I want to stay at my school|little brother/)
    assert.match(textOf(asReferrer.document.querySelector('#consultation-not-shared')), /Mia did not agree to share their answers with their social worker/)
    assert.equal(asReferrer.document.querySelector('form[method="post"] input[name="outcome"]'), null, 'the referrer has no form')
    assert.equal((await crew.referrer.post(path, { outcome: 'declined', declineReason: 'child_did_not_want', version: '1' })).status, 403)
    assert.equal((await crew.referrer.get(`${path}/for-the-chair`)).status, 403)

    // Audited: which child, the status, who; never the child's words.
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', 'like', 'consultation.%')
      .where('record_id', '=', referralId)
      .execute()
    assert.ok(audit.some((entry) => entry.action === 'consultation.recorded'))
    assert.ok(audit.some((entry) => entry.action === 'consultation.chair-page-viewed'))
    assert.doesNotMatch(JSON.stringify(audit), /stay at my school|brother/)
  })

  test('an admin enters a paper form; shared with the social worker only, the chair’s page says so and nothing else', async () => {
    const path = pathOf('Zoe')
    const page = await crew.admin.get(path)
    assert.match(textOf(page.document.querySelector('label[for="outcome"]')), /Entered from a paper form/)
    const saved = await crew.admin.post(path, {
      outcome: 'completed',
      helped: 'yes',
      helperName: 'Gran Review',
      helperRelationship: 'Grandmother',
      home: 'sad',
      change: 'More time with my dad',
      shareWith: 'social_worker',
      version: versionOn(page.html),
    })
    assert.equal(saved.location, path)
    assert.equal((await rowOf('Zoe'))?.done_how, 'on_paper')
    assert.equal((await rowOf('Zoe'))?.age_band, '12_and_over')

    const asReferrer = await crew.referrer.get(path)
    assert.match(textOf(asReferrer.document.querySelector('#consultation-answers')), /More time with my dad/)
    const chair = await crew.admin.get(`${path}/for-the-chair`)
    assert.equal(textOf(chair.document.querySelector('#chair-not-shared')), 'Zoe did not agree to share their answers with the chair')
    assert.doesNotMatch(chair.html, /More time with my dad|Gran Review/)
  })

  test('a child of 4 to 7 needs a trusted adult; a child who does not take part needs a reason, and a carer’s must be given', async () => {
    const path = pathOf('Leo')
    const page = await crew.admin.get(path)
    const version = versionOn(page.html)
    const alone = await crew.admin.submit(path, { outcome: 'completed', helped: 'no', home: 'happy', version })
    assert.deepEqual(errorSummary(alone.html), ['A child of 4 to 7 does the form with a trusted adult: select yes and enter who helped'])
    const tooLong = await crew.admin.submit(path, {
      outcome: 'completed',
      helped: 'yes',
      helperName: 'Ana',
      helperRelationship: 'Foster carer',
      wish: 'x'.repeat(301),
      version,
    })
    assert.deepEqual(errorSummary(tooLong.html), ['This answer must be 300 characters or fewer on the form for this age'])
    const noReason = await crew.admin.submit(path, { outcome: 'declined', version })
    assert.deepEqual(errorSummary(noReason.html), ['Select why the child did not take part'])
    const carer = await crew.admin.submit(path, { outcome: 'declined', declineReason: 'carer_says_cannot', version })
    assert.deepEqual(errorSummary(carer.html), ['Enter why the carer says the child cannot take part'])
    assert.equal(await rowOf('Leo'), undefined, 'nothing is recorded')
    const saved = await crew.admin.post(path, {
      outcome: 'declined',
      declineReason: 'carer_says_cannot',
      declineDetail: 'He is in hospital this week',
      version,
    })
    assert.equal(saved.location, path)
    const row = await rowOf('Leo')
    assert.equal(row?.status, 'declined')
    assert.equal(row?.decline_detail, 'He is in hospital this week')
    const chair = await crew.admin.get(`${path}/for-the-chair`)
    assert.equal(textOf(chair.document.querySelector('#chair-declined')), 'Leo did not take part in the consultation')
  })

  test('two people completing it at once make one record; the second is told, and keeps what they typed', async () => {
    const path = pathOf('Ada')
    const first = await crew.admin.get(path)
    const second = await avery.get(path)
    assert.equal(versionOn(first.html), '0')
    assert.equal(versionOn(second.html), '0')
    const saved = await crew.admin.post(path, { outcome: 'completed', helped: 'no', home: 'okay', shareWith: ['chair', 'social_worker'], version: '0' })
    assert.equal(saved.location, path)
    const late = await avery.submit(path, { outcome: 'completed', helped: 'no', home: 'sad', good: 'Football on Saturdays', version: '0' })
    assert.match(errorSummary(late.html)[0] ?? '', /saved a change.*after you opened this page/)
    assert.equal(late.document.querySelector<HTMLTextAreaElement>('#good')?.textContent, 'Football on Saturdays', 'what they typed is kept')
    const rows = await db()
      .selectFrom('child_consultation')
      .selectAll()
      .where('person_id', '=', kids['Ada'] ?? '')
      .execute()
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.answers['home'], 'okay', 'the first is kept')

    // A stale change is refused the same way.
    const stale = await avery.submit(path, { outcome: 'completed', helped: 'no', home: 'sad', version: '0' })
    assert.match(errorSummary(stale.html)[0] ?? '', /after you opened this page/)
  })

  test('who may: a service manager is refused; anyone the referral is hidden from is told it is not found', async () => {
    const path = pathOf('Sam')
    assert.equal((await crew.manager.get(path)).status, 403)
    assert.equal((await crew.manager.post(path, { outcome: 'declined', declineReason: 'child_did_not_want', version: '0' })).status, 403)
    const otherReferrer = await signedInAs(t, t.world.staff.otherReferrer)
    assert.equal((await otherReferrer.get(path)).status, 404)
    assert.equal((await cal.get(path)).status, 404, 'an advocate not working with the parent or the child')
    const coordinator = await signedInAs(t, t.world.staff.coordinator)
    assert.equal((await coordinator.get(`${path}/for-the-chair`)).status, 404)
    const elsewhere = await signedInAs(t, t.world.elsewhere.admin)
    assert.equal((await elsewhere.get(path)).status, 404)
    assert.equal(await rowOf('Sam'), undefined)
    // An initial conference's children are not consulted here.
    const initial = await referralAt(t, crew, 'awaiting_admin', 'Initial')
    const child = await db().selectFrom('referral_child').select('person_id').where('referral_id', '=', initial).executeTakeFirstOrThrow()
    assert.equal((await crew.admin.get(`/referrals/${initial}/consultation/${child.person_id}`)).status, 404)
  })

  test('the worktrays list those due and overdue, below the main list, until the meeting', async () => {
    const listed = async (browser: Browser, path: string) => tableRows((await browser.get(path)).html, 'Children’s consultations before reviews')
    const team = await listed(crew.admin, '/team-work')
    const names = team.map((cells) => cells[0] ?? '')
    assert.ok(
      names.some((name) => name.startsWith('Sam, 11')),
      JSON.stringify(team),
    )
    assert.ok(names.some((name) => name.startsWith('Noa, age not known')))
    assert.ok(!names.some((name) => /^(Mia|Zoe|Leo|Ada|Tom)\b/.test(name)), 'done, declined or under 4: not listed')
    assert.equal(team.find((cells) => cells[0]?.startsWith('Sam'))?.[2], 'Due by 12 Dec 2026')
    const mine = await listed(avery, '/')
    assert.ok(
      mine.some((cells) => cells[0]?.startsWith('Sam')),
      'the parent’s advocate sees their person’s children',
    )
    assert.deepEqual(await listed(cal, '/'), [], 'another advocate sees none of them')
    assert.deepEqual(await listed(crew.referrer, '/'), [])

    // Days later, signed in afresh (a session does not outlive the days between).
    t.clock.set('2026-12-13T10:00:00Z')
    try {
      const admin = await signedInAs(t, t.world.staff.admin)
      assert.equal((await listed(admin, '/team-work')).find((cells) => cells[0]?.startsWith('Sam'))?.[2], 'Overdue')
      const page = await admin.get(pathOf('Sam'))
      assert.match(textOf(page.document.querySelector('#consultation-facts')), /Overdue/)
      t.clock.set('2026-12-16T10:00:00Z')
      const later = await signedInAs(t, t.world.staff.admin)
      assert.ok(!(await listed(later, '/team-work')).some((cells) => cells[0]?.startsWith('Sam')), 'missed: no longer listed')
    } finally {
      t.clock.set('2026-11-24T10:00:00Z')
    }
  })

  describe('on the child’s own pages', () => {
    let child: Browser
    let childReferralId: string
    let parent: Browser

    before(async () => {
      // Sam accepted an advocate of their own, and their referral was started from it (ADR 30); Cal works with Sam.
      const offer = `/referrals/${referralId}/child-advocate/${kids['Sam'] ?? ''}`
      await crew.admin.get(offer)
      assert.equal((await crew.admin.post(offer, { answer: 'accepted', whoAnswered: 'child', version: '0' })).location, `/referrals/${referralId}`)
      const started = await crew.admin.post(`${offer}/referral`, { version: '1' })
      childReferralId = /\/referrals\/([0-9a-f-]{36})$/.exec(started.location ?? '')?.[1] ?? ''
      assert.ok(childReferralId, `the child's referral was started (${started.status} ${started.location ?? ''})`)
      const calAdvocate = await db().selectFrom('advocate').select('id').where('user_id', '=', calUserId).executeTakeFirstOrThrow()
      await db()
        .insertInto('allocation')
        .values({
          authority_id: t.world.authorityId,
          referral_id: childReferralId,
          advocate_id: calAdvocate.id,
          status: 'accepted',
          offered_at: t.clock.now(),
          reasons: '[]',
          preferences: '{}',
        })
        .execute()
      child = await familySignedIn(t, (await codeIssued(crew.admin, childReferralId)).code)
      await child.get('/your-advocacy?language=en')
      parent = await familySignedIn(t, (await codeIssued(crew.admin, referralId)).code, 'green window', familyBrowser(t))
      await parent.get('/your-advocacy?language=en')
    })

    test('the child’s advocate may open and record it on the staff page', async () => {
      const page = await cal.get(pathOf('Sam'))
      assert.equal(page.status, 200)
      assert.match(textOf(page.document.querySelector('label[for="outcome"]')), /Completed with the child/)
    })

    test('the status page links to it while it is due; a parent’s session never sees it', async () => {
      const status = await child.get('/your-advocacy')
      const link = status.document.querySelector('[data-consultation-due] a')
      assert.equal(link?.getAttribute('href'), '/your-advocacy/consultation')
      const parentStatus = await parent.get('/your-advocacy')
      assert.equal(parentStatus.document.querySelector('[data-consultation-due]'), null)
      assert.equal((await parent.get('/your-advocacy/consultation')).status, 404)
      assert.equal((await parent.post('/your-advocacy/consultation', { helped: 'me', home: 'happy' })).status, 404)
    })

    test('the child answers in their own words and says who may see them; a second window is told, and keeps what it typed', async () => {
      const page = await child.get('/your-advocacy/consultation')
      assert.equal(page.status, 200)
      assert.equal(textOf(page.document.querySelector('h1')), 'Tell us what you think')
      assert.ok(page.document.querySelector('[data-tell-someone]'), 'Tell someone now, as on every family page')
      assert.match(textOf(page.document.querySelector('#shareWith-hint')), /Your advocate and the advocacy team will read your answers/)
      assert.ok(page.document.querySelector('input[name="safe"][value="sad"]'), 'the 8 to 11 form')
      assert.doesNotMatch(page.html, /Mia|Zoe|Review/, 'nothing of another child, nor the family name')

      const missing = await child.post('/your-advocacy/consultation', { home: 'happy' })
      assert.equal(missing.status, 400)
      assert.deepEqual(errorSummary(missing.html), ['Tell us who is helping you today'])
      const nothing = await child.post('/your-advocacy/consultation', { helped: 'me' })
      assert.deepEqual(errorSummary(nothing.html), ['Answer at least one question'])

      const sent = await child.post('/your-advocacy/consultation', {
        helped: 'someone',
        helperName: 'Mrs Khan',
        helperRelationship: 'Teacher',
        home: 'okay',
        safe: 'happy',
        worried: 'I am scared when they shout',
        shareWith: 'chair',
      })
      assert.equal(sent.location, '/your-advocacy/consultation/thank-you')
      assert.equal(textOf((await child.get(sent.location)).document.querySelector('h1')), 'Thank you')
      const row = await rowOf('Sam')
      assert.equal(row?.done_how, 'own_pages')
      assert.equal(row?.recorded_by, null)
      assert.equal(row?.helper_name, 'Mrs Khan')
      assert.equal(row?.worrying_words, true, 'worrying words are flagged for the advocacy service')
      assert.deepEqual(row?.share_with, ['chair'])

      // The same form, open in a second window of the same session, sent afterwards.
      const late = await child.post('/your-advocacy/consultation', { helped: 'me', home: 'sad', tellTheMeeting: 'Please listen to me' })
      assert.equal(late.status, 409)
      assert.match(textOf(late.document.querySelector('#typed-answers')), /Please listen to me/)
      assert.match(textOf(late.document.querySelector('#typed-answers')), /How do you feel at home\?\s*Sad/, 'a face in words')
      assert.equal((await rowOf('Sam'))?.answers['home'], 'okay', 'nothing changed')
      assert.equal((await child.get('/your-advocacy')).document.querySelector('[data-consultation-due]'), null, 'no longer waiting')

      // Staff read it; what the child did is not changed by staff.
      const staff = await cal.get(pathOf('Sam'))
      assert.match(textOf(staff.document.querySelector('#consultation-recorded')), /By the child, on their own pages/)
      assert.equal(staff.document.querySelector('input[name="outcome"]'), null)
      const chair = await crew.admin.get(`${pathOf('Sam')}/for-the-chair`)
      assert.match(textOf(chair.document.querySelector('#chair-answers')), /I am scared when they shout/)
    })

    test('hostile input on the child’s form: never a 500, nothing shown unescaped, no post without its token, at most one record', async () => {
      // Noa's own referral, started from their offer, with a way in of its own.
      const offer = `/referrals/${referralId}/child-advocate/${kids['Noa'] ?? ''}`
      await crew.admin.get(offer)
      assert.equal((await crew.admin.post(offer, { answer: 'accepted', whoAnswered: 'child', version: '0' })).location, `/referrals/${referralId}`)
      const started = await crew.admin.post(`${offer}/referral`, { version: '1' })
      const noaReferral = /\/referrals\/([0-9a-f-]{36})$/.exec(started.location ?? '')?.[1] ?? ''
      const noa = await familySignedIn(t, (await codeIssued(crew.admin, noaReferral)).code, 'yellow spoon', familyBrowser(t))
      const path = '/your-advocacy/consultation'
      const form = formFields((await noa.get(`${path}?language=en`)).html, path, path) ?? {}
      assert.ok(Object.keys(form).length > 3, 'the form’s fields were found')
      const problems: string[] = []
      for (const theCase of casesFor({ ...form, helped: 'me', home: 'happy', good: 'Drawing' })) {
        await noa.get(path)
        const options = theCase.token === 'none' ? { withToken: false } : theCase.token ? { token: 'x'.repeat(43) } : {}
        const page = await noa.post(path, theCase.body, options)
        const what = `${theCase.label}: ${page.status}`
        if (page.status >= 500) problems.push(what)
        if (page.html.includes(SCRIPT) || page.html.includes('\u0000')) problems.push(`${what}: shown unescaped`)
        if (page.status >= 400 && !isServicePage(page)) problems.push(`${what}: not the service's page`)
        if (theCase.token && page.status !== 403) problems.push(`${what}: not refused`)
        if (page.status === 400 && errorSummary(page.html).length === 0) problems.push(`${what}: no error summary`)
      }
      assert.deepEqual(problems, [])
      const rows = await db()
        .selectFrom('child_consultation')
        .selectAll()
        .where('person_id', '=', kids['Noa'] ?? '')
        .execute()
      assert.ok(rows.length <= 1, 'at most one record, whatever was posted')
    })
  })

  test('the log holds the requests, never what a child wrote or who helped them', () => {
    const log = logLines.join('')
    assert.ok(log.includes('/your-advocacy/consultation'), 'the log records the requests themselves')
    for (const words of ['I am scared when they shout', 'Mrs Khan']) assert.ok(!log.includes(words), `not in the log: ${words}`)
  })
})
