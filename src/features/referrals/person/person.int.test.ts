import { pageTests } from '../../../../test/support/page-tests.ts'

async function parentOf(
  fixture: { t: { database: { db: import('kysely').Kysely<import('../../../platform/db/schema.ts').Schema> } } },
  id: string,
): Promise<string> {
  const row = await fixture.t.database.db.selectFrom('referral').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()
  return row.person_id ?? ''
}

// Finding the parent or carer among the people recorded already.
pageTests({
  page: 'person',
  heading: 'Find the parent or carer',
  who: 'referrer',
  stage: 'draft',
  valid: async ({ fixture, id }) => ({ personId: await parentOf(fixture, id) }),
  then: { location: (id) => `/referrals/${id}/children`, state: 'draft' },
  errors: [{ label: 'nobody chosen', body: () => ({}), messages: ['Select a person'] }],
  secondWindow: false,
})

// Adding a parent or carer nobody has recorded yet.
pageTests({
  page: 'person/new',
  heading: 'Add a new parent or carer',
  who: 'referrer',
  stage: 'draft',
  valid: () => ({ givenName: 'Maria', familyName: 'Newperson', 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '1990' }),
  then: { location: (id) => `/referrals/${id}/children`, state: 'draft' },
  errors: [
    { label: 'no name', body: () => ({}), messages: ["Enter the parent or carer's first name", "Enter the parent or carer's last name"] },
    {
      label: 'a date of birth in the future',
      body: () => ({ givenName: 'Maria', familyName: 'Newperson', 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2027' }),
      messages: ['Date of birth must be in the past'],
    },
  ],
  secondWindow: false,
})
