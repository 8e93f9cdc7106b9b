import { createHmac } from 'node:crypto'
import { auditActorOf, recordAudit, type ShownLists } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ConflictError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import type { Translations } from '../../platform/i18n/translations.ts'
import { isId } from '../../platform/ids.ts'
import { queueMessage } from '../../platform/mail/outbox.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { MeetingType } from '../../vocabulary/referrals.ts'
import { groupedCode, hashCode, isCodeShaped, newCode, normaliseCode } from '../family/codes.ts'
import { recordedLanguage } from '../family/family-request.ts'
import { GUESS_COUNT_FORGOTTEN_AFTER_MS } from '../sign-in/throttle.ts'
import { noCodeCounter, reserveFamilyGuess, type FamilyThrottlePolicy } from '../family/throttle.ts'
import { addResponse, mustBeAskable, referralFor } from './feedback-service.ts'
import * as requests from './feedback-repository.ts'
import {
  cardExpiresAt,
  cardOpensOn,
  cardStatus,
  feedbackReminder,
  feedbackReminderKey,
  finishedWith,
  remindedMeetingDays,
  remindingHours,
  waitsForAnswer,
  type CardOpening,
  type CardStatus,
} from './later.ts'
import * as repository from './later-repository.ts'
import { saysSomething, type Answers } from './questionnaire.ts'

/**
 * Answering later (issue 11, ADR 24): feedback the person chose to give later waits on their own
 * pages and in their advocate's work until they answer or say no; a code on a card opens the
 * questionnaire for one meeting, once, from the day they picked; and one reminder goes by the way
 * they chose a few days after the meeting. Nothing of a card's code is kept but its keyed hash, and
 * nothing of it is audited or logged.
 */

export interface FeedbackContext extends ServiceContext {
  /** The key card codes are hashed under (`cardCodeKey`). */
  readonly cardKey: Buffer
  /** How codes that open nothing are held back: the family sign-in's counter for them. */
  readonly cardThrottle: FamilyThrottlePolicy
  readonly translations: Translations
  /** Where a family member signs in: the one link a reminder holds. */
  readonly signInUrl: string
}

/** The key card codes are hashed under: the service's secret, through HMAC with a label of its own (not the family code's). */
export function cardCodeKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('alongside feedback card key').digest()
}

/** A family member on their own pages: the referral their code opens, and where they are. */
export interface FamilyAnswerer {
  readonly authorityId: string
  readonly referralId: string
  readonly codeId: string
  readonly ip: string | null
}

const familyActor = (family: FamilyAnswerer) => ({ userId: null, authorityId: family.authorityId, ip: family.ip })

export interface WaitingMeeting {
  readonly meetingId: string
  readonly meetingType: MeetingType
  readonly meetingDate: string
}

/** The meetings whose feedback waits for this family member (their referral's, if they chose later). Audited as a page seen. */
export async function familyFeedbackWaiting(context: FeedbackContext, family: FamilyAnswerer): Promise<readonly WaitingMeeting[]> {
  const row = await repository.familyFeedbackOf(context.db, family.authorityId, family.referralId)
  await recordAudit(context.db, familyActor(family), {
    action: 'family.page-viewed',
    recordType: 'referral',
    recordId: family.referralId,
    details: { page: 'feedback', codeId: family.codeId },
  })
  if (!row || !waitsForAnswer(row.state ? { state: row.state, meetingId: row.request_meeting_id ?? '' } : null, row.meeting_id)) return []
  return [{ meetingId: row.meeting_id, meetingType: row.meeting_type, meetingDate: row.meeting_date }]
}

/** Whether feedback waits on their status page: read without auditing a page of its own (the status page is audited). */
export async function familyFeedbackCount(context: FeedbackContext, family: FamilyAnswerer): Promise<number> {
  const row = await repository.familyFeedbackOf(context.db, family.authorityId, family.referralId)
  return row && waitsForAnswer(row.state ? { state: row.state, meetingId: row.request_meeting_id ?? '' } : null, row.meeting_id) ? 1 : 0
}

export type FamilyQuestionnaire = { readonly status: 'waiting'; readonly meeting: WaitingMeeting } | { readonly status: 'finished' }

/** One meeting's questionnaire on their own pages: only their referral's meeting, and only if they chose later (else "not found"). */
export async function familyQuestionnaire(context: FeedbackContext, family: FamilyAnswerer, meetingId: string): Promise<FamilyQuestionnaire> {
  if (!isId(meetingId)) throw new NotFoundError('No such meeting')
  const row = await repository.familyFeedbackOf(context.db, family.authorityId, family.referralId)
  if (!row || row.meeting_id !== meetingId) throw new NotFoundError('No such meeting')
  const request = row.state ? { state: row.state, meetingId: row.request_meeting_id ?? '' } : null
  await recordAudit(context.db, familyActor(family), {
    action: 'family.page-viewed',
    recordType: 'referral',
    recordId: family.referralId,
    details: { page: 'feedback-questions', codeId: family.codeId },
  })
  if (finishedWith(request, meetingId)) return { status: 'finished' }
  if (!waitsForAnswer(request, meetingId)) throw new NotFoundError('Nothing waits for this meeting')
  return { status: 'waiting', meeting: { meetingId, meetingType: row.meeting_type, meetingDate: row.meeting_date } }
}

/**
 * Their answers, or their "no", from their own pages, in one transaction that locks the request
 * first: a second window's post finds it finished and keeps nothing ("finished").
 */
async function finishFromOwnPages(
  context: FeedbackContext,
  family: FamilyAnswerer,
  meetingId: string,
  finish: { readonly answers: Answers; readonly language: string } | 'declined',
): Promise<'done' | 'finished'> {
  if (!isId(meetingId)) throw new NotFoundError('No such meeting')
  return context.db.transaction().execute(async (trx) => {
    const row = await repository.familyFeedbackOf(trx, family.authorityId, family.referralId)
    if (!row || row.meeting_id !== meetingId) throw new NotFoundError('No such meeting')
    const locked = await requests.lockRequest(trx, row.id)
    const request = locked ? { state: locked.state, meetingId: locked.meeting_id } : null
    if (finishedWith(request, meetingId)) return 'finished'
    if (!waitsForAnswer(request, meetingId)) throw new NotFoundError('Nothing waits for this meeting')
    const where = { authorityId: family.authorityId, referralId: row.id, meetingId, meetingDate: row.meeting_date }
    if (finish === 'declined') {
      await requests.setRequest(trx, { ...where, state: 'declined', changedBy: null, at: context.clock.now() })
      await recordAudit(trx, familyActor(family), {
        action: 'feedback.declined',
        recordType: 'referral',
        recordId: row.id,
        details: { by: 'family', codeId: family.codeId },
      })
    } else {
      await addResponse(context, trx, where, { channel: 'own_pages', language: finish.language, answers: finish.answers, enteredBy: null }, familyActor(family))
    }
    return 'done'
  })
}

export async function answerFromOwnPages(
  context: FeedbackContext,
  family: FamilyAnswerer,
  meetingId: string,
  given: { readonly answers: Answers; readonly language: string },
): Promise<'given' | 'finished'> {
  if (!saysSomething(given.answers)) throw new WorkflowRefusedError('feedback:errors.nothing')
  return (await finishFromOwnPages(context, family, meetingId, given)) === 'done' ? 'given' : 'finished'
}

export async function declineFromOwnPages(context: FeedbackContext, family: FamilyAnswerer, meetingId: string): Promise<'declined' | 'finished'> {
  return (await finishFromOwnPages(context, family, meetingId, 'declined')) === 'done' ? 'declined' : 'finished'
}

export interface IssuedCard {
  readonly referralId: string
  /** As printed: "ACDE-FHJK-MNPR". Shown once; only its keyed hash is kept. */
  readonly code: string
  readonly opensOn: string
  readonly expiresAt: Date
}

/**
 * A card for the referral's meeting, opening on the day picked: the person chose to answer later
 * (recorded so, if it was not yet). Any card issued before for the referral stops working. Refused
 * once they have answered or said no; a change to what they chose since the page opened is a conflict.
 */
export async function issueCard(
  context: FeedbackContext,
  caller: Caller,
  referralId: string,
  card: { readonly opening: CardOpening; readonly version: number },
): Promise<IssuedCard> {
  const { clock } = context
  return context.db.transaction().execute(async (trx) => {
    const row = await referralFor(trx, caller, referralId)
    const now = clock.now()
    const today = londonDate(now)
    mustBeAskable(row.meeting_date, today)
    const locked = await requests.lockRequest(trx, row.id)
    const current = locked && locked.meeting_id === row.meeting_id ? locked : undefined
    if ((current?.version ?? 0) !== card.version) throw new ConflictError('The feedback was changed after the page was opened')
    if (current && current.state !== 'later') throw new WorkflowRefusedError('They have already answered, or said no, about this meeting')
    await repository.revokeCards(trx, row.id, caller.user.id, now)
    const code = newCode()
    const opensOn = cardOpensOn(today, card.opening)
    const expiresAt = cardExpiresAt(now)
    await repository.issueCard(trx, {
      codeHash: hashCode(context.cardKey, code),
      authorityId: caller.user.authorityId,
      referralId: row.id,
      meetingId: row.meeting_id,
      opensOn,
      expiresAt,
      issuedBy: caller.user.id,
      at: now,
    })
    if (!current)
      await requests.setRequest(trx, {
        referralId: row.id,
        authorityId: caller.user.authorityId,
        meetingId: row.meeting_id,
        state: 'later',
        changedBy: caller.user.id,
        at: now,
      })
    await recordAudit(trx, auditActorOf(caller), { action: 'feedback.card-issued', recordType: 'referral', recordId: row.id, details: { opensOn } })
    return { referralId: row.id, code: groupedCode(code), opensOn, expiresAt }
  })
}

/** Stops the referral's cards working. Says how many were. */
export async function revokeCards(context: FeedbackContext, caller: Caller, referralId: string): Promise<number> {
  return context.db.transaction().execute(async (trx) => {
    const row = await referralFor(trx, caller, referralId)
    const revoked = await repository.revokeCards(trx, row.id, caller.user.id, context.clock.now())
    await recordAudit(trx, auditActorOf(caller), { action: 'feedback.card-revoked', recordType: 'referral', recordId: row.id, details: { revoked } })
    return revoked
  })
}

export type CardAnswer =
  | { readonly kind: 'open' }
  | { readonly kind: 'waiting'; readonly opensOn: string }
  | { readonly kind: 'used' }
  /** The code opens nothing (never was, revoked, expired): all look the same. */
  | { readonly kind: 'refused' }
  /** Too many codes that opened nothing from this address: wait. */
  | { readonly kind: 'wait'; readonly until: Date }

type CardRow = NonNullable<Awaited<ReturnType<typeof repository.cardBy>>>

function statusOf(context: FeedbackContext, card: CardRow): CardStatus {
  const now = context.clock.now()
  return cardStatus(
    { opensOn: card.opens_on, expiresAt: card.expires_at, revokedAt: card.revoked_at, usedAt: card.used_at, meetingId: card.meeting_id },
    card.state ? { state: card.state, meetingId: card.request_meeting_id ?? '' } : null,
    card.current_meeting_id,
    now,
    londonDate(now),
  )
}

/**
 * A code that opens nothing is counted against the address it came from, after the code is looked
 * up: a working card is never held back by what others at the same address typed, so a throttle
 * cannot be turned against the person holding it (the codes cannot be guessed; this stops a flood).
 */
async function refused(context: FeedbackContext, card: CardRow | undefined, ip: string): Promise<CardAnswer> {
  const { db, clock } = context
  const reservation = await db.transaction().execute(async (trx) => {
    const count = await repository.lockGuessCount(trx, ip)
    const reserved = reserveFamilyGuess([noCodeCounter(context.cardThrottle, count)], clock.now())
    if (reserved.allowed && reserved.counts[0]) await repository.saveGuessCount(trx, ip, reserved.counts[0])
    return reserved
  })
  const actor = { userId: null, authorityId: card?.authority_id ?? null, ip }
  if (!reservation.allowed) {
    await recordAudit(db, actor, { action: 'feedback.card-throttled', recordType: 'feedback-card' })
    return { kind: 'wait', until: reservation.until }
  }
  await recordAudit(db, actor, {
    action: 'feedback.card-refused',
    recordType: card ? 'referral' : 'feedback-card',
    recordId: card?.referral_id ?? null,
    details: { reason: card ? 'card-ended' : 'no-such-card' },
  })
  return { kind: 'refused' }
}

async function cardFor(context: FeedbackContext, typed: string, lock?: Parameters<typeof repository.cardBy>[0]) {
  const normalised = normaliseCode(typed)
  if (!isCodeShaped(normalised)) return undefined
  return repository.cardBy(lock ?? context.db, hashCode(context.cardKey, normalised), lock !== undefined)
}

/** What a typed card code opens now. Every use is audited, against the referral, never with the code. */
export async function openCard(context: FeedbackContext, given: { readonly code: string; readonly ip: string }): Promise<CardAnswer> {
  const card = await cardFor(context, given.code)
  const status = card ? statusOf(context, card) : 'ended'
  if (!card || status === 'ended') return refused(context, card, given.ip)
  await recordAudit(
    context.db,
    { userId: null, authorityId: card.authority_id, ip: given.ip },
    { action: 'feedback.card-used', recordType: 'referral', recordId: card.referral_id, details: { cardId: card.id, status } },
  )
  if (status === 'waiting') return { kind: 'waiting', opensOn: card.opens_on }
  if (status === 'used') return { kind: 'used' }
  return { kind: 'open' }
}

/** Answers given with a card, kept once: the card is locked, then marked used with the response. */
export async function answerWithCard(
  context: FeedbackContext,
  given: { readonly code: string; readonly answers: Answers; readonly language: string; readonly ip: string },
): Promise<CardAnswer | { readonly kind: 'given' }> {
  if (!saysSomething(given.answers)) throw new WorkflowRefusedError('feedback:errors.nothing')
  const outcome = await context.db.transaction().execute(async (trx) => {
    const card = await cardFor(context, given.code, trx)
    const status = card ? statusOf(context, card) : 'ended'
    if (!card || status === 'ended') return { kind: 'refused' as const, card }
    if (status === 'waiting') return { kind: 'waiting' as const, opensOn: card.opens_on }
    if (status === 'used') return { kind: 'used' as const }
    const locked = await requests.lockRequest(trx, card.referral_id)
    if (!waitsForAnswer(locked ? { state: locked.state, meetingId: locked.meeting_id } : null, card.meeting_id)) return { kind: 'used' as const }
    await addResponse(
      context,
      trx,
      { authorityId: card.authority_id, referralId: card.referral_id, meetingId: card.meeting_id, meetingDate: card.meeting_date },
      { channel: 'card', language: given.language, answers: given.answers, enteredBy: null },
      { userId: null, authorityId: card.authority_id, ip: given.ip },
    )
    await repository.markCardUsed(trx, card.id, context.clock.now())
    return { kind: 'given' as const }
  })
  if (outcome.kind === 'refused') return refused(context, outcome.card, given.ip)
  return outcome
}

export interface WaitingItem {
  readonly referralId: string
  readonly href: string
  readonly reference: string
  readonly person: string
  readonly meetingDate: string
  readonly since: Date
}

const WAITING_LIST_LIMIT = 50

/**
 * Feedback that waits for the people an advocate works with ("mine"), or for everyone the service
 * works with (the advocacy admins' "team"): until each answers or says no. Who it showed goes into
 * `shown` (`feedback-waiting`), for the page to record with its other lists.
 */
export async function feedbackWaiting(context: ServiceContext, caller: Caller, tray: 'mine' | 'team', shown: ShownLists): Promise<readonly WaitingItem[]> {
  const { user } = caller
  const owner =
    tray === 'team' ? (hasRole(user, 'advocacy_admin') ? { service: true as const } : null) : hasRole(user, 'advocate') ? { advocateUserId: user.id } : null
  if (!owner) return []
  const rows = await repository.feedbackWaiting(context.db, user.authorityId, owner, WAITING_LIST_LIMIT)
  shown.add(
    'feedback-waiting',
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({
    referralId: row.id,
    href: `/referrals/${row.id}/feedback`,
    reference: row.reference,
    person: row.given_name ? fullName({ given_name: row.given_name, family_name: row.family_name ?? '' }) : 'Parent or carer',
    meetingDate: row.meeting_date,
    since: row.changed_at,
  }))
}

/**
 * The `remind-later-feedback` job (hourly, doing its work in the day only): for feedback that waits a few days after its meeting, whose
 * person wants reminders, one reminder in the outbox by the way they chose, in their language,
 * naming nothing. Each in its own transaction, re-checked under the request's lock; its key is
 * once per referral's meeting, so running twice (or in two processes) queues it once. Nothing once
 * they answered or said no. Says how many it queued.
 */
export async function remindLaterFeedback(context: FeedbackContext): Promise<number> {
  if (!remindingHours(context.clock.now())) return 0
  const days = remindedMeetingDays(londonDate(context.clock.now()))
  const due = await repository.feedbackToRemind(context.db, days.from, days.to)
  let queued = 0
  for (const item of due) {
    const { channel, address } = item
    if (!channel || !address) continue
    const { t } = context.translations.translator(recordedLanguage(context.translations, item.preferred_languages ?? []))
    const message = feedbackReminder(t, context.signInUrl)
    const added = await context.db.transaction().execute(async (trx) => {
      if (!(await repository.stillWaiting(trx, item.referral_id, item.meeting_id))) return false
      const isNew = await queueMessage(trx, context.clock, {
        channel,
        to: address,
        ...message,
        dedupeKey: feedbackReminderKey(item.referral_id, item.meeting_id),
      })
      if (isNew)
        await recordAudit(
          trx,
          { userId: null, authorityId: item.authority_id, ip: null },
          { action: 'feedback.reminder-queued', recordType: 'referral', recordId: item.referral_id, details: { channel } },
        )
      return isNew
    })
    if (added) queued += 1
  }
  return queued
}

/** A job: forgets counts of card codes that opened nothing, untouched for a day. Safe to run twice. */
export async function forgetOldCardGuesses(context: FeedbackContext): Promise<number> {
  return repository.forgetGuessCountsBefore(context.db, new Date(context.clock.now().getTime() - GUESS_COUNT_FORGOTTEN_AFTER_MS))
}
