import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { codeIssued, openedAtOn } from '../../../../test/support/family-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { addStaff, advocateUser, crewOf, referralAt, signedInAs, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Staff giving a person their way in: who may, the letter shown once, two people at once, and what is kept. */
describe(`a person's way in, from their referral (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function workingCodes(referralId: string) {
    return t.database.db.selectFrom('family_code').selectAll().where('referral_id', '=', referralId).where('ended_at', 'is', null).execute()
  }

  test('the admin issues a code: the letter shows it once, with the address typed, and only its hash is kept', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Letter')
    const page = await crew.admin.get(`/referrals/${referralId}/way-in`)
    assert.equal(heading(page.document), 'Their way in to their own pages')
    const { code, letter } = await codeIssued(crew.admin, referralId, { address: '1 Canal Street\nLondon N1 1AA' })
    assert.equal(String(letter.response.headers['cache-control']), 'no-store')
    assert.match(letter.html, /1 Canal Street/)
    assert.match(letter.html, /\/your-advocacy/)
    const [row] = await workingCodes(referralId)
    assert.ok(row)
    assert.ok(!JSON.stringify(row).includes(code.replace(/-/g, '')), 'the code is not stored')
    assert.ok(!JSON.stringify(row).includes('Canal'), 'nor the address')
    const again = await crew.admin.get(`/referrals/${referralId}/way-in`)
    assert.ok(!again.html.includes(code), 'the code is never shown again')
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'family.code-issued')
      .where('record_id', '=', referralId)
      .execute()
    assert.equal(audit.length, 1)
    assert.ok(!JSON.stringify(audit).includes(code.replace(/-/g, '')), 'nor written to the audit trail')
  })

  test('two people issuing at once: one letter, one code that works, and the other is told', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Twice')
    const second = await signedInAs(t, await addStaff(t, 'secondadmin', 'Sam Second', ['advocacy_admin'], { fgc: true }))
    const [a, b] = await Promise.all([crew.admin.get(`/referrals/${referralId}/way-in`), second.get(`/referrals/${referralId}/way-in`)])
    const [first, other] = await Promise.all([
      crew.admin.post(`/referrals/${referralId}/way-in`, { openedAt: openedAtOn(a) }),
      second.post(`/referrals/${referralId}/way-in`, { openedAt: openedAtOn(b) }),
    ])
    const letters = [first, other].filter((page) => page.status === 200 && page.document.querySelector('[data-code]'))
    const refused = [first, other].filter((page) => page.status === 303)
    assert.equal(letters.length, 1, 'one letter')
    assert.equal(refused.length, 1, 'the other goes back to the page')
    assert.equal((await workingCodes(referralId)).length, 1, 'one code works')
    const browser = refused[0] === first ? crew.admin : second
    const told = await browser.get(`/referrals/${referralId}/way-in`)
    assert.match(errorSummary(told.document)[0] ?? '', /Someone else changed this person’s way in/)
  })

  test('the advocate working with the person may give them a way in; other advocates, referrers and other authorities may not', async () => {
    const mine = await advocateUser(t, 'wayinmine', 'Winnie Mine')
    const theirs = await advocateUser(t, 'wayintheirs', 'Walt Theirs')
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Advocated', { advocateId: mine.advocateId })
    const advocate = await signedInAs(t, mine.person)
    await codeIssued(advocate, referralId)
    assert.equal((await (await signedInAs(t, theirs.person)).get(`/referrals/${referralId}/way-in`)).status, 404)
    assert.equal((await crew.referrer.get(`/referrals/${referralId}/way-in`)).status, 403)
    assert.equal((await crew.manager.get(`/referrals/${referralId}/way-in`)).status, 403)
    assert.equal(
      (await (await signedInAs(t, t.world.staff.coordinator)).get(`/referrals/${referralId}/way-in`)).status,
      403,
      'the coordinator runs the pool, not case records',
    )
    const elsewhere = await signedInAs(t, t.world.elsewhere.admin)
    assert.equal((await elsewhere.get(`/referrals/${referralId}/way-in`)).status, 404)
    assert.equal((await crew.admin.get('/referrals/not-an-id/way-in')).status, 404)
    const draft = await referralAt(t, crew, 'draft', 'Drafted')
    assert.equal((await crew.admin.get(`/referrals/${draft}/way-in`)).status, 404, 'a draft has not reached the service')
    assert.equal((await (await signedIn(t, 'analyst')).get(`/referrals/${referralId}/way-in`)).status, 403)
  })

  test('forms without their token change nothing; a stale or missing state is refused', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Tokenless')
    const page = await crew.admin.get(`/referrals/${referralId}/way-in`)
    assert.equal((await crew.admin.post(`/referrals/${referralId}/way-in`, { openedAt: openedAtOn(page) }, { withToken: false })).status, 403)
    assert.equal((await workingCodes(referralId)).length, 0)
    assert.equal((await crew.admin.post(`/referrals/${referralId}/way-in`, {})).status, 303)
    assert.equal((await crew.admin.post(`/referrals/${referralId}/way-in/revoke`, { openedAt: 'none' })).status, 303)
    assert.match(errorSummary((await crew.admin.get(`/referrals/${referralId}/way-in`)).document)[0] ?? '', /no code to revoke/)
    assert.equal((await crew.admin.post(`/referrals/${referralId}/way-in`, { openedAt: ['a', 'b'], address: 'x'.repeat(10_000) })).status, 303)
    assert.equal((await workingCodes(referralId)).length, 0)
  })
})
