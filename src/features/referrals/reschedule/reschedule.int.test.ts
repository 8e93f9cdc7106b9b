import { pageTests } from '../../../../test/support/page-tests.ts'
import { versionsOf } from '../../../../test/support/workflow-steps.ts'

pageTests({
  page: 'reschedule',
  heading: 'Record that the meeting was rescheduled',
  who: 'referrer',
  stage: 'awaiting_admin',
  valid: async ({ fixture, id }) => ({
    'date-day': '16',
    'date-month': '12',
    'date-year': '2026',
    time: '11am',
    venue: 'Civic Centre',
    version: (await versionsOf(fixture.t.database.db, id)).meeting,
  }),
  then: { location: (id) => `/referrals/${id}`, state: 'awaiting_admin' },
  errors: [
    {
      label: 'no new date',
      body: async ({ fixture, id }) => ({ venue: 'Civic Centre', version: (await versionsOf(fixture.t.database.db, id)).meeting }),
      messages: ['Enter the date of the meeting'],
    },
  ],
})
