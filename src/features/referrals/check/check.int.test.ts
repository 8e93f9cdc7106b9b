import assert from 'node:assert/strict'
import { test } from 'node:test'
import { errorSummary } from '../../../../test/support/browser.ts'
import { pageTests } from '../../../../test/support/page-tests.ts'
import { referralAt, snapshot } from '../../../../test/support/workflow-steps.ts'

pageTests(
  {
    page: 'check',
    heading: 'Check your answers and send the request',
    who: 'referrer',
    stage: 'complete_draft',
    valid: () => ({ note: 'Thank you' }),
    then: { location: (id) => `/referrals/${id}/sent`, state: 'awaiting_admin' },
    errors: [{ label: 'a note over 2,000 characters', body: () => ({ note: 'x'.repeat(2001) }), messages: ['Note must be 2,000 characters or fewer'] }],
  },
  (get) => {
    test('a draft without its meeting is not sent: the summary says what is missing', async () => {
      const { t, crew } = get()
      const id = await referralAt(t, crew, 'draft', 'Unfinished')
      await crew.referrer.get(`/referrals/${id}/check`)
      const before = await snapshot(t.database.db, id)
      assert.equal((await crew.referrer.post(`/referrals/${id}/check`, { note: 'Sent too soon' })).location, `/referrals/${id}/check`)
      assert.deepEqual(errorSummary((await crew.referrer.get(`/referrals/${id}/check`)).document), ['Add the meeting the advocate is needed for'])
      assert.deepEqual(await snapshot(t.database.db, id), before)
    })
  },
)
