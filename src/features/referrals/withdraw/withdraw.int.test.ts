import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { referralSent, signedIn } from '../../../../test/support/referral-steps.ts'
import { referralAt, snapshot, stateOf } from '../../../../test/support/workflow-steps.ts'
import { pageTests, refusedWithoutToken } from '../../../../test/support/page-tests.ts'
import { Browser } from '../../../../test/support/browser.ts'
import { test } from 'node:test'
import assert from 'node:assert/strict'

pageTests(
  {
    page: 'withdraw',
    heading: 'Withdraw this referral',
    who: 'referrer',
    stage: 'awaiting_admin',
    valid: () => ({ reason: 'made_in_error' }),
    then: { location: () => '/', state: 'withdrawn' },
    errors: [
      { label: 'no reason', body: () => ({}), messages: ['Select why the referral is being withdrawn'] },
      { label: 'another reason, not given', body: () => ({ reason: 'other', details: '' }), messages: ['Say why the referral is being withdrawn'] },
    ],
  },
  (get) => {
    test('withdrawing a referral without a good token is refused, and it stays where it was', async () => {
      const { t, crew } = get()
      const id = await referralAt(t, crew, 'awaiting_admin', 'Forged')
      await refusedWithoutToken(t, crew.referrer, `/referrals/${id}/withdraw`, { reason: 'made_in_error' }, id)
      assert.equal(await stateOf(t.database.db, id), 'awaiting_admin')
    })

    test("a token from another person's session is refused too", async () => {
      const { t, crew } = get()
      const id = await referralAt(t, crew, 'awaiting_admin', 'Forged')
      const stranger = new Browser(t.app)
      await stranger.get('/sign-in')
      assert.ok(stranger.csrfToken)
      await crew.referrer.get(`/referrals/${id}/withdraw`)
      const before = await snapshot(t.database.db, id)
      const page = await crew.referrer.post(`/referrals/${id}/withdraw`, { reason: 'made_in_error' }, { token: stranger.csrfToken })
      assert.equal(page.status, 403)
      assert.deepEqual(await snapshot(t.database.db, id), before)
    })

    test('a referral can be withdrawn with a reason, and leaves every worktray', async () => {
      const { t } = get()
      const referrer = await signedIn(t, 'referrer')
      const id = await referralSent(referrer, { familyName: 'Withdrawn' })
      await referrer.get(`/referrals/${id}/withdraw`)
      const refused = await referrer.post(`/referrals/${id}/withdraw`, { reason: 'other' })
      assert.equal(refused.location, `/referrals/${id}/withdraw`)
      assert.deepEqual(errorSummary((await referrer.get(`/referrals/${id}/withdraw`)).html), ['Say why the referral is being withdrawn'])
      assert.equal((await referrer.post(`/referrals/${id}/withdraw`, { reason: 'meeting_cancelled' })).location, '/')
      const admin = await signedIn(t, 'admin')
      assert.doesNotMatch(textOf((await admin.get('/team-work')).html), /Withdrawn/)
      assert.match(textOf((await referrer.get(`/referrals/${id}`)).html), /The meeting was cancelled/)
    })
  },
)
