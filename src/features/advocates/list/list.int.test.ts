import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advocateAdded } from '../../../../test/support/advocate-steps.ts'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { eligibleAdvocate } from '../../../../test/support/pool.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`the list of the pool (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('shows each advocate’s stage, places taken and whether they can be offered work, and why not', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await advocateAdded(coordinator, { givenName: 'Rosa', familyName: 'Applicant' })
    await eligibleAdvocate(t, { givenName: 'Eve', familyName: 'Eligible', capacity: 3 })
    await eligibleAdvocate(t, { givenName: 'Oscar', familyName: 'Otherplace', authorityId: t.world.elsewhere.authorityId })
    const page = await coordinator.get('/advocates')
    assert.equal(page.status, 200)
    assert.equal(textOf(page.document.querySelector('caption')), '2 advocates')
    assert.deepEqual(tableRows(page.document), [
      [
        'Rosa Applicant Parent peer advocate',
        'Application',
        '0 of 2 taken',
        'No is not yet active; has not completed 6 modules: Advocacy skills and the role of the parent advocate; The child protection legal framework and parents’ rights; Child protection conferences; Understanding professionals’ concerns; Safeguarding; Data protection and safe data handling; has had no one-to-one supervision in the last 8 weeks; attended 0 of the 2 group supervision sessions needed in the last 12 weeks',
      ],
      ['Eve Eligible Parent peer advocate', 'Active', '0 of 3 taken', 'Yes'],
    ])
    assert.ok(page.document.querySelector('a[href="/advocates/new"]'), 'the coordinator can add one')
    const audit = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'advocate.listed').execute()
    assert.deepEqual(audit, [{ details: { count: 2 } }])
  })

  test('the advocacy admins and managers can read it but not add to it; nobody else sees it', async () => {
    for (const who of ['admin', 'manager'] as const) {
      const page = await (await signedIn(t, who)).get('/advocates')
      assert.equal(page.status, 200, who)
      assert.equal(page.document.querySelector('a[href="/advocates/new"]'), null, who)
    }
    for (const who of ['referrer', 'advocate', 'analyst', 'sysadmin'] as const)
      assert.equal((await (await signedIn(t, who)).get('/advocates')).status, 403, who)
  })
})
