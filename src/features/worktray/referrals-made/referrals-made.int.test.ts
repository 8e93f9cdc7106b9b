import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { crewOf, draftWithPerson, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * Issue 8, item 16: a referrer had no list of the referrals they made: once sent, a referral left
 * "My work", and an ended one disappeared once opened. "Referrals I've made" lists every referral
 * they sent, newest first, paged, with where it stands or how it ended.
 */
describe(`"Referrals I've made" (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('lists every referral the referrer sent, newest first, with its status and outcome, even once an ended one is opened', async () => {
    await draftWithPerson(crew.referrer, 'Stilladraft')
    const first = await referralAt(t, crew, 'awaiting_admin', 'Firstsent')
    t.clock.advanceMinutes(5)
    const second = await referralAt(t, crew, 'in_review', 'Secondsent')
    t.clock.advanceMinutes(5)
    const withdrawn = await referralAt(t, crew, 'awaiting_admin', 'Thirdsent')
    await crew.referrer.get(`/referrals/${withdrawn}/withdraw`)
    await crew.referrer.post(`/referrals/${withdrawn}/withdraw`, { reason: 'meeting_cancelled' })
    await crew.referrer.get(`/referrals/${withdrawn}`)

    const page = await crew.referrer.get('/referrals-made')
    assert.equal(page.status, 200)
    assert.equal(textOf(page.document.querySelector('h1')), 'Referrals I’ve made')
    const rows = tableRows(page.document)
    assert.deepEqual(
      rows.map((row) => [row[0], row[3], row[4]]),
      [
        [expect(rows, 'Thirdsent', 0), 'Withdrawn', 'Withdrawn, 24 Nov 2026: The meeting was cancelled'],
        [expect(rows, 'Secondsent', 1), 'Child Protection Advocacy Review Waiting on FGC Advocacy Admin', 'Not ended yet'],
        [expect(rows, 'Firstsent', 2), 'Sent to FGC Advocacy Admin Waiting on FGC Advocacy Admin', 'Not ended yet'],
      ],
    )
    assert.ok(!rows.some((row) => row[0]?.includes('Stilladraft')), 'a draft not sent is in My work, not here')
    const links = [...page.document.querySelectorAll('tbody a')].map((link) => link.getAttribute('href'))
    assert.deepEqual(
      links,
      [withdrawn, second, first].map((id) => `/referrals/${id}?from=made`),
    )
    const opened = await crew.referrer.get(`/referrals/${first}?from=made`)
    assert.deepEqual(
      [opened.document.querySelector('.govuk-back-link')?.getAttribute('href'), textOf(opened.document.querySelector('.govuk-back-link'))],
      ['/referrals-made', 'Back to referrals I’ve made'],
    )
  })

  test('shows a referrer only their own referrals; nobody but a referrer has the page', async () => {
    const other = await signedInAs(t, t.world.staff.otherReferrer)
    await referralAt(t, { ...crew, referrer: other }, 'awaiting_admin', 'Otherreferrers')
    const mine = tableRows((await crew.referrer.get('/referrals-made')).document)
    assert.ok(!mine.some((row) => row[0]?.includes('Otherreferrers')))
    assert.equal(tableRows((await other.get('/referrals-made')).document).length, 1)
    for (const browser of [crew.admin, crew.manager]) assert.equal((await browser.get('/referrals-made')).status, 403)
  })

  test('is paged, 25 at a time', async () => {
    const referrer = await signedInAs(t, t.world.elsewhere.referrer)
    for (let n = 0; n < 26; n += 1) {
      await t.database.db
        .insertInto('referral')
        .values({
          authority_id: t.world.elsewhere.authorityId,
          reference: `PAGED-${n}`,
          referrer_id: t.world.elsewhere.referrer.id,
          state: 'awaiting_admin',
          step_entered_at: t.clock.now(),
          sent_at: new Date(t.clock.now().getTime() + n * 60_000),
          updated_at: t.clock.now(),
        })
        .execute()
    }
    const first = await referrer.get('/referrals-made')
    assert.equal(tableRows(first.document).length, 25)
    assert.match(tableRows(first.document)[0]?.[0] ?? '', /PAGED-25/, 'newest first')
    const second = await referrer.get('/referrals-made?page=2')
    assert.deepEqual(
      tableRows(second.document).map((row) => row[0]),
      ['Parent or carer not added PAGED-0'],
    )
    assert.ok(first.document.querySelector('.govuk-pagination a[href="/referrals-made?page=2"]'))
  })

  test('is in the referrer’s navigation and linked from My work', async () => {
    const myWork = await crew.referrer.get('/')
    assert.ok(myWork.document.querySelector('nav a[href="/referrals-made"]'), 'in the service navigation')
    assert.ok(myWork.document.querySelector('main a[href="/referrals-made"]'), 'and from My work')
    assert.equal((await crew.admin.get('/')).document.querySelector('a[href="/referrals-made"]'), null, 'not for an admin')
  })
})

/** The cell naming this person, checked to be in its expected place. */
function expect(rows: string[][], familyName: string, index: number): string {
  const cell = rows[index]?.[0] ?? ''
  assert.match(cell, new RegExp(familyName), `row ${index + 1} is ${familyName}`)
  return cell
}
