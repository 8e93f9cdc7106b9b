import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { byThePerson, whatTheyDid } from './seen-by.ts'

const REFERRAL = '11111111-1111-4111-8111-111111111111'
const OTHER = '22222222-2222-4222-8222-222222222222'
const PERSON = '33333333-3333-4333-8333-333333333333'
const references = new Map([
  [REFERRAL, 'AL-00012'],
  [OTHER, 'AL-00031'],
])

function sighting(
  action: string,
  recordType: string,
  recordId: string | null,
  extra: { tray?: string; shown?: string[]; lists?: Record<string, string[]>; with?: string } = {},
) {
  return { action, recordType, recordId, tray: extra.tray ?? null, shown: extra.shown ?? [], lists: extra.lists ?? {}, with: extra.with ?? null }
}

describe('who has seen a record, in words', () => {
  const onReferral = { kind: 'referral', id: REFERRAL } as const
  const onPerson = { kind: 'person', id: PERSON } as const

  test('on a referral’s page, what was done to it', () => {
    const cases: [ReturnType<typeof sighting>, string][] = [
      [sighting('referral.viewed', 'referral', REFERRAL), 'Opened it'],
      [sighting('referral.viewed', 'referral', REFERRAL, { with: 'advocacy-record' }), 'Opened it and its advocacy record'],
      [sighting('referral.started', 'referral', REFERRAL), 'Started it'],
      [sighting('referral.meeting-downloaded', 'referral', REFERRAL), 'Downloaded the meeting to a calendar'],
      [sighting('referral.seen-by-viewed', 'referral', REFERRAL), 'Looked at who has seen it'],
      [sighting('referral.readiness-viewed', 'referral', REFERRAL), 'Opened whether the meeting is ready for the family'],
      [sighting('referral.readiness-saved', 'referral', REFERRAL), 'Changed it: recorded what is ready for the meeting'],
      [sighting('advocacy.record-viewed', 'referral', REFERRAL), 'Opened the advocacy record'],
      [sighting('worktray.viewed', 'worktray', null, { tray: 'team', shown: [REFERRAL] }), 'Saw it listed in My team’s work'],
      [sighting('worktray.viewed', 'worktray', null, { tray: 'mine', shown: [REFERRAL] }), 'Saw it listed in My work'],
      [sighting('worktray.viewed', 'worktray', null, { shown: [REFERRAL] }), 'Saw it listed in a worktray'],
      // A page of lists is one event: which of its lists showed the referral.
      [
        sighting('worktray.viewed', 'worktray', null, { tray: 'team', shown: [OTHER, REFERRAL], lists: { team: [OTHER], 'readiness-team': [REFERRAL] } }),
        'Saw it listed in My team’s work, as a meeting not ready yet',
      ],
      [
        sighting('worktray.viewed', 'worktray', null, { tray: 'mine', shown: [REFERRAL], lists: { mine: [REFERRAL], 'readiness-mine': [REFERRAL] } }),
        'Saw it listed in My work',
      ],
      [
        sighting('worktray.viewed', 'worktray', null, { tray: 'team', shown: [REFERRAL], lists: { 'feedback-waiting': [REFERRAL] } }),
        'Saw it listed in My team’s work',
      ],
      [
        sighting('worktray.viewed', 'worktray', null, { tray: 'mine', shown: [REFERRAL], lists: { endings: [REFERRAL] } }),
        'Saw it listed in My work, as ended',
      ],
      [sighting('report.referrals-listed', 'report', 'quarterly-return', { shown: [REFERRAL] }), 'Saw it listed behind a figure of the quarterly return'],
      [sighting('advocacy.home-viewed', 'advocate', OTHER, { shown: [REFERRAL] }), 'Saw it listed in their own work (My people)'],
      [sighting('referral.section-1-saved', 'referral', REFERRAL), 'Changed it: saved Section 1'],
      [sighting('referral.pass_to_manager', 'referral', REFERRAL), 'Changed it: Passed to FGC Service Manager'],
      [sighting('referral.save_referral', 'referral', REFERRAL), 'Changed it: saved the referral'],
      [sighting('referral.something-new', 'referral', REFERRAL), 'Changed it'],
    ]
    for (const [event, words] of cases) assert.equal(whatTheyDid(event, onReferral, new Map()), words, event.action)
  })

  test('on a person’s page, what was done to them, and to which of their referrals', () => {
    const cases: [ReturnType<typeof sighting>, string][] = [
      [sighting('person.searched', 'person', null, { shown: [PERSON] }), 'Found them in a search'],
      [sighting('person.viewed', 'person', PERSON), 'Opened their page'],
      [sighting('person.created', 'person', PERSON), 'Added them'],
      [sighting('person.equality-updated', 'person', PERSON), 'Changed their equality answers'],
      [sighting('person.seen-by-viewed', 'person', PERSON), 'Looked at who has seen them'],
      [sighting('referral.viewed', 'referral', OTHER), 'Opened referral AL-00031'],
      [sighting('referral.meeting-downloaded', 'referral', REFERRAL), 'Downloaded the meeting of referral AL-00012 to a calendar'],
      [
        sighting('worktray.viewed', 'worktray', null, { tray: 'team', shown: ['44444444-4444-4444-8444-444444444444', OTHER] }),
        'Saw referral AL-00031 listed in My team’s work',
      ],
      [sighting('worktray.viewed', 'worktray', null, { tray: 'team', shown: [] }), 'Saw a referral for them listed in My team’s work'],
      [
        sighting('worktray.viewed', 'worktray', null, { tray: 'mine', shown: [OTHER], lists: { 'readiness-mine': [OTHER] } }),
        'Saw referral AL-00031 listed in My work, as a meeting not ready yet',
      ],
    ]
    for (const [event, words] of cases) assert.equal(whatTheyDid(event, onPerson, references), words, event.action)
  })
})

describe('the person’s own events on their pages', () => {
  test('are told as theirs, in words', () => {
    assert.equal(byThePerson('family.page-viewed'), true)
    assert.equal(byThePerson('family.code-issued'), false, 'a code is issued by staff')
    const about = { kind: 'referral' as const, id: 'r1' }
    const sighting = (action: string) => ({ action, recordType: 'referral', recordId: 'r1', tray: null, shown: [], lists: {}, with: null })
    assert.equal(whatTheyDid(sighting('family.page-viewed'), about, new Map()), 'Read their own pages')
    assert.equal(whatTheyDid(sighting('family.code-issued'), about, new Map()), 'Changed it: gave the person a code for their own pages')
  })
})
