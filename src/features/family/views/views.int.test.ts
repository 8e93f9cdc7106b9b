import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyReading } from '../../../../test/support/family-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Their views, in their words, and their own yes or no to sharing them: what lets the admin share them with the chair. */
describe(`your views (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function viewsWritten(referralId: string, views: string): Promise<void> {
    await t.database.db
      .insertInto('person_views')
      .values({ referral_id: referralId, authority_id: t.world.authorityId, views, updated_at: new Date(), updated_by: t.world.staff.admin.id })
      .execute()
  }

  async function stored(referralId: string) {
    return t.database.db.selectFrom('person_views').selectAll().where('referral_id', '=', referralId).executeTakeFirstOrThrow()
  }

  test('before there are views, it says the advocate will help', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'advocate_recorded', 'Noviews'))
    const page = await family.get('/your-advocacy/views')
    assert.equal(heading(page.document), 'Your views')
    assert.match(textOf(page.document), /You have not written down your views yet\./)
  })

  test('she reads her views and says yes to sharing them; the admin can then share them, and after that nothing changes', async () => {
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Views')
    await viewsWritten(referralId, 'I love my children.\nI want to be heard.')
    const family = await familyReading(t, crew, referralId)
    const page = await family.get('/your-advocacy/views')
    assert.equal(textOf(page.document.querySelector('[data-views]')), 'I love my children. I want to be heard.')
    assert.equal(textOf(page.document.querySelector('[data-views-state]')), 'You have not said yes to sharing your views.')

    const unanswered = await family.post('/your-advocacy/views', { version: '1' })
    assert.deepEqual(errorSummary(unanswered.document), ['Choose yes or no'])
    assert.equal((await family.post('/your-advocacy/views', { share: 'yes', version: '1' }, { withToken: false })).status, 403)

    const saved = await family.post('/your-advocacy/views', { share: 'yes', version: '1' })
    assert.equal(saved.location, '/your-advocacy/views')
    const row = await stored(referralId)
    assert.equal(row.person_agreed_to_share, true)
    assert.equal(row.agreed_on, '2026-11-24')
    assert.equal(
      textOf((await family.get('/your-advocacy/views')).document.querySelector('[data-views-state]')),
      'You said yes to sharing your views on 24 November 2026.',
    )
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'details'])
      .where('action', '=', 'advocacy.views-agreement-recorded')
      .where('record_id', '=', referralId)
      .execute()
    assert.equal(audited.length, 1)
    assert.equal(audited[0]?.actor_id, null)

    const stale = await family.post('/your-advocacy/views', { share: 'no', version: '1' })
    assert.equal(stale.status, 409)
    assert.deepEqual(errorSummary(stale.document), ['Your views changed after you opened this page. Read them again, then choose'])

    await crew.admin.get(`/referrals/${referralId}`)
    assert.equal((await crew.admin.post(`/referrals/${referralId}/share-views`, {})).status, 303)
    const shared = await family.get('/your-advocacy/views')
    assert.equal(
      textOf(shared.document.querySelector('[data-views-state]')),
      'Your views were shared with the chair on 24 November 2026. They cannot be changed now.',
    )
    assert.equal(shared.document.querySelector('form[action="/your-advocacy/views"]'), null)
    const late = await family.post('/your-advocacy/views', { share: 'no', version: String((await stored(referralId)).version) })
    assert.equal(late.status, 409)
    assert.equal((await stored(referralId)).person_agreed_to_share, true, 'shared views stay agreed')
  })

  test('hostile answers are refused with a page, never a crash', async () => {
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Hostileviews')
    await viewsWritten(referralId, 'My words.')
    const family = await familyReading(t, crew, referralId)
    await family.get('/your-advocacy/views')
    for (const body of [
      { share: 'maybe', version: '1' },
      { share: ['yes', 'no'], version: '1' },
      { share: 'yes', version: 'x'.repeat(5000) },
      { share: 'yes' },
    ]) {
      const page = await family.post('/your-advocacy/views', body)
      assert.ok(page.status === 400 || page.status === 409, `${JSON.stringify(body).slice(0, 60)} answered ${page.status}`)
    }
    assert.equal((await stored(referralId)).person_agreed_to_share, false)
  })
})
