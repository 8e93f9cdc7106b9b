import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  CARD_DAYS,
  cardExpiresAt,
  cardOpensOn,
  cardStatus,
  feedbackReminder,
  feedbackReminderDue,
  feedbackReminderKey,
  finishedWith,
  remindedMeetingDays,
  remindingHours,
  waitsForAnswer,
  type CardNow,
} from './later.ts'

const meeting = 'meeting-1'
const now = new Date('2026-12-20T09:00:00Z')
const card: CardNow = { opensOn: '2026-12-20', expiresAt: new Date('2027-02-15T10:00:00Z'), revokedAt: null, usedAt: null, meetingId: meeting }
const later = { state: 'later', meetingId: meeting } as const

describe('answering later', () => {
  test('a card opens today, in three days or in a week, across a month and a year', () => {
    assert.equal(cardOpensOn('2026-12-17', 'today'), '2026-12-17')
    assert.equal(cardOpensOn('2026-12-17', 'few_days'), '2026-12-20')
    assert.equal(cardOpensOn('2026-12-28', 'week'), '2027-01-04')
    assert.equal(cardExpiresAt(now).getTime() - now.getTime(), CARD_DAYS * 86_400_000)
  })

  test('feedback waits only while they chose later for this meeting; it is finished once given or declined for it', () => {
    assert.equal(waitsForAnswer(later, meeting), true)
    assert.equal(waitsForAnswer(later, 'a-later-meeting'), false, 'chosen for an earlier meeting')
    assert.equal(waitsForAnswer({ state: 'given', meetingId: meeting }, meeting), false)
    assert.equal(waitsForAnswer(null, meeting), false)
    assert.equal(finishedWith({ state: 'declined', meetingId: meeting }, meeting), true)
    assert.equal(finishedWith({ state: 'given', meetingId: meeting }, meeting), true)
    assert.equal(finishedWith({ state: 'given', meetingId: 'another' }, meeting), false)
    assert.equal(finishedWith(later, meeting), false)
    assert.equal(finishedWith(undefined, meeting), false)
  })

  test('what a card’s code does: waits for its day, opens, is used once, and ends when revoked, expired or its meeting changed', () => {
    assert.equal(cardStatus(card, later, meeting, now, '2026-12-19'), 'waiting')
    assert.equal(cardStatus(card, later, meeting, now, '2026-12-20'), 'open')
    assert.equal(cardStatus({ ...card, usedAt: now }, later, meeting, now, '2026-12-20'), 'used')
    assert.equal(cardStatus(card, { state: 'given', meetingId: meeting }, meeting, now, '2026-12-20'), 'used', 'answered another way')
    assert.equal(cardStatus(card, { state: 'declined', meetingId: meeting }, meeting, now, '2026-12-20'), 'used', 'said no')
    assert.equal(cardStatus({ ...card, revokedAt: now }, later, meeting, now, '2026-12-20'), 'ended')
    assert.equal(cardStatus(card, later, meeting, card.expiresAt, '2027-02-15'), 'ended', 'at the instant it expires')
    assert.equal(cardStatus(card, later, 'a-new-meeting', now, '2026-12-20'), 'ended', 'the referral moved on to another meeting')
    assert.equal(cardStatus({ ...card, revokedAt: now, usedAt: now }, later, meeting, now, '2026-12-20'), 'used', 'a used card says so, even revoked')
  })

  test('the reminder is due from three days after the meeting to fourteen, and the job reads exactly those meetings', () => {
    assert.equal(feedbackReminderDue('2026-12-15', '2026-12-17'), false)
    assert.equal(feedbackReminderDue('2026-12-15', '2026-12-18'), true)
    assert.equal(feedbackReminderDue('2026-12-15', '2026-12-29'), true)
    assert.equal(feedbackReminderDue('2026-12-15', '2026-12-30'), false)
    const days = remindedMeetingDays('2026-12-18')
    assert.deepEqual(days, { from: '2026-12-04', to: '2026-12-15' })
    for (const [day, due] of [
      ['2026-12-03', false],
      ['2026-12-04', true],
      ['2026-12-15', true],
      ['2026-12-16', false],
    ] as const) {
      assert.equal(day >= days.from && day <= days.to, due, day)
      assert.equal(feedbackReminderDue(day, '2026-12-18'), due, day)
    }
    assert.equal(feedbackReminderKey('r', 'm'), 'feedback-reminder:r:m')
  })

  test('a reminder is queued in the UK day only, in winter and in summer time', () => {
    assert.equal(remindingHours(new Date('2026-12-18T08:59:00Z')), false)
    assert.equal(remindingHours(new Date('2026-12-18T09:00:00Z')), true)
    assert.equal(remindingHours(new Date('2026-12-18T18:59:00Z')), true)
    assert.equal(remindingHours(new Date('2026-12-18T19:00:00Z')), false)
    assert.equal(remindingHours(new Date('2026-06-18T08:00:00Z')), true, '9am in summer time')
    assert.equal(remindingHours(new Date('2026-06-18T18:00:00Z')), false, '7pm in summer time')
    assert.equal(remindingHours(new Date('2026-12-18T00:05:00Z')), false, 'never just after midnight')
  })

  test('the reminder’s words come from the catalogue and end with where to sign in, and nothing else', () => {
    const message = feedbackReminder((key) => `[${key}]`, 'https://alongside.example/your-advocacy')
    assert.deepEqual(message, {
      subject: '[messages:feedbackReminder.subject]',
      text: '[messages:feedbackReminder.text]\n\nhttps://alongside.example/your-advocacy',
    })
  })
})
