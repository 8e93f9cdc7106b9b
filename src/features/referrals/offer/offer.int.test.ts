import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
  page: 'offer',
  heading: "Record the advocate's answer",
  who: 'admin',
  stage: 'awaiting_advocate',
  valid: () => ({ answer: 'accept' }),
  then: { location: (id) => `/referrals/${id}`, state: 'in_review' },
  errors: [{ label: 'no answer', body: () => ({}), messages: ['Select whether the offer is accepted'] }],
})
