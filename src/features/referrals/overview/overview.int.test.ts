import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { errorSummary, heading } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { openFixture, type Fixture } from '../../../../test/support/fixture.ts'
import { refusedWithoutToken } from '../../../../test/support/page-tests.ts'
import { referralAt, snapshot } from '../../../../test/support/workflow-steps.ts'

/** The referral's own page, /referrals/:id, and the one form it holds: sharing the person's views. */
describe(`/referrals/:id (${engine})`, () => {
  let fixture: Fixture
  before(async () => {
    fixture = await openFixture()
  })
  after(async () => fixture.close())

  test("opens for the referrer and the service, headed by the person's name", async () => {
    const { t, crew } = fixture
    const id = await referralAt(t, crew, 'awaiting_admin', 'Overview')
    for (const browser of [crew.referrer, crew.admin, crew.manager]) {
      const page = await browser.get(`/referrals/${id}`)
      assert.equal(page.status, 200)
      assert.equal(heading(page.document), 'Maria Overview')
    }
  })

  test('sharing views the advocate has not recorded is refused with a message, and nothing changes', async () => {
    const { t, crew } = fixture
    const id = await referralAt(t, crew, 'advocate_recorded', 'Noviews', { advocateId: fixture.avrilId })
    await crew.admin.get(`/referrals/${id}`)
    const before = await snapshot(t.database.db, id)
    assert.equal((await crew.admin.post(`/referrals/${id}/share-views`, {})).location, `/referrals/${id}`)
    assert.deepEqual(errorSummary((await crew.admin.get(`/referrals/${id}`)).document), ['There are no views to share yet'])
    assert.deepEqual(await snapshot(t.database.db, id), before)
  })

  test('sharing the views without a good token is refused, and nothing changes', async () => {
    const { t, crew } = fixture
    const id = await referralAt(t, crew, 'advocate_recorded', 'Forgedshare', { advocateId: fixture.avrilId })
    await refusedWithoutToken(t, crew.admin, `/referrals/${id}/share-views`, {}, id)
  })
})
