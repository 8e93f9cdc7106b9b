import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
  page: 'return',
  heading: 'What more information do you need?',
  who: 'manager',
  stage: 'awaiting_decision',
  valid: () => ({ note: 'Which language does she speak best?' }),
  then: { location: () => '/', state: 'returned' },
  errors: [{ label: 'no question asked', body: () => ({ note: '  ' }), messages: ['Say what more information you need'] }],
})
