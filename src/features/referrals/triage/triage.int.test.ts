import { pageTests } from '../../../../test/support/page-tests.ts'
import { localService } from '../../../../test/support/pool.ts'

pageTests({
  page: 'triage',
  heading: 'Triage to a local service',
  who: 'admin',
  stage: 'in_review',
  valid: async ({ fixture, id }) => ({ localServiceId: await localService(fixture.t, { name: `Triaged Service ${id}` }), note: 'Spoke to their duty worker' }),
  then: { location: (id) => `/referrals/${id}`, state: 'in_review' },
  errors: [{ label: 'no local service chosen', body: () => ({ note: 'x' }), messages: ['Select the local service'] }],
})
