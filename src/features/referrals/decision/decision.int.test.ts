import { textOf } from '../../../../test/support/browser.ts'
import { referralSent, signedIn } from '../../../../test/support/referral-steps.ts'
import { referralAt, stateOf } from '../../../../test/support/workflow-steps.ts'
import { pageTests, refusedWithoutToken } from '../../../../test/support/page-tests.ts'
import { test } from 'node:test'
import assert from 'node:assert/strict'

pageTests(
  {
    page: 'decision',
    heading: "Section 2: Advocacy Manager's Decision",
    who: 'manager',
    stage: 'awaiting_decision',
    valid: () => ({
      nextAction: 'child_protection_advocacy_review',
      reasons: 'The parent would benefit from an advocate.',
      advocateType: 'parent_peer_advocate',
      priority: 'high',
    }),
    then: { location: (id) => `/referrals/${id}`, state: 'in_review' },
    errors: [{ label: 'nothing chosen', body: () => ({}), messages: ['Select the next action', 'Enter the reasons for your decision'] }],
  },
  (get) => {
    test("the manager's decision, posted without a good token, is refused and decides nothing", async () => {
      const { t, crew } = get()
      const id = await referralAt(t, crew, 'awaiting_decision', 'Forged')
      await refusedWithoutToken(t, crew.manager, `/referrals/${id}/decision`, { nextAction: 'no_further_action', reasons: 'Forged' }, id)
      assert.equal(await stateOf(t.database.db, id), 'awaiting_decision')
    })

    test('No Further Action ends the workflow and tells the referrer why', async () => {
      const { t } = get()
      const referrer = await signedIn(t, 'referrer')
      const id = await referralSent(referrer, { familyName: 'Nfa' })
      const admin = await signedIn(t, 'admin')
      await admin.get(`/referrals/${id}/pass-to-manager`)
      await admin.post(`/referrals/${id}/pass-to-manager`, { managerId: t.world.staff.otherManager.id })
      const manager = await signedIn(t, 'otherManager')
      await manager.get(`/referrals/${id}/decision`)
      await manager.post(`/referrals/${id}/decision`, { nextAction: 'no_further_action', reasons: 'The parent already has an advocate from a charity.' })

      const home = textOf((await referrer.get('/')).html)
      assert.match(home, /Referrals that have ended/)
      assert.match(home, /No Further Action/)
      const page = textOf((await referrer.get(`/referrals/${id}`)).html)
      assert.match(page, /The parent already has an advocate from a charity/)
      assert.doesNotMatch(textOf((await referrer.get('/')).html), /Referrals that have ended/, 'read once, it leaves the list')
    })
  },
)
