import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'
import { uploaded } from '../../../../test/support/upload.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

const PHOTO = await sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 90, g: 140, b: 200 } } })
  .jpeg()
  .toBuffer()

const INTRODUCTION = 'I work with families in the north of the borough. I will meet you before the core group.'

/** Issue 10: a social worker's photo and introduction, shown to the families they refer when they and their authority choose. */
describe(`a social worker's page for families (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('shown only when the social worker chooses and the authority allows it; every change audited', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Profiled')
    const family = await familyReading(t, crew, referralId)
    const introductionOnStatus = async () => textOf((await family.get('/your-advocacy')).document.querySelector('[data-social-worker-introduction]'))

    const page = await crew.referrer.get('/account/for-families')
    assert.equal(page.status, 200)
    assert.match(textOf(page.document), /Your authority has not chosen to show families/)
    const saved = await crew.referrer.submit('/account/for-families', { introduction: INTRODUCTION, shownToFamilies: 'yes', version: versionOn(page.html) })
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Families you refer can see this/)
    assert.equal((await uploaded(t, crew.referrer, '/account/for-families/photo', {}, { name: 'me.jpg', type: 'image/jpeg', bytes: PHOTO })).statusCode, 303)
    assert.equal(await introductionOnStatus(), '', 'the authority has not chosen it: only the name')
    assert.equal((await family.get('/your-advocacy/social-worker/photo')).status, 404)

    const manager = await signedIn(t, 'manager')
    const rules = await manager.get('/admin/settings/families')
    await manager.submit('/admin/settings/families', { socialWorkersShownToFamilies: 'yes', version: versionOn(rules.html) })
    const status = await family.get('/your-advocacy')
    assert.match(textOf(status.document.querySelector('[data-social-worker-introduction]')), /I work with families in the north of the borough/)
    assert.ok(status.document.querySelector('img[src="/your-advocacy/social-worker/photo"]'), 'the photo is on the page')
    const glossary = [...status.document.querySelectorAll('[data-social-worker-introduction] .app-glossary-term')].map((term) => textOf(term).toLowerCase())
    assert.ok(glossary.includes('core group'), 'their words are explained with the glossary')
    const photo = await family.get('/your-advocacy/social-worker/photo')
    assert.equal(photo.status, 200)

    const again = await crew.referrer.get('/account/for-families')
    await crew.referrer.submit('/account/for-families', { introduction: INTRODUCTION, shownToFamilies: 'no', version: versionOn(again.html) })
    assert.equal(await introductionOnStatus(), '', 'the social worker changed their mind')
    assert.equal((await family.get('/your-advocacy/social-worker/photo')).status, 404)

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('action', 'in', ['profile.changed', 'profile.photo-set', 'settings.family_rules_changed'])
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audit.map((row) => row.action),
      ['profile.changed', 'profile.photo-set', 'settings.family_rules_changed', 'profile.changed'],
    )
    const views = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'family.page-viewed').execute()
    assert.ok(
      views.some((row) => JSON.stringify(row.details).includes('social-worker-photo')),
      'the family seeing the photo is audited',
    )
  })

  test('each error shows in the summary and nothing is saved; a post without its token is refused', async () => {
    const referrer = await signedIn(t, 'otherReferrer')
    const version = versionOn((await referrer.get('/account/for-families')).html)
    const refused = await referrer.submit('/account/for-families', { introduction: 'x'.repeat(601), version })
    assert.deepEqual(errorSummary(refused.document), [
      'Your introduction must be 600 characters or fewer',
      'Select yes if families you refer may see your photo and introduction',
    ])
    assert.equal((await referrer.post('/account/for-families', { introduction: 'Hello', shownToFamilies: 'yes', version }, { withToken: false })).status, 403)
    const missing = await uploaded(t, referrer, '/account/for-families/photo', {})
    assert.equal(missing.statusCode, 303)
    assert.deepEqual(errorSummary((await referrer.get('/account/for-families/photo')).document), ['Choose a photo'])
    const rows = await t.database.db.selectFrom('staff_profile').select('user_id').where('user_id', '=', t.world.staff.otherReferrer.id).execute()
    assert.deepEqual(rows, [])
  })

  test('a second window is told the page changed, and keeps nothing of its own', async () => {
    const referrer = await signedIn(t, 'otherReferrer')
    const first = await referrer.get('/account/for-families')
    const second = await referrer.get('/account/for-families')
    await referrer.submit('/account/for-families', { introduction: 'First window', shownToFamilies: 'yes', version: versionOn(first.html) })
    const late = await referrer.submit('/account/for-families', { introduction: 'Second window', shownToFamilies: 'no', version: versionOn(second.html) })
    assert.match(textOf(late.document.querySelector('.govuk-error-summary')), /changed after you opened it|saved/i)
    const row = await t.database.db
      .selectFrom('staff_profile')
      .select(['introduction', 'shown_to_families'])
      .where('user_id', '=', t.world.staff.otherReferrer.id)
      .executeTakeFirst()
    assert.deepEqual(row, { introduction: 'First window', shown_to_families: true })
  })

  test('only a social worker has one: others are refused', async () => {
    for (const who of ['admin', 'advocate', 'analyst'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/account/for-families')).status, 403, who)
      assert.equal((await browser.get('/account/for-families/photo/image')).status, 403, who)
    }
  })
})
