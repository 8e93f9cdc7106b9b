import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading, tableRows, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import {
  advocate,
  completeAllModules,
  coordinatorElsewhere,
  dateParts,
  NOT_COORDINATORS,
  sectionText,
  supervisionOn,
} from '../../../../test/support/programme-steps.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import type { AdvocateFields } from '../../advocates/repository.ts'
import type { Stage } from '../../../vocabulary/advocates.ts'

describe(`the programme at a glance (${engine})`, () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  const id = (key: string) => ids[key] ?? ''
  before(async () => {
    t = await startTestApp()
    const add = async (key: string, given: string, family: string, fields: Partial<AdvocateFields> & { stage: Stage }) => {
      ids[key] = await advocate(t, { given_name: given, family_name: family, ...fields })
    }
    await add('app1', 'Alex', 'Applying', { stage: 'application' })
    await add('app2', 'Ash', 'Applying', { stage: 'application' })
    await add('conv', 'Cam', 'Conversing', { stage: 'conversation' })
    await add('train', 'Tia', 'Training', { stage: 'training' })
    await add('overdue', 'Olive', 'Overdue', { stage: 'active' })
    await add('soon', 'Dana', 'Duesoon', { stage: 'active' })
    await add('fine', 'Uma', 'Uptodate', { stage: 'active' })
    await add('short', 'Gina', 'Groupshort', { stage: 'active' })
    await add('expired', 'Ed', 'Expired', { stage: 'active', kind: 'professional_advocate', dbs_checked_on: '2023-01-01' })
    await add('rest', 'Rae', 'Resting', { stage: 'resting' })
    await add('left', 'Lee', 'Leaver', { stage: 'left' })
    for (const key of ['overdue', 'soon', 'fine', 'short']) await completeAllModules(t, id(key))
    // Default rules: a one-to-one every 8 weeks; 2 of the group sessions held in the last 12 weeks.
    await supervisionOn(t, 'one_to_one', '2026-09-01', [id('overdue')]) // due by 27 October: overdue
    await supervisionOn(t, 'one_to_one', '2026-10-13', [id('soon')]) // due by 8 December: within 14 days
    await supervisionOn(t, 'one_to_one', '2026-11-20', [id('fine')])
    await supervisionOn(t, 'one_to_one', '2026-11-19', [id('short')])
    await supervisionOn(t, 'group', '2026-10-01', [id('overdue'), id('soon'), id('fine')])
    await supervisionOn(t, 'group', '2026-11-05', [id('overdue'), id('soon'), id('fine')])
  })
  after(async () => t.close())

  test('the overview shows the pipeline, who is due or overdue for supervision, and who cannot be offered work and why', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    const page = await coordinator.get('/programme')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Peer advocate programme')

    const counts = [...page.document.querySelectorAll('#pipeline [data-stage]')].map((cell) => `${cell.getAttribute('data-stage')} ${textOf(cell)}`)
    assert.deepEqual(counts, ['application 2', 'conversation 1', 'references 0', 'dbs 0', 'training 1', 'accreditation 0', 'active 5', 'resting 1', 'left 1'])
    assert.equal(textOf(page.document.querySelector('#pipeline caption')), '11 advocates, by stage')

    const due = sectionText(page.document, 'supervision-due')
    assert.match(due, /Olive Overdue Overdue Last on 1 September 2026; was due by 27 October 2026 Attended 2 of the 2 needed in the last 12 weeks/)
    assert.match(due, /Dana Duesoon Due soon Last on 13 October 2026; due by 8 December 2026/)
    assert.match(due, /Gina Groupshort Up to date Last on 19 November 2026; due by 14 January 2027 Short Attended 0 of the 2 needed in the last 12 weeks/)
    assert.doesNotMatch(due, /Uma Uptodate/)
    assert.doesNotMatch(due, /Ed Expired/, 'professional advocates are not in the programme’s supervision')
    assert.ok(due.indexOf('Olive Overdue') < due.indexOf('Dana Duesoon'), 'the overdue come first')

    const cannot = tableRows(page.document, 'Active advocates who cannot be offered work')
    assert.deepEqual(
      cannot.map((row) => row[0]),
      ['Ed Expired', 'Gina Groupshort', 'Olive Overdue'],
      'only active advocates who cannot be offered work',
    )
    assert.match(cannot.find((row) => row[0] === 'Ed Expired')?.[1] ?? '', /DBS check expired on 1 January 2026/)
    assert.match(cannot.find((row) => row[0] === 'Olive Overdue')?.[1] ?? '', /Has had no one-to-one supervision in the last 8 weeks/)
    assert.match(cannot.find((row) => row[0] === 'Gina Groupshort')?.[1] ?? '', /Attended 0 of the 2 group supervision sessions needed in the last 12 weeks/)

    for (const key of Object.keys(ids)) assert.ok(page.document.querySelector(`a[href="/advocates/${id(key)}"]`), `${key} links to their page`)
    assert.match(textOf(page.document), /Application \(2\) Alex Applying Ash Applying/)
    assert.ok(page.document.querySelector('a[href="/programme/cohorts"]'))
    assert.ok(page.document.querySelector('a[href="/programme/supervision"]'))
    const audit = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'programme.overview-viewed').execute()
    assert.deepEqual(audit, [{ details: { advocates: 11 } }])
  })

  test('recording a one-to-one takes an advocate off the overdue list', async () => {
    const coordinator = await signedIn(t, 'coordinator')
    await coordinator.get('/programme/supervision/new')
    await coordinator.submit('/programme/supervision/new', { kind: 'one_to_one', ...dateParts('heldOn', ['24', '11', '2026']), attendees: id('overdue') })
    const page = await coordinator.get('/programme')
    assert.doesNotMatch(sectionText(page.document, 'supervision-due'), /Olive Overdue/)
    assert.doesNotMatch(sectionText(page.document, 'cannot-be-offered'), /Olive Overdue/)
  })

  test('only the coordinator sees it; another authority’s coordinator sees only their own', async () => {
    for (const who of NOT_COORDINATORS) assert.equal((await (await signedIn(t, who)).get('/programme')).status, 403, who)
    const elsewhere = await coordinatorElsewhere(t)
    const theirs = await elsewhere.get('/programme')
    assert.equal(theirs.status, 200)
    assert.equal(textOf(theirs.document.querySelector('#pipeline caption')), '0 advocates, by stage')
    assert.doesNotMatch(textOf(theirs.document), /Applying|Overdue|Expired/)
  })
})
