import { auditActorOf, recordAudit, recordShownLists, ShownLists } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import { fullName } from '../../platform/people-names.ts'
import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { meetingOutcomes, meetingTypes, priorities, withdrawalReasons } from '../../vocabulary/referrals.ts'
import { consultationsWaiting } from '../consultation/consultation-service.ts'
import { feedbackWaiting } from '../feedback/later-service.ts'
import { childrenToRefer } from '../referrals/child-offers-service.ts'
import { draftsClosingSoon } from '../referrals/drafting-service.ts'
import { readinessWaiting } from '../referrals/readiness-service.ts'
import { isEnded, stateDefinitions, states } from '../referrals/workflow.ts'
import { PAGE_SIZE, type WorktrayFilters, type WorktrayItem } from './filters.ts'
import { referralFrom } from './lists.ts'
import * as repository from './repository.ts'

/**
 * Worktrays: "my work" (waiting on me) and "my team's work" (waiting on a team I am in). What is
 * waiting, and on whom, comes from the workflow table; a worktray is a view of referrals, not a
 * second copy of them.
 */
/**
 * A list shows people without opening their records, so which referrals it showed is recorded
 * (`worktray.viewed`, `details.shown`), for "who has seen this record"; a list that showed nobody
 * records nothing. A worktray's page records its own list and the lists beside it as one event
 * (`ShownLists`, issue 9): the lists are read at once and recorded once they all are.
 */
async function tray(
  context: ServiceContext,
  caller: Caller,
  name: 'mine' | 'team',
  waitingOn: repository.WorktrayQuery['waitingOn'],
  filters: WorktrayFilters,
  shown: ShownLists,
) {
  const today = londonDate(context.clock.now())
  const dueBy = filters.due === 'overdue' ? addDays(today, -1) : filters.due === 'today' ? today : filters.due === 'week' ? addDays(today, 7) : null
  const query = {
    authorityId: caller.user.authorityId,
    waitingOn,
    state: filters.step,
    dueBy,
    today,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  }
  const [rows, counts] = await Promise.all([repository.worktrayPage(context.db, query), repository.worktrayCount(context.db, query)])
  const items: WorktrayItem[] = rows.map((row) => {
    const state = row.state
    const ownOffer = state === 'awaiting_advocate' && row.offer_id !== null && 'userId' in waitingOn && !hasRole(caller.user, 'advocacy_admin')
    return {
      referralId: row.id,
      href: ownOffer ? `/my-people/offers/${row.offer_id}` : referralFrom(row.id, 'userId' in waitingOn ? 'mine' : 'team'),
      reference: row.reference,
      person: row.given_name ? fullName(row) : 'Parent or carer not added yet',
      step: stateDefinitions[state].step ?? stateDefinitions[state].label,
      stateColour: stateDefinitions[state].colour,
      waitingOn: row.team_name ?? row.waiting_user_name ?? '',
      dueOn: row.step_due_on,
      overdue: row.step_due_on !== null && row.step_due_on < today,
      dueToday: row.step_due_on === today,
      meeting: row.meeting_type ? meetingTypes.label(row.meeting_type) : null,
      meetingDate: row.meeting_date,
      late: row.late,
      priority: row.priority ? priorities.label(row.priority) : null,
    }
  })
  shown.add(
    name,
    items.map((item) => item.referralId),
  )
  return { items, total: counts.total, overdue: counts.overdue, page: filters.page, pages: Math.max(1, Math.ceil(counts.total / PAGE_SIZE)) }
}

/**
 * "My work": what is waiting on me, and beside it the referrals I made that have ended, the
 * meetings not ready, feedback to give later and children's consultations that wait on me. What
 * they showed is recorded as one event.
 */
export async function myWorkPage(context: ServiceContext, caller: Caller, filters: WorktrayFilters) {
  const shown = new ShownLists()
  const [mine, ended, meetingsNotReady, feedback, consultations] = await Promise.all([
    tray(context, caller, 'mine', { userId: caller.user.id }, filters, shown),
    hasRole(caller.user, 'referrer') ? endings(context, caller, shown) : [],
    readinessWaiting(context, caller, 'mine', shown),
    feedbackWaiting(context, caller, 'mine', shown),
    consultationsWaiting(context, caller, 'mine', shown),
  ])
  await recordShownLists(context.db, auditActorOf(caller), 'mine', filters.page, shown)
  return { tray: mine, endings: ended, meetingsNotReady, feedbackWaiting: feedback, consultationsWaiting: consultations }
}

/**
 * "My team's work": what is waiting on a team I am in, and beside it the meetings not ready,
 * feedback to give later, children's advocates to refer and children's consultations that wait on
 * the advocacy admins. What they showed is recorded as one event.
 */
export async function teamWorkPage(context: ServiceContext, caller: Caller, filters: WorktrayFilters) {
  const shown = new ShownLists()
  const [team, meetingsNotReady, feedback, children, consultations] = await Promise.all([
    tray(context, caller, 'team', { teamIds: caller.user.teamIds }, filters, shown),
    readinessWaiting(context, caller, 'team', shown),
    feedbackWaiting(context, caller, 'team', shown),
    childrenToRefer(context, caller, shown),
    consultationsWaiting(context, caller, 'team', shown),
  ])
  await recordShownLists(context.db, auditActorOf(caller), 'team', filters.page, shown)
  return { tray: team, meetingsNotReady, feedbackWaiting: feedback, childrenToRefer: children, consultationsWaiting: consultations }
}

/** How much waits on my teams (and how much of it is overdue), for "My work" to point to. */
export async function teamWaiting(context: ServiceContext, caller: Caller): Promise<{ total: number; overdue: number }> {
  const today = londonDate(context.clock.now())
  return repository.worktrayCount(context.db, {
    authorityId: caller.user.authorityId,
    waitingOn: { teamIds: caller.user.teamIds },
    state: null,
    dueBy: null,
    today,
    limit: 0,
    offset: 0,
  })
}

/** This referrer's drafts nobody has changed for three weeks: the service will close them soon (`lapse_draft`). */
export async function closingDrafts(context: ServiceContext, caller: Caller) {
  return hasRole(caller.user, 'referrer') ? draftsClosingSoon(context, caller) : []
}

/** Referrals this referrer made that have ended since they last looked: they are told why. */
async function endings(context: ServiceContext, caller: Caller, shown: ShownLists) {
  const ended = states.filter(isEnded)
  const rows = await repository.unreadEndings(context.db, caller.user.authorityId, caller.user.id, ended)
  shown.add(
    'endings',
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({
    referralId: row.id,
    reference: row.reference,
    person: fullName(row),
    outcome: stateDefinitions[row.state].label,
    colour: stateDefinitions[row.state].colour,
    closedAt: row.closed_at,
  }))
}

/** A referral in "Referrals I've made": where it stands, or how it ended. */
export interface MadeItem {
  readonly referralId: string
  readonly href: string
  readonly reference: string
  readonly person: string
  readonly meeting: string | null
  readonly meetingDate: string | null
  readonly sentAt: Date
  readonly status: string
  readonly colour: string
  readonly late: boolean
  /** While it is open: who it is waiting on. */
  readonly waitingOn: string | null
  /** Once it has ended: when, and what happened (the meeting's outcome, or why it was withdrawn). */
  readonly ended: { readonly on: Date; readonly detail: string | null } | null
}

function endingDetail(row: { state: string; closed_reason: string | null; meeting_outcome: string | null }): string | null {
  const detail =
    row.state === 'completed' ? meetingOutcomes.label(row.meeting_outcome) : row.state === 'withdrawn' ? withdrawalReasons.label(row.closed_reason) : ''
  return detail || null
}

/**
 * "Referrals I've made": every referral this referrer has sent, newest first, a page at a time,
 * with where each stands or how it ended. Which referrals and people it showed is audited.
 */
export async function referralsMade(context: ServiceContext, caller: Caller, page: number) {
  if (!hasRole(caller.user, 'referrer')) throw new ForbiddenError('Only a referrer has referrals they made')
  const { authorityId, id: referrerId } = caller.user
  const [rows, total] = await Promise.all([
    repository.referralsMadePage(context.db, authorityId, referrerId, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    repository.referralsMadeCount(context.db, authorityId, referrerId),
  ])
  await recordAudit(context.db, auditActorOf(caller), {
    action: 'referral.listed',
    recordType: 'referral',
    details: { list: 'referrals-made', page, shown: rows.map((row) => row.id) },
  })
  const items: MadeItem[] = rows.map((row) => ({
    referralId: row.id,
    href: referralFrom(row.id, 'made'),
    reference: row.reference,
    person: row.given_name ? fullName(row) : 'Parent or carer not added',
    meeting: row.meeting_type ? meetingTypes.label(row.meeting_type) : null,
    meetingDate: row.meeting_date,
    sentAt: row.sent_at ?? new Date(0),
    status: stateDefinitions[row.state].label,
    colour: stateDefinitions[row.state].colour,
    late: row.late,
    waitingOn: isEnded(row.state) ? null : (row.team_name ?? row.waiting_user_name ?? null),
    ended: isEnded(row.state) && row.closed_at ? { on: row.closed_at, detail: endingDetail(row) } : null,
  }))
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

export type WorktrayService = BoundService<typeof import('./service.ts'), ServiceContext>
