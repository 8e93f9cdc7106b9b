import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
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
})
