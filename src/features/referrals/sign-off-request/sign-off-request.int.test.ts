import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
  page: 'sign-off-request',
  heading: 'Send to FGC Service Manager for sign-off',
  who: 'admin',
  stage: 'outcome_recorded',
  valid: ({ fixture }) => ({ managerId: fixture.t.world.staff.manager.id, note: 'Ready for sign-off' }),
  then: { location: () => '/team-work', state: 'awaiting_sign_off' },
  errors: [
    { label: 'no service manager chosen', body: () => ({}), messages: ['Select a service manager'] },
    {
      label: 'an advocate chosen as the service manager',
      body: ({ fixture }) => ({ managerId: fixture.t.world.staff.advocate.id }),
      messages: ['Choose a service manager from the list'],
    },
  ],
})
