import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defaultEligibilitySettings } from '../advocates/eligibility.ts'
import { dueNotifications, notificationEmail } from './due.ts'

const advocate = { id: 'a1', authority_id: 'x', user_id: 'u1', dbs_checked_on: null, last_one_to_one: null }

test('a DBS check is due from 30 days before it runs out (36 months), for a professional advocate', () => {
  const facts = (today: string) =>
    dueNotifications(
      { decisions: [], offers: [], advocates: [{ ...advocate, kind: 'professional_advocate', dbs_checked_on: '2024-01-31' }] },
      today,
      defaultEligibilitySettings,
    )
  assert.deepEqual(facts('2026-12-31'), [], '31 days before')
  assert.deepEqual(
    facts('2027-01-01').map((notice) => [notice.kind, notice.dueOn, notice.key]),
    [['dbs_due', '2027-01-31', 'dbs:a1:2024-01-31']],
  )
})

test('one-to-one supervision is due 8 weeks after the last, raised 14 days before, for a parent peer advocate', () => {
  const facts = (today: string) =>
    dueNotifications(
      { decisions: [], offers: [], advocates: [{ ...advocate, kind: 'parent_peer_advocate', last_one_to_one: '2026-11-01' }] },
      today,
      defaultEligibilitySettings,
    )
  assert.deepEqual(facts('2026-12-12'), [])
  assert.deepEqual(
    facts('2026-12-13').map((notice) => [notice.kind, notice.dueOn]),
    [['supervision_due', '2026-12-27']],
  )
})

test('an offer is due by its answer-by day in the UK, and a decision by its step’s due day', () => {
  const notices = dueNotifications(
    {
      decisions: [
        {
          id: 'r1',
          authority_id: 'x',
          reference: 'AB-1',
          assigned_manager_id: 'm1',
          step_due_on: '2026-12-02',
          step_entered_at: new Date('2026-11-30T10:00:00Z'),
        },
      ],
      offers: [{ id: 'o1', authority_id: 'x', respond_by: new Date('2026-07-01T23:30:00Z'), user_id: 'u1' }],
      advocates: [],
    },
    '2026-11-30',
    defaultEligibilitySettings,
  )
  assert.deepEqual(
    notices.map((notice) => [notice.userId, notice.kind, notice.dueOn, notice.link]),
    [
      ['m1', 'decision_waiting', '2026-12-02', '/referrals/r1/decision'],
      ['u1', 'offer_waiting', '2026-07-02', '/my-people/offers/o1'],
    ],
  )
})

test('an email names the kind of task and where to sign in, nothing else', () => {
  assert.deepEqual(notificationEmail('offer_waiting', 'https://alongside.example'), {
    subject: 'Something in Alongside needs you',
    text: 'Something in Alongside needs you: a referral has been offered to you.\n\nSign in to see it:\nhttps://alongside.example/notifications\n',
  })
})
