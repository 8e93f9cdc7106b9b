import { pageTests } from '../../../../test/support/page-tests.ts'

// Choosing the children the meeting is about.
pageTests({
  page: 'children',
  heading: 'Which children is the meeting about?',
  who: 'referrer',
  stage: 'draft',
  valid: async ({ fixture, id }) => {
    const children = await fixture.t.database.db.selectFrom('referral_child').select('person_id').where('referral_id', '=', id).execute()
    return { childIds: children.map((child) => child.person_id) }
  },
  then: { location: (id) => `/referrals/${id}/meeting`, state: 'draft' },
  errors: [{ label: 'something that is not a child of the list', body: () => ({ childIds: 'not-an-id' }), messages: ['Select the children from the list'] }],
  secondWindow: false,
})

// Adding a child nobody has recorded yet.
pageTests({
  page: 'children/new',
  heading: 'Add a child',
  who: 'referrer',
  stage: 'draft',
  valid: () => ({ givenName: 'Ivy', familyName: 'Newchild', 'dateOfBirth-day': '1', 'dateOfBirth-month': '6', 'dateOfBirth-year': '2020' }),
  then: { location: (id) => `/referrals/${id}/children`, state: 'draft' },
  errors: [{ label: 'no name', body: () => ({}), messages: ["Enter the child's first name", "Enter the child's last name"] }],
  secondWindow: false,
})
