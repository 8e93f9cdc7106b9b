import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, tableRows, textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { codeIssued, familySignedIn } from '../../../../test/support/family-steps.ts'
import { casesFor, formFields, SCRIPT } from '../../../../test/support/hostile.ts'
import { isServicePage } from '../../../../test/support/workflow-steps.ts'
import { advocateUser, crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Answering later from their own pages (issue 11): feedback the person chose to give later waits on
 * their status page and in a list of its own, opens for their own meeting only, in their language,
 * is kept once (a second window is told), and can be declined, never to be asked again. Meanwhile it
 * waits in their advocate's work and the advocacy admins' team work.
 */
describe(`answering later from their own pages (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  let advocate: Browser
  const ids = { answers: '', declines: '', other: '', notAsked: '', hostile: '' }
  const meetings = { answers: '', declines: '', other: '', notAsked: '', hostile: '' }
  const family: Record<'answers' | 'declines' | 'notAsked' | 'hostile', Browser | null> = { answers: null, declines: null, notAsked: null, hostile: null }

  const meetingOf = async (referralId: string) =>
    (await t.database.db.selectFrom('referral').select('meeting_id').where('id', '=', referralId).executeTakeFirstOrThrow()).meeting_id ?? ''
  const responses = (referralId: string) => t.database.db.selectFrom('feedback_response').selectAll().where('referral_id', '=', referralId).execute()
  const request = (referralId: string) => t.database.db.selectFrom('feedback_request').selectAll().where('referral_id', '=', referralId).executeTakeFirst()
  const familyOf = (key: keyof typeof family): Browser => {
    const browser = family[key]
    assert.ok(browser)
    return browser
  }

  before(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1', PUBLIC_PAGES_PER_MINUTE: '100000' })
    crew = await crewOf(t)
    const mine = await advocateUser(t, 'later', 'Lena Later')
    for (const key of ['answers', 'declines', 'other', 'notAsked', 'hostile'] as const) {
      ids[key] = await referralAt(t, crew, 'advocate_recorded', `Later${key}`, key === 'answers' ? { advocateId: mine.advocateId } : {})
      meetings[key] = await meetingOf(ids[key])
    }
    // Two days after the meeting: everyone signs in again, and the person says they will answer later.
    t.clock.set('2026-12-17T10:00:00Z')
    crew = await crewOf(t)
    advocate = await signedInAs(t, mine.person)
    for (const key of ['answers', 'declines', 'other', 'hostile'] as const) {
      await crew.admin.get(`/referrals/${ids[key]}/feedback`)
      const chose = await crew.admin.post(`/referrals/${ids[key]}/feedback/choice`, { state: 'later', version: '0' })
      assert.equal(chose.status, 303)
    }
    for (const key of ['answers', 'declines', 'notAsked', 'hostile'] as const) {
      family[key] = await familySignedIn(t, (await codeIssued(crew.admin, ids[key])).code)
    }
  })
  after(async () => t.close())

  test('it waits in the advocate’s own work and the advocacy admins’ team work, and not for anyone else', async () => {
    const mine = tableRows((await advocate.get('/')).html, 'Feedback waiting')
    assert.equal(mine.length, 1, 'only the advocate’s own person')
    assert.match(mine[0]?.[0] ?? '', /Laterans/)
    const team = tableRows((await crew.admin.get('/team-work')).html, 'Feedback waiting').map((row) => row[0] ?? '')
    for (const key of ['answers', 'declines', 'other'])
      assert.ok(
        team.some((cell) => cell.includes(`Later${key}`)),
        key,
      )
    assert.ok(!team.some((cell) => cell.includes('LaternotAsked')), 'not one who was not asked')
    assert.equal(tableRows((await crew.referrer.get('/')).html, 'Feedback waiting').length, 0, 'never the referrer')
  })

  test('their status page says it waits; the list names their meeting; a person not asked later sees nothing waiting', async () => {
    const browser = familyOf('answers')
    const status = await browser.get('/your-advocacy?language=en')
    assert.match(textOf(status.document.querySelector('[data-feedback-waiting]')), /How did your meeting go\?/)
    const list = await browser.get('/your-advocacy/feedback')
    assert.equal(list.status, 200)
    assert.equal(heading(list.html), 'Tell us how your meeting went')
    const link = list.document.querySelector('[data-feedback-waiting] a')
    assert.equal(link?.getAttribute('href'), `/your-advocacy/feedback/${meetings.answers}`)

    const notAsked = familyOf('notAsked')
    assert.equal((await notAsked.get('/your-advocacy?language=en')).document.querySelector('[data-feedback-waiting]'), null)
    assert.match(textOf((await notAsked.get('/your-advocacy/feedback')).html), /nothing for you to answer/)
    assert.equal((await notAsked.get(`/your-advocacy/feedback/${meetings.notAsked}`)).status, 404, 'not asked later: nothing to open')
  })

  test('only their own meeting opens: another family’s, an unknown one or a malformed one is not found, and a post there keeps nothing', async () => {
    const browser = familyOf('answers')
    await browser.get('/your-advocacy/feedback')
    for (const meeting of [meetings.other, meetings.declines, '00000000-0000-4000-8000-000000000000', 'not-an-id', `${meetings.answers}x`]) {
      const page = await browser.get(`/your-advocacy/feedback/${encodeURIComponent(meeting)}`)
      assert.equal(page.status, 404, meeting)
      assert.ok(!page.html.includes('Laterother') && !page.html.includes('Laterdeclines'))
      const posted = await browser.post(`/your-advocacy/feedback/${encodeURIComponent(meeting)}`, { listened: 'yes' })
      assert.equal(posted.status, 404, `post to ${meeting}`)
      assert.equal((await browser.post(`/your-advocacy/feedback/${encodeURIComponent(meeting)}/decline`, {})).status, 404)
    }
    assert.equal((await responses(ids.other)).length, 0)
    assert.equal((await request(ids.other))?.state, 'later')
    assert.equal((await request(ids.declines))?.state, 'later')
  })

  test('the questions in Spanish, with words and faces; an empty answer or one off the scale is refused in Spanish and keeps nothing; no token, nothing kept', async () => {
    const browser = familyOf('answers')
    const page = await browser.get(`/your-advocacy/feedback/${meetings.answers}?language=es`)
    assert.equal(page.status, 200)
    assert.equal(heading(page.html), '¿Cómo fue la reunión?')
    assert.equal(page.document.documentElement.getAttribute('lang'), 'es')
    assert.ok(page.document.querySelectorAll('.app-face').length >= 15, 'a face for every answer')
    assert.match(textOf(page.html), /No quiero responder/)

    const empty = await browser.post(`/your-advocacy/feedback/${meetings.answers}`, { better: '' })
    assert.equal(empty.status, 400)
    assert.deepEqual(errorSummary(empty.html), ['Responda una pregunta, o escriba en el cuadro'])
    const offScale = await browser.post(`/your-advocacy/feedback/${meetings.answers}`, { listened: 'maybe' })
    assert.equal(offScale.status, 400)
    assert.deepEqual(errorSummary(offScale.html), ['Elija una de las respuestas'])
    const noToken = await browser.post(`/your-advocacy/feedback/${meetings.answers}`, { listened: 'yes' }, { withToken: false })
    assert.equal(noToken.status, 403)
    assert.equal((await responses(ids.answers)).length, 0)
  })

  test('answered in Spanish: kept once, from their own pages, with the days after the meeting; a second window is told it was already given', async () => {
    const browser = familyOf('answers')
    await browser.get(`/your-advocacy/feedback/${meetings.answers}?language=es`)
    const token = browser.csrfToken ?? ''
    const answers = { listened: 'a_bit', understood: 'yes', advocateHelped: 'yes', better: 'Más tiempo para leer los informes.' }
    const given = await browser.post(`/your-advocacy/feedback/${meetings.answers}`, answers)
    assert.equal(given.status, 303)
    assert.equal(given.location, '/your-advocacy/feedback/thank-you')
    const thanks = await browser.get(given.location ?? '')
    assert.equal(heading(thanks.html), 'Gracias')
    assert.match(textOf(thanks.html), /Tenemos sus respuestas/)

    const second = await browser.post(`/your-advocacy/feedback/${meetings.answers}`, { listened: 'no' }, { token })
    assert.equal(second.status, 409)
    assert.equal(heading(second.html), 'Ya nos lo ha dicho')
    const kept = await responses(ids.answers)
    assert.equal(kept.length, 1, 'one response, not two')
    assert.equal(kept[0]?.channel, 'own_pages')
    assert.equal(kept[0]?.language, 'es')
    assert.equal(kept[0]?.days_after, 2)
    assert.equal(kept[0]?.listened, 'a_bit')
    assert.equal(kept[0]?.entered_by, null)
    assert.equal((await request(ids.answers))?.state, 'given')
    assert.equal((await browser.post(`/your-advocacy/feedback/${meetings.answers}/decline`, {}, { token })).status, 409, 'nor said no after')
    assert.equal((await request(ids.answers))?.state, 'given')

    // It no longer waits: not on their pages, not in their advocate's work; the staff page says how it was given.
    assert.equal((await browser.get('/your-advocacy')).document.querySelector('[data-feedback-waiting]'), null)
    assert.equal((await browser.get(`/your-advocacy/feedback/${meetings.answers}`)).status, 200, 'the page says it was given')
    assert.equal(tableRows((await advocate.get('/')).html, 'Feedback waiting').length, 0)
    const staff = await crew.admin.get(`/referrals/${ids.answers}/feedback`)
    assert.deepEqual(tableRows(staff.html, 'Answers given')[0]?.slice(1), ['From their own pages', '2 days after'])
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('record_id', '=', ids.answers)
      .where('action', '=', 'feedback.given')
      .execute()
    assert.equal(audit.length, 1)
    assert.doesNotMatch(JSON.stringify(audit), /informes/, 'no words in the audit trail')
  })

  test('“I do not want to answer”: recorded as their no, never asked again; a second window is told', async () => {
    const browser = familyOf('declines')
    await browser.get(`/your-advocacy/feedback/${meetings.declines}?language=en`)
    const token = browser.csrfToken ?? ''
    const noToken = await browser.post(`/your-advocacy/feedback/${meetings.declines}/decline`, {}, { withToken: false })
    assert.equal(noToken.status, 403)
    assert.equal((await request(ids.declines))?.state, 'later')
    const declined = await browser.post(`/your-advocacy/feedback/${meetings.declines}/decline`, {})
    assert.equal(declined.location, '/your-advocacy/feedback/thank-you?declined=yes')
    assert.match(textOf((await browser.get(declined.location ?? '')).html), /We will not ask you about this meeting again/)
    assert.equal((await request(ids.declines))?.state, 'declined')
    assert.equal((await request(ids.declines))?.changed_by, null, 'their own no, not staff’s')
    assert.equal((await browser.post(`/your-advocacy/feedback/${meetings.declines}/decline`, {}, { token })).status, 409)
    const answered = await browser.post(`/your-advocacy/feedback/${meetings.declines}`, { listened: 'yes' }, { token })
    assert.equal(answered.status, 409)
    assert.equal(heading(answered.html), 'You have already told us')
    assert.equal((await responses(ids.declines)).length, 0)
    assert.match(textOf((await browser.get('/your-advocacy/feedback')).html), /nothing for you to answer/)
    const staff = await crew.admin.get(`/referrals/${ids.declines}/feedback`)
    assert.match(textOf(staff.html), /They do not want to give feedback about this meeting/)
    assert.ok(!tableRows((await crew.admin.get('/team-work')).html, 'Feedback waiting').some((row) => (row[0] ?? '').includes('Laterdeclines')))
  })

  test('hostile input from a signed-in family member, on each of their forms: never a 500, nothing shown unescaped, no post without its token', async () => {
    const browser = familyOf('hostile')
    const problems: string[] = []
    for (const path of [`/your-advocacy/feedback/${meetings.hostile}`, `/your-advocacy/feedback/${meetings.hostile}/decline`]) {
      const form = formFields((await browser.get(`/your-advocacy/feedback/${meetings.hostile}?language=en`)).html, path, path) ?? {}
      for (const theCase of casesFor(form)) {
        await browser.get(`/your-advocacy/feedback/${meetings.hostile}`)
        const options = theCase.token === 'none' ? { withToken: false } : theCase.token ? { token: 'x'.repeat(43) } : {}
        const page = await browser.post(path, theCase.body, options)
        const what = `${path} with ${theCase.label}: ${page.status}`
        if (page.status >= 500) problems.push(what)
        if (page.html.includes(SCRIPT) || page.html.includes('\u0000')) problems.push(`${what}: shown unescaped`)
        if (page.status >= 400 && !isServicePage(page)) problems.push(`${what}: not the service's page`)
        if (theCase.token && page.status !== 403) problems.push(`${what}: not refused`)
        if (page.status === 400 && errorSummary(page.html).length === 0) problems.push(`${what}: no error summary`)
      }
    }
    assert.deepEqual(problems, [])
    assert.ok((await responses(ids.hostile)).length <= 1, 'at most one response, whatever was posted')
  })
})
