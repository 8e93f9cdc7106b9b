import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
  page: 'sign-off',
  heading: 'Sign off the advocacy',
  who: 'manager',
  stage: 'awaiting_sign_off',
  valid: () => ({ nextAction: 'advocacy_completed', note: 'Well done' }),
  then: { location: (id) => `/referrals/${id}`, state: 'completed' },
  errors: [
    { label: 'no next action', body: () => ({}), messages: ['Select the next action'] },
    {
      label: 'returned without saying why',
      body: () => ({ nextAction: 'return', note: '' }),
      messages: ['Say what needs to change before you can sign it off'],
    },
  ],
})
