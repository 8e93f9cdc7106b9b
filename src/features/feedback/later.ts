/**
 * @pure
 *
 * Answering later (issue 11): when a card's questionnaire opens and how long the card works, what a
 * card says when its code is typed, whether feedback still waits for the person, and when the one
 * reminder of it is due. Plain values in, an answer out.
 */

import type { MessageValues } from '../../platform/i18n/translations.ts'
import { addDays } from '../../platform/time/calendar.ts'
import type { FeedbackState } from './questionnaire.ts'

/** When a card opens, as staff pick it at the meeting: today, in a few days, in a week. */
export const cardOpenings = ['today', 'few_days', 'week'] as const
export type CardOpening = (typeof cardOpenings)[number]

const OPENS_AFTER_DAYS: Readonly<Record<CardOpening, number>> = { today: 0, few_days: 3, week: 7 }

/** How long a card works after it is issued. */
export const CARD_DAYS = 60

/** A reminder goes this many days after the meeting, and not once the meeting is this far behind. */
export const REMIND_AFTER_DAYS = 3
export const REMIND_UNTIL_DAYS = 14

/** The UK day a card opens, issued on `today`. */
export function cardOpensOn(today: string, opening: CardOpening): string {
  return addDays(today, OPENS_AFTER_DAYS[opening])
}

/** The instant a card stops working, issued at `now`. */
export function cardExpiresAt(now: Date): Date {
  return new Date(now.getTime() + CARD_DAYS * 86_400_000)
}

/** What the person chose for the referral's meeting, as the feedback request keeps it. */
export interface RequestNow {
  readonly state: FeedbackState
  readonly meetingId: string
}

/** Whether feedback waits for the person about this meeting: they chose later, for this meeting, and have not answered or said no. */
export function waitsForAnswer(request: RequestNow | undefined | null, meetingId: string): boolean {
  return request?.state === 'later' && request.meetingId === meetingId
}

/** Whether the person has finished with this meeting's feedback: answered, or said no (never asked again). */
export function finishedWith(request: RequestNow | undefined | null, meetingId: string): boolean {
  return request?.meetingId === meetingId && (request.state === 'given' || request.state === 'declined')
}

export interface CardNow {
  readonly opensOn: string
  readonly expiresAt: Date
  readonly revokedAt: Date | null
  readonly usedAt: Date | null
  readonly meetingId: string
}

/**
 * What a card's code does now: `open` (the questionnaire), `waiting` (not before its day), `used`
 * (answered, with this card or another way, or the person said no), or `ended` (revoked, expired,
 * or for a meeting the referral no longer has): an ended card reads as a code that opens nothing.
 */
export type CardStatus = 'open' | 'waiting' | 'used' | 'ended'

export function cardStatus(card: CardNow, request: RequestNow | undefined | null, currentMeetingId: string | null, now: Date, today: string): CardStatus {
  if (card.usedAt || finishedWith(request, card.meetingId)) return 'used'
  if (card.revokedAt || now >= card.expiresAt || card.meetingId !== currentMeetingId) return 'ended'
  if (today < card.opensOn) return 'waiting'
  return 'open'
}

/** Whether the one reminder of feedback that waits is due: from a few days after the meeting, for a while. */
export function feedbackReminderDue(meetingDate: string, today: string): boolean {
  return today >= addDays(meetingDate, REMIND_AFTER_DAYS) && today <= addDays(meetingDate, REMIND_UNTIL_DAYS)
}

/** The reminder's first and last meeting days, for `today`: the meetings whose reminder is due. */
export function remindedMeetingDays(today: string): { readonly from: string; readonly to: string } {
  return { from: addDays(today, -REMIND_UNTIL_DAYS), to: addDays(today, -REMIND_AFTER_DAYS) }
}

/** The UK hours a reminder may be queued in: a text in the night could wake, worry, or be seen by someone else. */
export const REMIND_FROM_HOUR = 9
export const REMIND_BEFORE_HOUR = 19

const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' })

/** Whether `now` is within the hours a reminder may be queued, in the UK. */
export function remindingHours(now: Date): boolean {
  const hour = Number(londonHour.format(now))
  return hour >= REMIND_FROM_HOUR && hour < REMIND_BEFORE_HOUR
}

/** One reminder for one referral's meeting, ever. */
export function feedbackReminderKey(referralId: string, meetingId: string): string {
  return `feedback-reminder:${referralId}:${meetingId}`
}

/** The reminder's words, from the `messages` catalogue: no name, no meeting, only where to sign in. */
export function feedbackReminder(t: (key: string, values?: MessageValues) => string, signInUrl: string): { readonly subject: string; readonly text: string } {
  return { subject: t('messages:feedbackReminder.subject'), text: `${t('messages:feedbackReminder.text')}\n\n${signInUrl}` }
}
