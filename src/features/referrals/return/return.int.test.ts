import assert from 'node:assert/strict'
import { test } from 'node:test'
import { textOf } from '../../../../test/support/browser.ts'
import { referralSent, signedIn } from '../../../../test/support/referral-steps.ts'
import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests(
  {
    page: 'return',
    heading: 'What more information do you need?',
    who: 'manager',
    stage: 'awaiting_decision',
    valid: () => ({ note: 'Which language does she speak best?' }),
    then: { location: () => '/', state: 'returned' },
    errors: [{ label: 'no question asked', body: () => ({ note: '  ' }), messages: ['Say what more information you need'] }],
  },
  (get) => {
    test('the manager can return it for more information, and the referrer sends it back', async () => {
      const { t } = get()
      const referrer = await signedIn(t, 'referrer')
      const id = await referralSent(referrer, { familyName: 'Returned' })
      const admin = await signedIn(t, 'admin')
      await admin.get(`/referrals/${id}/pass-to-manager`)
      await admin.post(`/referrals/${id}/pass-to-manager`, { managerId: t.world.staff.manager.id })
      const manager = await signedIn(t, 'manager')
      await manager.get(`/referrals/${id}/return`)
      assert.equal((await manager.post(`/referrals/${id}/return`, { note: 'Which language does she speak best?' })).location, '/')

      assert.match(textOf((await referrer.get('/')).html), /Add more information/)
      const check = await referrer.get(`/referrals/${id}/check`)
      assert.match(textOf(check.html), /Which language does she speak best\?/)
      const back = await referrer.post(`/referrals/${id}/check`, { note: 'Spanish, as in Section 1' })
      assert.equal(back.location, `/referrals/${id}`)
      assert.match(textOf((await manager.get('/')).html), /Returned/)
    })
  },
)
