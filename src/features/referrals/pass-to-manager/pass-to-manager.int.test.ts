import { pageTests } from '../../../../test/support/page-tests.ts'

pageTests({
  page: 'pass-to-manager',
  heading: 'Pass to FGC Service Manager',
  who: 'admin',
  stage: 'awaiting_admin',
  valid: ({ fixture }) => ({ managerId: fixture.t.world.staff.manager.id, note: 'Please decide' }),
  then: { location: () => '/team-work', state: 'awaiting_decision' },
  errors: [
    { label: 'no service manager chosen', body: () => ({ note: 'Please decide' }), messages: ['Select a service manager'] },
    {
      label: 'a referrer chosen as the service manager',
      body: ({ fixture }) => ({ managerId: fixture.t.world.staff.referrer.id }),
      messages: ['Choose a service manager from the list'],
    },
  ],
})
