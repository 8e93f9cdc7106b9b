import { recordAudit, type ShownLists } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { staffNames } from '../../platform/auth/staff-repository.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { MeetingType } from '../../vocabulary/referrals.ts'
import { outstanding, type WaitsOn } from '../meetings/readiness.ts'
import * as people from '../people/records-service.ts'
import { meetingRulesFor } from '../settings/meeting-rules-service.ts'
import { bankHolidaysFor } from '../settings/working-days.ts'
import { currentAllocation } from './allocation/allocation-repository.ts'
import * as meetings from './meeting-repository.ts'
import { byDueDate, READINESS_LOOKAHEAD_DAYS, waitingOn, type ReadinessWaitingItem } from './readiness-waiting.ts'
import { readinessLabels, readinessOfRow, readinessViewOf, recordableAnswers, relationOf, type ReadinessAnswers, type ReadinessView } from './readiness-view.ts'
import { findSectionOne } from './section-1/section-one-repository.ts'
import { actorOf, canSee, loadReferral, type ReferralRow } from './steps.ts'
import { openStates } from './workflow.ts'

/**
 * A meeting's readiness (issue 12): read by the referrer, the advocacy service and the allocated
 * advocate, each seeing and recording only what their relationship lets them (ADR 7, ADR 19).
 */

export interface ReadinessPage {
  readonly referral: {
    readonly id: string
    readonly reference: string
    readonly personName: string | null
    readonly meeting: {
      readonly type: MeetingType
      readonly typeOther: string | null
      readonly date: string
      readonly time: string | null
      readonly venue: string | null
    }
  }
  readonly readiness: ReadinessView
}

/** The referral, for anyone with a relationship to its meeting: the referral's own rule, or its allocated advocate. */
async function loadForReadiness(trx: Queryable, caller: Caller, referralId: string, forUpdate: boolean) {
  let advocateUserId: string | null = null
  // The referral's own relationship rule, or (checked below) the advocate allocated to it once sent.
  const row = await loadReferral(trx, caller, referralId, { forUpdate, visible: (candidate) => canSee(caller.user, candidate) || candidate.sent_at !== null })
  const allocation = await currentAllocation(trx, row.authority_id, row.id)
  if (allocation?.status === 'accepted') advocateUserId = allocation.advocate_user_id
  const relation = relationOf(caller.user, row, advocateUserId)
  if (!relation) throw new NotFoundError('No such referral')
  const meeting = row.meeting_id ? await meetings.findMeeting(trx, row.authority_id, row.meeting_id) : undefined
  if (!meeting) throw new NotFoundError('This referral has no meeting yet')
  return { row, relation, meeting, advocateUserId }
}

async function viewOf(
  context: ServiceContext,
  trx: Queryable,
  loaded: Awaited<ReturnType<typeof loadForReadiness>>,
): Promise<{ view: ReadinessView; names: Map<string, string>; row: ReferralRow }> {
  const { row, relation, meeting, advocateUserId } = loaded
  const [sectionOne, rules, bankHolidays, recorded, names] = await Promise.all([
    findSectionOne(trx, row.authority_id, row.id),
    meetingRulesFor(context, row.authority_id, trx),
    bankHolidaysFor(trx, row.authority_id),
    meetings.findReadiness(trx, row.authority_id, meeting.id),
    staffNames(trx, row.authority_id, [row.referrer_id, ...(advocateUserId ? [advocateUserId] : [])]),
  ])
  const view = readinessViewOf(relation, recorded, {
    meeting: { type: meeting.type, date: meeting.meeting_date, venue: meeting.venue, previousConferenceOn: meeting.previous_conference_on },
    sectionOne,
    referrerName: names.get(row.referrer_id) ?? 'The referrer',
    advocateName: advocateUserId ? (names.get(advocateUserId) ?? null) : null,
    rules,
    bankHolidays,
    today: londonDate(context.clock.now()),
  })
  return { view, names, row }
}

/** The readiness page: audited as a view of the referral's meeting. */
export async function meetingReadiness(context: ServiceContext, caller: Caller, referralId: string): Promise<ReadinessPage> {
  return context.db.transaction().execute(async (trx) => {
    const loaded = await loadForReadiness(trx, caller, referralId, false)
    const { view, row } = await viewOf(context, trx, loaded)
    const person = row.person_id ? ((await people.findPerson(trx, row.authority_id, row.person_id))?.name ?? null) : null
    await recordAudit(trx, actorOf(caller), { action: 'referral.readiness-viewed', recordType: 'referral', recordId: row.id, details: { as: loaded.relation } })
    const { meeting } = loaded
    return {
      referral: {
        id: row.id,
        reference: row.reference,
        personName: person,
        meeting: { type: meeting.type, typeOther: meeting.type_other, date: meeting.meeting_date, time: meeting.meeting_time, venue: meeting.venue },
      },
      readiness: view,
    }
  })
}

const columns: Readonly<Record<keyof ReadinessAnswers, keyof meetings.ReadinessChange>> = {
  reportSharedOn: 'report_shared_on',
  chairMetOn: 'chair_met_on',
  fgcStatus: 'fgc_status',
  fgcWhyNot: 'fgc_why_not',
  fgcPlan: 'fgc_plan',
  interpreterBooked: 'interpreter_booked',
  interpreterLanguage: 'interpreter_language',
  adjustmentsInPlace: 'adjustments_in_place',
  advocateMetOn: 'advocate_met_on',
  venueConfirmed: 'venue_confirmed',
  askedCommunityVenue: 'asked_community_venue',
  askedAnotherTime: 'asked_another_time',
  attended: 'attended',
  reportReceivedInTime: 'report_received_in_time',
  chairMetBefore: 'chair_met_before',
}

/**
 * Records what this person may record of the meeting's readiness (anything else sent is ignored:
 * their form never shows it), unless someone saved it since `version`.
 */
export async function saveMeetingReadiness(
  context: ServiceContext,
  caller: Caller,
  referralId: string,
  answers: ReadinessAnswers,
  version: number,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const loaded = await loadForReadiness(trx, caller, referralId, true)
    const { row, relation, meeting } = loaded
    const today = londonDate(context.clock.now())
    const allowed = recordableAnswers(relation).filter(
      (key) => !['attended', 'reportReceivedInTime', 'chairMetBefore'].includes(key) || meeting.meeting_date <= today,
    )
    if (allowed.length === 0) throw new ForbiddenError('You cannot record anything of this meeting’s readiness')
    const change: meetings.ReadinessChange = {}
    for (const key of allowed) if (answers[key] !== undefined) Object.assign(change, { [columns[key]]: answers[key] })
    const saved = await meetings.saveReadiness(trx, row.authority_id, meeting.id, version, change, {
      userId: caller.user.id,
      now: context.clock.now(),
    })
    if (!saved) {
      const current = await meetings.findReadiness(trx, row.authority_id, meeting.id)
      const by = current?.updated_by ? (await staffNames(trx, row.authority_id, [current.updated_by])).get(current.updated_by) : undefined
      throw new ConflictError('Someone else saved the meeting’s readiness since you opened this page', by ?? null, current?.updated_at ?? null)
    }
    // Which answers were recorded, never what they say.
    await recordAudit(trx, actorOf(caller), {
      action: 'referral.readiness-saved',
      recordType: 'referral',
      recordId: row.id,
      details: { as: relation, answers: Object.keys(change) },
    })
  })
}

/** The most outstanding items a worktray lists. */
const READINESS_LIST_LIMIT = 50
/** How many meetings a list reads at a time. */
const READINESS_PAGE = 200

/**
 * The readiness items of coming meetings still to do that wait on this person ("mine": as the
 * referrer, or as the allocated advocate) or on the advocacy admin team ("team"), overdue first,
 * then soonest due. Which referrals it showed goes into `shown`, for the page to record with its
 * other lists (`readiness-mine`, `readiness-team`).
 */
export async function readinessWaiting(
  context: ServiceContext,
  caller: Caller,
  tray: 'mine' | 'team',
  shown: ShownLists,
): Promise<readonly ReadinessWaitingItem[]> {
  const { user } = caller
  const owners: { owner: meetings.ReadinessOwner; waitsOn: WaitsOn }[] =
    tray === 'team'
      ? hasRole(user, 'advocacy_admin')
        ? [{ owner: { service: true }, waitsOn: 'advocacy_admin' }]
        : []
      : [
          ...(hasRole(user, 'referrer') ? [{ owner: { referrerId: user.id }, waitsOn: 'referrer' as const }] : []),
          ...(hasRole(user, 'advocate') ? [{ owner: { advocateUserId: user.id }, waitsOn: 'advocate' as const }] : []),
        ]
  if (owners.length === 0) return []
  const today = londonDate(context.clock.now())
  const [rules, bankHolidays] = await Promise.all([meetingRulesFor(context, user.authorityId), bankHolidaysFor(context.db, user.authorityId)])
  const found: ReadinessWaitingItem[] = []
  for (const { owner, waitsOn } of owners)
    found.push(
      ...(await waitingOn(context.db, user.authorityId, owner, waitsOn, { today, rules, bankHolidays }, { list: READINESS_LIST_LIMIT, page: READINESS_PAGE })),
    )
  const listed = found.sort(byDueDate).slice(0, READINESS_LIST_LIMIT)
  shown.add(
    `readiness-${tray}`,
    listed.map((item) => item.referralId),
  )
  return listed
}

export interface LateReadinessItem {
  readonly authorityId: string
  /** Whom it waits on: the referrer, or the advocate working with the person. */
  readonly userId: string
  readonly referralId: string
  readonly reference: string
  readonly item: string
  readonly what: string
  readonly dueBy: string
}

/**
 * Readiness items of coming meetings, in every authority, that are late and wait on one person (the
 * referrer, or the allocated advocate), for the notifications job. Items that wait on the advocacy
 * admin team are in the team's worktray, not sent to each admin.
 */
export async function lateReadinessEverywhere(context: ServiceContext): Promise<readonly LateReadinessItem[]> {
  const today = londonDate(context.clock.now())
  const rows = await meetings.meetingsToReadyEverywhere(context.db, openStates, { from: today, to: addDays(today, READINESS_LOOKAHEAD_DAYS) })
  const byAuthority = new Map<string, Promise<[Awaited<ReturnType<typeof meetingRulesFor>>, Awaited<ReturnType<typeof bankHolidaysFor>>]>>()
  const late: LateReadinessItem[] = []
  for (const row of rows) {
    let settings = byAuthority.get(row.authority_id)
    if (!settings) {
      settings = Promise.all([meetingRulesFor(context, row.authority_id), bankHolidaysFor(context.db, row.authority_id)])
      byAuthority.set(row.authority_id, settings)
    }
    const [rules, bankHolidays] = await settings
    const items = readinessOfRow(row, rules, today, bankHolidays)
    for (const entry of outstanding(items)) {
      if (entry.state.kind !== 'late') continue
      const userId = entry.waitsOn === 'referrer' ? row.referrer_id : entry.waitsOn === 'advocate' ? row.advocate_user_id : null
      if (!userId) continue
      late.push({
        authorityId: row.authority_id,
        userId,
        referralId: row.id,
        reference: row.reference,
        item: entry.item,
        what: readinessLabels[entry.item],
        dueBy: entry.state.dueBy,
      })
    }
  }
  return late
}
