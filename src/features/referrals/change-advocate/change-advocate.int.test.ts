import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
  page: 'change-advocate',
  heading: 'Change the advocate',
  who: 'admin',
  stage: 'advocate_recorded',
  valid: () => ({ reason: 'The advocate is unwell' }),
  then: { location: (id) => `/referrals/${id}/matches`, state: 'in_review' },
  errors: [{ label: 'no reason', body: () => ({}), messages: ['Say why the advocate is changing'] }],
})
