import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { defaultEligibilitySettings, eligibility, type EligibilityFacts } from './eligibility.ts'
import { modules } from '../../vocabulary/advocates.ts'

const today = '2026-11-24'

const readyPeer: EligibilityFacts = {
  kind: 'parent_peer_advocate',
  stage: 'active',
  dbsCheckedOn: '2025-01-10',
  completedModules: [...modules.values],
  lastOneToOneOn: '2026-11-01',
  groupSessionsAttended: ['2026-10-01', '2026-11-05'],
  groupSessionsHeld: ['2026-09-03', '2026-10-01', '2026-11-05'],
}

describe('who may be allocated', () => {
  test('a trained, checked, supervised and active peer advocate is eligible', () => {
    assert.deepEqual(eligibility(readyPeer, today), { eligible: true, reasons: [], dbsExpiresOn: '2028-01-10' })
  })

  test('every training module must be completed, and the reason names what is missing', () => {
    const result = eligibility({ ...readyPeer, completedModules: readyPeer.completedModules.filter((module) => module !== 'safeguarding') }, today)
    assert.equal(result.eligible, false)
    assert.deepEqual(result.reasons, ['has not completed the module: Safeguarding'])
  })

  test('a DBS check counts for the set number of months, to the day', () => {
    const settings = { ...defaultEligibilitySettings, dbsValidMonths: 36 }
    assert.equal(eligibility({ ...readyPeer, dbsCheckedOn: '2023-11-25' }, today, settings).eligible, true, 'expires tomorrow')
    assert.deepEqual(eligibility({ ...readyPeer, dbsCheckedOn: '2023-11-24' }, today, settings).reasons, ['DBS check expired on 24 November 2026'])
    assert.deepEqual(eligibility({ ...readyPeer, dbsCheckedOn: null }, today, settings).reasons, ['has no DBS check recorded'])
    assert.equal(
      eligibility({ ...readyPeer, dbsCheckedOn: '2024-02-29' }, today, { ...settings, dbsValidMonths: 12 }).dbsExpiresOn,
      '2025-02-28',
      'the end of a shorter month',
    )
  })

  test('a one-to-one is needed within the set number of weeks', () => {
    assert.equal(eligibility({ ...readyPeer, lastOneToOneOn: '2026-09-29' }, today).eligible, true, 'exactly 8 weeks ago')
    assert.deepEqual(eligibility({ ...readyPeer, lastOneToOneOn: '2026-09-28' }, today).reasons, ['has had no one-to-one supervision in the last 8 weeks'])
    assert.equal(eligibility({ ...readyPeer, lastOneToOneOn: null }, today).eligible, false)
  })

  test('the required group sessions must be attended; fewer cannot be required than were held', () => {
    assert.deepEqual(eligibility({ ...readyPeer, groupSessionsAttended: ['2026-11-05'] }, today).reasons, [
      'attended 1 of the 2 group supervision sessions needed in the last 12 weeks',
    ])
    assert.equal(eligibility({ ...readyPeer, groupSessionsHeld: ['2026-11-05'], groupSessionsAttended: ['2026-11-05'] }, today).eligible, true)
    assert.equal(eligibility({ ...readyPeer, groupSessionsHeld: [], groupSessionsAttended: [] }, today).eligible, true)
    assert.equal(eligibility({ ...readyPeer, groupSessionsAttended: ['2026-01-01', '2026-02-01'] }, today).eligible, false, 'old sessions do not count')
  })

  test('a professional advocate needs only a valid DBS check (and to be active)', () => {
    const professional: EligibilityFacts = {
      ...readyPeer,
      kind: 'professional_advocate',
      completedModules: [],
      lastOneToOneOn: null,
      groupSessionsAttended: [],
    }
    assert.equal(eligibility(professional, today).eligible, true)
    assert.deepEqual(eligibility({ ...professional, dbsCheckedOn: '2020-01-01' }, today).reasons, ['DBS check expired on 1 January 2023'])
  })

  test('only active advocates are eligible, and every problem is listed', () => {
    assert.deepEqual(eligibility({ ...readyPeer, stage: 'resting' }, today).reasons, ['is resting'])
    assert.deepEqual(eligibility({ ...readyPeer, stage: 'left' }, today).reasons, ['has left the pool'])
    const applicant = eligibility(
      { ...readyPeer, stage: 'training', completedModules: [], dbsCheckedOn: null, lastOneToOneOn: null, groupSessionsAttended: [] },
      today,
    )
    assert.deepEqual(
      applicant.reasons.map((reason) => reason.split(':')[0]),
      [
        'is not yet active',
        'has no DBS check recorded',
        'has not completed 6 modules',
        'has had no one-to-one supervision in the last 8 weeks',
        'attended 0 of the 2 group supervision sessions needed in the last 12 weeks',
      ],
    )
  })
})
