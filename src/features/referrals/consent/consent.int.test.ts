import { pageTests } from '../../../../test/support/page-tests.ts'
import { versionsOf } from '../../../../test/support/workflow-steps.ts'

pageTests({
  page: 'consent',
  heading: "Record the person's consent",
  who: 'admin',
  stage: 'advocate_recorded',
  valid: async ({ fixture, id }) => ({
    method: 'written',
    'date-day': '20',
    'date-month': '11',
    'date-year': '2026',
    details: 'Signed form',
    version: (await versionsOf(fixture.t.database.db, id)).sectionOne,
  }),
  then: { location: (id) => `/referrals/${id}`, state: 'in_review' },
  errors: [
    {
      label: 'nothing answered',
      body: async ({ fixture, id }) => ({ version: (await versionsOf(fixture.t.database.db, id)).sectionOne }),
      messages: ['Select how the person gave their consent', 'Enter the date the person gave their consent'],
    },
  ],
})
