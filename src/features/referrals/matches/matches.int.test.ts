import { pageTests } from '../../../../test/support/page-tests.ts'
import { eligibleAdvocate } from '../../../../test/support/pool.ts'

pageTests({
  page: 'matches',
  heading: 'Find an advocate',
  who: 'admin',
  stage: 'in_review',
  valid: async ({ fixture }) => ({ advocateId: await eligibleAdvocate(fixture.t, { familyName: 'Matched' }) }),
  then: { location: (id) => `/referrals/${id}`, state: 'awaiting_advocate' },
  errors: [{ label: 'nobody chosen', body: () => ({}), messages: ['Choose an advocate to offer the referral to'] }],
})
