import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { advocateUser, crewOf, referralAt, signedInAs, addStaff, type Crew } from '../../../../test/support/workflow-steps.ts'
import { worldAdvocate } from '../../../../test/support/pool.ts'

/** Asking a person how their meeting went, from their referral: who may, when, and what is kept. */
describe(`how the meeting went, from the referral (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  const ids: Record<'early' | 'paper' | 'debrief' | 'empty' | 'choice', string> = { early: '', paper: '', debrief: '', empty: '', choice: '' }
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
    const avrilId = await worldAdvocate(t)
    for (const key of ['early', 'paper', 'empty', 'choice'] as const) ids[key] = await referralAt(t, crew, 'advocate_recorded', key)
    ids.debrief = await referralAt(t, crew, 'advocate_recorded', 'Debrief', { advocateId: avrilId })
  })
  after(async () => t.close())

  const responses = (referralId: string) => t.database.db.selectFrom('feedback_response').selectAll().where('referral_id', '=', referralId).execute()
  const request = (referralId: string) => t.database.db.selectFrom('feedback_request').selectAll().where('referral_id', '=', referralId).executeTakeFirst()
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? ''

  test('before the meeting the person cannot be asked yet, and nothing is kept', async () => {
    const id = ids.early
    const page = await crew.admin.get(`/referrals/${id}/feedback`)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'How the meeting went')
    assert.match(textOf(page.html), /The meeting has not happened yet/)
    const posted = await crew.admin.post(`/referrals/${id}/feedback/answers`, { listened: 'yes' })
    assert.equal(posted.location, `/referrals/${id}/feedback`)
    assert.deepEqual(errorSummary((await crew.admin.get(`/referrals/${id}/feedback`)).html), [
      'The meeting has not happened yet: ask how it went on the day or after it',
    ])
    assert.equal((await responses(id)).length, 0)
  })

  describe('after the meeting (two days on: everyone signs in again)', () => {
    before(async () => {
      t.clock.set('2026-12-17T10:00:00Z')
      crew = await crewOf(t)
    })

    test('after the meeting the admin enters answers given on paper: kept with the day after, marked as paper, worrying words flagged', async () => {
      const id = ids.paper
      await crew.admin.get(`/referrals/${id}/feedback`)
      const posted = await crew.admin.post(`/referrals/${id}/feedback/answers`, {
        listened: 'a_bit',
        understood: 'yes',
        reportsInTime: 'no',
        better: 'The reports came late and I was scared to speak.',
      })
      assert.equal(posted.location, `/referrals/${id}/feedback`)
      const [response] = await responses(id)
      assert.ok(response)
      assert.equal(response.channel, 'paper')
      assert.equal(response.days_after, 2)
      assert.equal(response.listened, 'a_bit')
      assert.equal(response.advocate_helped, null)
      assert.deepEqual(response.worrying_words, ['scared'])
      assert.equal((await request(id))?.state, 'given')
      const page = await crew.admin.get(`/referrals/${id}/feedback`)
      assert.deepEqual(tableRows(page.html, 'Answers given')[0]?.slice(1), ['On paper, entered by the advocacy service by Ada Admin', '2 days after'])
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select(['details'])
        .where('action', '=', 'feedback.given')
        .where('record_id', '=', id)
        .execute()
      assert.equal(audit.length, 1)
      assert.doesNotMatch(JSON.stringify(audit), /scared|reports came/, 'the words are not in the audit trail')
    })

    test('the advocate working with the person enters what they said at the debrief; no other advocate, referrer or coordinator may', async () => {
      const id = ids.debrief
      const avril = await signedInAs(t, t.world.staff.advocate)
      assert.equal((await avril.get(`/referrals/${id}/feedback`)).status, 200)
      assert.equal((await avril.post(`/referrals/${id}/feedback/answers`, { advocateHelped: 'yes' })).location, `/referrals/${id}/feedback`)
      const [response] = await responses(id)
      assert.equal(response?.channel, 'debrief')
      assert.equal(response?.days_after, 2)
      const otto = await signedInAs(t, (await advocateUser(t, 'otto', 'Otto Other')).person)
      const coordinator = await signedInAs(t, t.world.staff.coordinator)
      for (const [who, browser, status] of [
        ['another advocate', otto, 404],
        ['the referrer', crew.referrer, 403],
        ['the coordinator', coordinator, 403],
        ['the service manager', crew.manager, 403],
      ] as const) {
        assert.equal((await browser.get(`/referrals/${id}/feedback`)).status, status, `${who} opens it`)
        const refused = await browser.post(`/referrals/${id}/feedback/answers`, { listened: 'no' })
        assert.equal(refused.status, status, `${who} posts`)
      }
      assert.equal((await responses(id)).length, 1, 'nothing more kept')
      assert.equal((await otto.post(`/referrals/${id}/feedback/kiosk`, {})).status, 403, 'an advocate never opens a kiosk')
    })

    test('an answer with nothing in it, or an answer off the scale, is refused with an error summary', async () => {
      const id = ids.empty
      await crew.admin.get(`/referrals/${id}/feedback`)
      await crew.admin.post(`/referrals/${id}/feedback/answers`, { better: '   ' })
      assert.deepEqual(errorSummary((await crew.admin.get(`/referrals/${id}/feedback`)).html), ['Answer one question, or write in the box'])
      await crew.admin.post(`/referrals/${id}/feedback/answers`, { listened: 'maybe', better: 'x'.repeat(1001) })
      assert.deepEqual(errorSummary((await crew.admin.get(`/referrals/${id}/feedback`)).html), ['Choose one of the answers', 'Write 1,000 letters or fewer'])
      assert.equal((await responses(id)).length, 0)
    })

    test('what they chose: later, then no; two people choosing at once, the second is told', async () => {
      const id = ids.choice
      const second = await signedInAs(t, await addStaff(t, 'secondadmin', 'Sam Second', ['advocacy_admin'], { fgc: true }))
      const [a, b] = await Promise.all([crew.admin.get(`/referrals/${id}/feedback`), second.get(`/referrals/${id}/feedback`)])
      assert.equal(versionOn(a.html), '0')
      const first = await crew.admin.post(`/referrals/${id}/feedback/choice`, { state: 'later', version: versionOn(a.html) })
      assert.equal(first.location, `/referrals/${id}/feedback`)
      assert.equal((await request(id))?.state, 'later')
      const late = await second.post(`/referrals/${id}/feedback/choice`, { state: 'declined', version: versionOn(b.html) })
      assert.equal(late.location, `/referrals/${id}/feedback`)
      assert.match(errorSummary((await second.get(`/referrals/${id}/feedback`)).html)[0] ?? '', /saved a change/)
      assert.equal((await request(id))?.state, 'later', 'the first choice stands')
      const now = await second.get(`/referrals/${id}/feedback`)
      assert.equal(
        (await second.post(`/referrals/${id}/feedback/choice`, { state: 'declined', version: versionOn(now.html) })).location,
        `/referrals/${id}/feedback`,
      )
      assert.equal((await request(id))?.state, 'declined')
      assert.match(textOf((await second.get(`/referrals/${id}/feedback`)).html), /do not want to give feedback about this meeting/)
    })
  })
})
