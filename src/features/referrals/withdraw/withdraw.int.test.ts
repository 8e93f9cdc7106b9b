import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
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
})
