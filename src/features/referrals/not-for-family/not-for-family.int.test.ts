import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { checkedValues, errorSummary, heading, summaryValue, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { versionOn } from '../../../../test/support/referral-steps.ts'
import { crewOf, referralAt, versionsOf, type Crew } from '../../../../test/support/workflow-steps.ts'

const REASON = 'The parent is experiencing barriers that affect their ability to take part in decisions.'
const DISABILITY = 'Dyslexia: extra time and visual aids help.'
const familyPages = [
  '/your-advocacy',
  '/your-advocacy/advocate',
  '/your-advocacy/meeting',
  '/your-advocacy/meeting.ics',
  '/your-advocacy/views',
  '/your-advocacy/rights',
  '/your-advocacy/what-the-referral-says',
]

/** The referrer marks Section 1 answers as not for the family to read; the family's pages leave them out and say so. */
describe(`not for the family (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('a marked answer never appears on any family page, in any language; the page says some parts are not shown and who to ask', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Marked')
    const path = `/referrals/${referralId}/not-for-family`
    const page = await crew.referrer.get(path)
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'What the family cannot read')
    assert.deepEqual(checkedValues(page.document, 'marked'), [])
    assert.match(textOf(page.document.querySelector('main form')), /Dyslexia: extra time and visual aids help\./, 'each answer shown as written')
    const saved = await crew.referrer.post(path, { marked: ['reason', 'disabilityDetails'], version: versionOn(page.html) })
    assert.equal(saved.status, 303)
    assert.equal(saved.location, `/referrals/${referralId}`)
    assert.deepEqual(checkedValues((await crew.referrer.get(path)).document, 'marked'), ['reason', 'disabilityDetails'])

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['details', 'actor_id'])
      .where('action', '=', 'referral.not-for-family-marked')
      .where('record_id', '=', referralId)
      .execute()
    assert.equal(audit.length, 1)
    assert.deepEqual(audit[0]?.details, { marked: ['reason', 'disabilityDetails'] }, 'which answers, never what they say')

    const family = await familyReading(t, crew, referralId)
    for (const language of ['en', 'es', 'ar']) {
      for (const familyPath of familyPages) {
        const seen = await family.get(`${familyPath}?language=${language}`)
        assert.equal(seen.status, 200, familyPath)
        assert.ok(!seen.html.includes('barriers that affect'), `${familyPath} in ${language} leaves out the reason`)
        assert.ok(!seen.html.includes('Dyslexia'), `${familyPath} in ${language} leaves out the disability details`)
      }
    }
    const says = await family.get('/your-advocacy/what-the-referral-says?language=en')
    assert.equal(summaryValue(says.document, 'Why your social worker asked for an advocate'), 'Not shown here')
    assert.match(
      textOf(says.document.querySelector('[data-not-shown]')),
      /kept some parts of the referral off these pages.*ask your social worker, Rita Referrer, or your advocate/,
    )
    assert.match(summaryValue(says.document, 'Any disability or learning needs') ?? '', /^Yes/, 'the yes or no is still there')
    assert.match(summaryValue(says.document, 'What kind of advocate you would like') ?? '', /Spanish-speaking/, 'answers not marked are shown')

    // Unmarked again, the family reads it again.
    const again = await crew.referrer.get(path)
    assert.equal((await crew.referrer.post(path, { version: versionOn(again.html) })).status, 303)
    const shown = await family.get('/your-advocacy/what-the-referral-says')
    assert.equal(summaryValue(shown.document, 'Why your social worker asked for an advocate'), REASON)
    assert.match(shown.html, new RegExp(DISABILITY.replace(/[.]/g, '\\.')))
    assert.equal(shown.document.querySelector('[data-not-shown]'), null)
  })

  test('a second window is told someone saved first, and changes nothing', async () => {
    const referralId = await referralAt(t, crew, 'awaiting_admin', 'Twowindows')
    const path = `/referrals/${referralId}/not-for-family`
    const first = await crew.referrer.get(path)
    const second = await crew.referrer.get(path)
    assert.equal((await crew.referrer.post(path, { marked: 'reason', version: versionOn(first.html) })).status, 303)
    const before = await versionsOf(t.database.db, referralId)
    const late = await crew.referrer.post(path, { marked: 'otherNeedsDetails', version: versionOn(second.html) })
    assert.equal(late.location, path)
    const shown = await crew.referrer.get(path)
    assert.match(errorSummary(shown.html).join(' '), /saved a change/)
    assert.deepEqual(await versionsOf(t.database.db, referralId), before)
    const row = await t.database.db.selectFrom('section_one').select('not_for_family').where('referral_id', '=', referralId).executeTakeFirstOrThrow()
    assert.deepEqual(row.not_for_family, ['reason'])
  })

  test('only its referrer marks answers; a wrong answer name is refused; a post without its token is refused', async () => {
    const referralId = await referralAt(t, crew, 'awaiting_admin', 'Onlyreferrer')
    const path = `/referrals/${referralId}/not-for-family`
    const version = (await versionsOf(t.database.db, referralId)).sectionOne
    assert.equal((await crew.admin.get(path)).status, 403, 'the admin sees the referral but does not mark it')
    assert.equal((await crew.admin.post(path, { marked: 'reason', version })).status, 403)
    await crew.referrer.get(path)
    const wrong = await crew.referrer.post(path, { marked: 'safetyNotes', version })
    assert.equal(wrong.location, path)
    assert.deepEqual(errorSummary((await crew.referrer.get(path)).html), ['Select answers from the list'])
    const tokenless = await crew.referrer.post(path, { marked: 'reason', version }, { withToken: false })
    assert.equal(tokenless.status, 403)
    const row = await t.database.db.selectFrom('section_one').select('not_for_family').where('referral_id', '=', referralId).executeTakeFirstOrThrow()
    assert.deepEqual(row.not_for_family, [])
  })
})
