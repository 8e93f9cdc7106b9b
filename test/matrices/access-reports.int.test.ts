import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { accessMatrix } from '../support/access-matrix.ts'
import { engine } from '../support/database.ts'
import { openFixture, type Fixture } from '../support/fixture.ts'
import { members, routes, type Member } from '../support/routes.ts'
import { isServicePage } from '../support/workflow-steps.ts'

accessMatrix('reports', 'the reports and their downloads')

/**
 * The list of referrals behind a figure names no record in its address (the figure and the period
 * are in its query), so the matrix above does not reach it: it is tried here, for every member of
 * staff, with a figure of the referral's own record and one of the advocacy record (ADR 0032).
 */
describe(`who may open the referrals behind a figure (${engine})`, () => {
  let fixture: Fixture
  before(async () => {
    fixture = await openFixture()
  })
  after(async () => fixture.close())

  const route = routes.find((candidate) => candidate.route === '/reports/referrals')
  test('the list is in the routes’ list, open to the service managers alone', () => {
    assert.deepEqual(route?.open, ['manager', 'otherManager', 'elsewhereManager'])
  })

  for (const figure of ['referrals', 'decision.progressed', 'views.shared']) {
    test(`${figure}: each service manager gets their own authority’s list; everyone else a 403 page`, async () => {
      const open = (route?.open ?? []) as readonly Member[]
      const problems: string[] = []
      for (const member of members) {
        const page = await (await fixture.as(member)).get(`/reports/referrals?figure=${figure}&period=year&year=2026`)
        const what = `${member}: ${page.status}`
        if (open.includes(member)) {
          if (page.status !== 200 || !page.html.includes('data-total')) problems.push(`${what}, but it is open to them`)
        } else if (page.status !== 403 || !isServicePage(page)) problems.push(`${what}, but it is not open to them`)
      }
      assert.deepEqual(problems, [])
    })
  }
})
