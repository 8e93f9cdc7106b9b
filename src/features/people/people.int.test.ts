import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { referralSent, signedIn } from '../../../test/support/referral-steps.ts'

describe(`finding people, and a person's page (${engine})`, () => {
  let t: TestApp
  let referralId: string
  let personId: string
  before(async () => {
    t = await startTestApp()
    referralId = await referralSent(await signedIn(t, 'referrer'), { familyName: 'Findable' })
    const row = await t.database.db.selectFrom('referral').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow()
    personId = row.person_id ?? ''
  })
  after(async () => t.close())

  test('a referrer finds a person by their name and date of birth, so they are not recorded twice; the search is audited', async () => {
    const other = await signedIn(t, 'otherReferrer')
    const page = await other.get('/people?givenName=Maria&familyName=findable&dateOfBirth-day=3&dateOfBirth-month=4&dateOfBirth-year=1990')
    assert.match(textOf(page.html), /1 person found/)
    assert.match(textOf(page.html), /Maria Findable/)
    const nobody = await other.get('/people?givenName=nobody&familyName=like+this&dateOfBirth-day=3&dateOfBirth-month=4&dateOfBirth-year=1990')
    assert.equal(textOf(nobody.html).includes('0 people found'), true)
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('actor_id', '=', t.world.staff.otherReferrer.id)
      .where('action', '=', 'person.searched')
      .execute()
    assert.ok(audited.length >= 2)
    assert.doesNotMatch(JSON.stringify(audited), /findab/i, 'the audit says how, not the name searched for')
  })

  test('a search needs a whole name and a date of birth, or a case system ID', async () => {
    const referrer = await signedIn(t, 'referrer')
    const page = await referrer.get('/people?givenName=a')
    assert.equal(page.status, 400)
    assert.deepEqual(errorSummary(page.html), ['Enter their last name, or search by case system ID', 'Enter their date of birth, or search by case system ID'])
  })

  test('the person page opens to their referrer and to the advocacy service, not to other referrers', async () => {
    const referrer = await signedIn(t, 'referrer')
    const own = await referrer.get(`/people/${personId}`)
    assert.equal(own.status, 200)
    assert.ok(
      [...own.document.querySelectorAll('a[href]')].some((link) => (link.getAttribute('href') ?? '').startsWith(`/referrals/${referralId}`)),
      'it links to the referral',
    )
    const admin = await signedIn(t, 'admin')
    assert.equal((await admin.get(`/people/${personId}`)).status, 200)
    const other = await signedIn(t, 'otherReferrer')
    assert.equal((await other.get(`/people/${personId}`)).status, 404)
    const elsewhere = await signedIn(t, 'analyst')
    assert.equal((await elsewhere.get(`/people/${personId}`)).status, 403)
    const viewed = await t.database.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'person.viewed')
      .where('record_id', '=', personId)
      .execute()
    assert.equal(viewed.length, 2, 'each opening is audited; refusals open nothing')
  })
})
