import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { advocate, completeAllModules, coordinatorElsewhere, NOT_COORDINATORS, sectionText, supervisionOn } from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`the supervision page (${engine})`, () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  before(async () => {
    t = await startTestApp()
    ids['kay'] = await advocate(t, { given_name: 'Kay', family_name: 'Supervised', stage: 'active' })
    ids['lou'] = await advocate(t, { given_name: 'Lou', family_name: 'Trainee', stage: 'training' })
    ids['olive'] = await advocate(t, { given_name: 'Olive', family_name: 'Overdue', stage: 'active' })
    for (const key of ['kay', 'olive']) await completeAllModules(t, ids[key] ?? '')
    await supervisionOn(t, 'one_to_one', '2026-11-20', [ids['kay'] ?? ''])
    await supervisionOn(t, 'group', '2026-11-18', [ids['lou'] ?? '', ids['kay'] ?? ''])
    await supervisionOn(t, 'one_to_one', '2026-09-01', [ids['olive'] ?? ''])
  })
  after(async () => t.close())

  test('lists recent sessions, newest first, with who ran them and who came; and who is due or overdue', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const page = await coordinator.get('/programme/supervision')
    assert.equal(page.status, 200)
    assert.deepEqual(tableRows(page.document, 'Recent supervision sessions, newest first'), [
      ['20 November 2026', 'One-to-one with Cora Coordinator', 'Kay Supervised', ''],
      ['18 November 2026', 'Group with Cora Coordinator', 'Kay Supervised Lou Trainee', ''],
      ['1 September 2026', 'One-to-one with Cora Coordinator', 'Olive Overdue', ''],
    ])
    for (const key of ['kay', 'lou', 'olive'])
      assert.ok(page.document.querySelector(`#recent-supervision a[href="/advocates/${ids[key]}"]`), `${key} links to their page`)
    const due = sectionText(page.document, 'supervision-due')
    assert.match(due, /Olive Overdue Overdue Last on 1 September 2026; was due by 27 October 2026 Short Attended 0 of the 1 needed in the last 12 weeks/)
    assert.doesNotMatch(due, /Kay Supervised/, 'up to date: a recent one-to-one, and the one group session held')
    assert.doesNotMatch(due, /Lou Trainee/, 'only active advocates are due')
    const audit = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'programme.supervision-viewed').execute()
    assert.deepEqual(audit, [{ details: { sessions: 3 } }])
  })

  test('only the coordinator sees it; another authority’s coordinator sees nothing of ours', async () => {
    for (const who of NOT_COORDINATORS) assert.equal((await (await signedIn(t, who)).get('/programme/supervision')).status, 403, who)
    const elsewhere = await coordinatorElsewhere(t)
    const theirs = await elsewhere.get('/programme/supervision')
    assert.equal(theirs.status, 200)
    assert.doesNotMatch(textOf(theirs.document), /Supervised|Trainee|Overdue Last/)
  })
})
