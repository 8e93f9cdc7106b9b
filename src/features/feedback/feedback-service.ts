import { createHash, randomBytes } from 'node:crypto'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { fullName } from '../../platform/people-names.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import * as repository from './feedback-repository.ts'
import { liveCardsOf } from './later-repository.ts'
import { themesOfAnswers } from './themes-repository.ts'
import { daysAfterMeeting, saysSomething, worryingWords, type Answers, type Channel, type FeedbackState } from './questionnaire.ts'
import { summarise, type Summary } from './summary.ts'

/**
 * Asking a person how their meeting went, when they are ready (issue 11): the advocacy admin or
 * their advocate records what they chose (now on a kiosk in the room, later, or not at all), enters
 * answers given at the debrief or on paper, and opens a kiosk on a shared device; the service reads
 * the figures. Open to the advocacy admins for any referral that reached the service and to the
 * advocate working with the person; never to the referrer or the coordinator.
 */

/** How long a kiosk stays open after it is opened: a meeting and the time after it. */
export const KIOSK_HOURS = 8

export function hashKioskToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The referral and its meeting, if this member of staff may ask about it; "not found" for anyone else. */
export async function referralFor(db: Queryable, caller: Caller, referralId: string) {
  if (!isId(referralId)) throw new NotFoundError('No such referral')
  const row = await repository.referralForFeedback(db, caller.user.authorityId, referralId, caller.user.id)
  if (!row || row.sent_at === null || !row.person_id) throw new NotFoundError('No such referral')
  const service = hasRole(caller.user, 'advocacy_admin')
  const theirAdvocate = hasRole(caller.user, 'advocate') && row.is_their_advocate
  if (!service && !theirAdvocate) throw new NotFoundError('No such referral')
  return { ...row, theirAdvocate, service }
}

export interface FeedbackView {
  readonly referralId: string
  readonly reference: string
  readonly personName: string
  readonly meetingType: string
  readonly meetingDate: string
  /** The meeting has happened (or is today): the person can be asked. */
  readonly askable: boolean
  readonly state: FeedbackState | null
  readonly changedBy: string | null
  readonly changedAt: Date | null
  /** The request's version the page was opened at (0: none yet), for its forms. */
  readonly version: number
  readonly responses: readonly { readonly channel: Channel; readonly givenAt: Date; readonly daysAfter: number; readonly enteredBy: string | null }[]
  readonly kiosks: readonly { readonly openedAt: Date; readonly closesAt: Date; readonly openedBy: string }[]
  /** Cards with a code for this meeting still working (at most one: a new card ends the last). */
  readonly cards: readonly { readonly opensOn: string; readonly expiresAt: Date; readonly issuedAt: Date; readonly issuedBy: string }[]
  /** How this member of staff would enter answers: at the debrief (the advocate) or from paper (the admin). */
  readonly entersAs: Channel
  readonly mayOpenKiosk: boolean
}

export async function feedbackFor(context: ServiceContext, caller: Caller, referralId: string): Promise<FeedbackView> {
  const { db, clock } = context
  const row = await referralFor(db, caller, referralId)
  const request = await repository.requestOf(db, row.id)
  const current = request && request.meeting_id === row.meeting_id ? request : undefined
  const responses = await repository.responsesFor(db, row.id, row.meeting_id)
  const kiosks = row.service ? await repository.openKiosksFor(db, row.id, clock.now()) : []
  const cards = await liveCardsOf(db, row.id, clock.now())
  await recordAudit(db, auditActorOf(caller), { action: 'feedback.viewed', recordType: 'referral', recordId: row.id })
  return {
    referralId: row.id,
    reference: row.reference,
    personName: fullName(row),
    meetingType: row.meeting_type,
    meetingDate: row.meeting_date,
    askable: row.meeting_date <= londonDate(clock.now()),
    state: current?.state ?? null,
    changedBy: current?.changed_by_name ?? null,
    changedAt: current?.changed_at ?? null,
    version: current?.version ?? 0,
    responses: responses.map((response) => ({
      channel: response.channel,
      givenAt: response.given_at,
      daysAfter: response.days_after,
      enteredBy: response.entered_by_name,
    })),
    kiosks: kiosks.map((kiosk) => ({ openedAt: kiosk.opened_at, closesAt: kiosk.closes_at, openedBy: kiosk.opened_by_name })),
    cards: cards.map((card) => ({ opensOn: card.opens_on, expiresAt: card.expires_at, issuedAt: card.issued_at, issuedBy: card.issued_by_name })),
    entersAs: row.theirAdvocate ? 'debrief' : 'paper',
    mayOpenKiosk: row.service,
  }
}

export function mustBeAskable(meetingDate: string, today: string): void {
  if (meetingDate > today) throw new WorkflowRefusedError('The meeting has not happened yet: ask how it went on the day or after it')
}

/** What the person chose when asked: to answer later, or not at all. A change meanwhile is a conflict. */
export async function recordChoice(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  choice: { readonly state: 'later' | 'declined'; readonly version: number },
): Promise<void> {
  const { db, clock } = context
  await db.transaction().execute(async (trx) => {
    const row = await referralFor(trx, caller, referralId)
    mustBeAskable(row.meeting_date, londonDate(clock.now()))
    const locked = await repository.lockRequest(trx, row.id)
    const current = locked && locked.meeting_id === row.meeting_id ? locked.version : 0
    if (current !== choice.version) throw new ConflictError('The feedback was changed after the page was opened')
    if (locked?.meeting_id === row.meeting_id && locked.state === 'given' && choice.state === 'later')
      throw new WorkflowRefusedError('They have already given their feedback about this meeting')
    await repository.setRequest(trx, {
      referralId: row.id,
      authorityId: caller.user.authorityId,
      meetingId: row.meeting_id,
      state: choice.state,
      changedBy: caller.user.id,
      at: clock.now(),
    })
    await recordAudit(trx, auditActorOf(caller), { action: `feedback.${choice.state}`, recordType: 'referral', recordId: row.id })
  })
}

/** Adds a response and marks the request given, in the caller's transaction. */
export async function addResponse(
  context: ServiceContext,
  trx: Queryable,
  where: { authorityId: string; referralId: string; meetingId: string; meetingDate: string },
  given: { channel: Channel; language: string; answers: Answers; enteredBy: string | null },
  actor: { userId: string | null; authorityId: string; ip: string | null },
): Promise<void> {
  const now = context.clock.now()
  const worrying = worryingWords(given.answers.better)
  await repository.lockRequest(trx, where.referralId)
  await repository.addResponse(trx, {
    ...where,
    ...given,
    worryingWords: worrying,
    daysAfter: daysAfterMeeting(where.meetingDate, londonDate(now)),
    at: now,
  })
  await repository.setRequest(trx, {
    referralId: where.referralId,
    authorityId: where.authorityId,
    meetingId: where.meetingId,
    state: 'given',
    changedBy: given.enteredBy,
    at: now,
  })
  await recordAudit(trx, actor, {
    action: 'feedback.given',
    recordType: 'referral',
    recordId: where.referralId,
    details: { channel: given.channel, worrying: worrying.length > 0 },
  })
}

/** Answers the person gave at the debrief with their advocate, or on paper, entered by staff. */
export async function enterAnswers(context: ServiceContext, caller: Caller, referralId: string, answers: Answers): Promise<void> {
  if (!saysSomething(answers)) throw new WorkflowRefusedError('Enter at least one answer')
  await context.db.transaction().execute(async (trx) => {
    const row = await referralFor(trx, caller, referralId)
    mustBeAskable(row.meeting_date, londonDate(context.clock.now()))
    await addResponse(
      context,
      trx,
      { authorityId: caller.user.authorityId, referralId: row.id, meetingId: row.meeting_id, meetingDate: row.meeting_date },
      { channel: row.theirAdvocate ? 'debrief' : 'paper', language: 'en', answers, enteredBy: caller.user.id },
      auditActorOf(caller),
    )
  })
}

/**
 * Opens a kiosk for this meeting on the device the admin is using: a long random token, kept only
 * as its hash, in the device's kiosk cookie. The kiosk shows no one's name and takes one response
 * at a time; it closes after `KIOSK_HOURS`, or when an admin closes it.
 */
export async function openKiosk(context: ServiceContext, caller: Caller, referralId: string): Promise<string> {
  const { db, clock } = context
  if (!hasRole(caller.user, 'advocacy_admin')) throw new ForbiddenError('Only the advocacy admins open a kiosk')
  return db.transaction().execute(async (trx) => {
    const row = await referralFor(trx, caller, referralId)
    mustBeAskable(row.meeting_date, londonDate(clock.now()))
    const token = randomBytes(32).toString('base64url')
    const now = clock.now()
    await repository.openKiosk(trx, {
      tokenHash: hashKioskToken(token),
      authorityId: caller.user.authorityId,
      referralId: row.id,
      meetingId: row.meeting_id,
      openedBy: caller.user.id,
      at: now,
      closesAt: new Date(now.getTime() + KIOSK_HOURS * 3_600_000),
    })
    await recordAudit(trx, auditActorOf(caller), { action: 'feedback.kiosk-opened', recordType: 'referral', recordId: row.id })
    return token
  })
}

export async function closeKiosks(context: ServiceContext, caller: Caller, referralId: string): Promise<number> {
  const { db, clock } = context
  if (!hasRole(caller.user, 'advocacy_admin')) throw new ForbiddenError('Only the advocacy admins close a kiosk')
  return db.transaction().execute(async (trx) => {
    const row = await referralFor(trx, caller, referralId)
    const closed = await repository.closeKiosksFor(trx, row.id, clock.now())
    await recordAudit(trx, auditActorOf(caller), { action: 'feedback.kiosk-closed', recordType: 'referral', recordId: row.id, details: { closed } })
    return closed
  })
}

/** What a kiosk shows: the kind of meeting, and nothing about anyone. Null when the kiosk is closed. */
export async function kioskFor(context: ServiceContext, token: string | undefined): Promise<{ readonly meetingType: string } | null> {
  if (!token || token.length > 100) return null
  const kiosk = await repository.openKioskBy(context.db, hashKioskToken(token), context.clock.now())
  return kiosk ? { meetingType: kiosk.meeting_type } : null
}

/** A response given on a kiosk. False when the kiosk has closed (nothing is kept). */
export async function answerOnKiosk(
  context: ServiceContext,
  token: string | undefined,
  given: { readonly answers: Answers; readonly language: string; readonly ip: string | null },
): Promise<boolean> {
  if (!token || token.length > 100) return false
  if (!saysSomething(given.answers)) throw new WorkflowRefusedError('feedback:errors.nothing')
  return context.db.transaction().execute(async (trx) => {
    const kiosk = await repository.openKioskBy(trx, hashKioskToken(token), context.clock.now())
    if (!kiosk) return false
    await addResponse(
      context,
      trx,
      { authorityId: kiosk.authority_id, referralId: kiosk.referral_id, meetingId: kiosk.meeting_id, meetingDate: kiosk.meeting_date },
      { channel: 'kiosk', language: given.language, answers: given.answers, enteredBy: null },
      { userId: null, authorityId: kiosk.authority_id, ip: given.ip },
    )
    return true
  })
}

export const summaryPeriods = ['quarter', 'year'] as const
export type SummaryPeriod = (typeof summaryPeriods)[number]

export interface FeedbackSummary {
  readonly period: SummaryPeriod
  readonly from: Date
  readonly to: Date
  readonly summary: Summary
  /** The free-text answers, for the advocacy service only (null for anyone else): the worrying ones first. */
  readonly words:
    | readonly {
        readonly id: string
        readonly text: string
        readonly worrying: readonly string[]
        readonly givenAt: Date
        readonly channel: Channel
        readonly referralId: string
        readonly reference: string
        /** The themes it was coded with (none: not coded yet). */
        readonly themes: readonly string[]
      }[]
    | null
}

const WORDS_SHOWN = 200

/** The service's feedback figures for the last quarter or year; the words for the advocacy service. */
export async function feedbackSummary(context: ServiceContext, caller: Caller, period: SummaryPeriod): Promise<FeedbackSummary> {
  const { db, clock } = context
  if (!hasRole(caller.user, 'advocacy_admin', 'service_manager', 'coordinator', 'analyst')) throw new ForbiddenError('Not for this role')
  const to = clock.now()
  const from = new Date(to.getTime() - (period === 'quarter' ? 91 : 365) * 86_400_000)
  const rows = await repository.responsesIn(db, caller.user.authorityId, from, to)
  const readsWords = hasRole(caller.user, 'advocacy_admin', 'service_manager')
  const words = readsWords ? await repository.wordsGiven(db, caller.user.authorityId, from, to, WORDS_SHOWN) : null
  const themes = new Map<string, string[]>()
  for (const row of await themesOfAnswers(db, caller.user.authorityId, words?.map((word) => word.id) ?? [])) {
    themes.set(row.response_id, [...(themes.get(row.response_id) ?? []), row.name])
  }
  await recordAudit(db, auditActorOf(caller), {
    action: 'feedback.summary-viewed',
    recordType: 'authority',
    recordId: caller.user.authorityId,
    details: { period, ...(words ? { shown: words.map((word) => word.referral_id) } : {}) },
  })
  return {
    period,
    from,
    to,
    summary: summarise(rows),
    words:
      words?.map((word) => ({
        id: word.id,
        text: word.better ?? '',
        worrying: word.worrying_words,
        givenAt: word.given_at,
        channel: word.channel,
        referralId: word.referral_id,
        reference: word.reference,
        themes: themes.get(word.id) ?? [],
      })) ?? null,
  }
}
