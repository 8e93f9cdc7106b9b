import type { Kysely } from 'kysely'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import { meetingTypes, priorities } from '../../vocabulary/referrals.ts'
import { isEnded, openStates, stateDefinitions, states, type State } from '../referrals/workflow.ts'
import * as repository from './repository.ts'

export const PAGE_SIZE = 25

export const dueFilters = ['overdue', 'today', 'week'] as const
export type DueFilter = (typeof dueFilters)[number]

export interface WorktrayFilters {
  readonly step: State | null
  readonly due: DueFilter | null
  readonly page: number
}

export interface WorktrayItem {
  readonly referralId: string
  /** Where the item opens: the referral, or for an advocate, the offer waiting for their answer. */
  readonly href: string
  readonly reference: string
  readonly person: string
  readonly step: string
  readonly stateColour: string
  readonly waitingOn: string
  readonly dueOn: string | null
  readonly overdue: boolean
  readonly dueToday: boolean
  readonly meeting: string | null
  readonly meetingDate: string | null
  readonly late: boolean
  readonly priority: string | null
}

/** The steps a worktray can be filtered by: every state that waits on someone. */
export const worktraySteps = openStates.map((state) => ({ value: state, text: stateDefinitions[state].step ?? state }))

/**
 * Worktrays: "my work" (waiting on me) and "my team's work" (waiting on a team I am in). What is
 * waiting, and on whom, comes from the workflow table; a worktray is a view of referrals, not a
 * second copy of them.
 */
export function createWorktrayService(db: Kysely<Schema>, clock: Clock) {
  async function tray(caller: Caller, waitingOn: repository.WorktrayQuery['waitingOn'], filters: WorktrayFilters) {
    const today = londonDate(clock.now())
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
    const [rows, counts] = await Promise.all([repository.worktrayPage(db, query), repository.worktrayCount(db, query)])
    const items: WorktrayItem[] = rows.map((row) => {
      const state = row.state
      const ownOffer = state === 'awaiting_advocate' && row.offer_id !== null && 'userId' in waitingOn && !hasRole(caller.user, 'advocacy_admin')
      return {
        referralId: row.id,
        href: ownOffer ? `/advocacy/offers/${row.offer_id}` : `/referrals/${row.id}`,
        reference: row.reference,
        person: row.given_name ? `${row.given_name} ${row.family_name}` : 'Parent or carer not added yet',
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
    return { items, total: counts.total, overdue: counts.overdue, page: filters.page, pages: Math.max(1, Math.ceil(counts.total / PAGE_SIZE)) }
  }

  return {
    myWork: (caller: Caller, filters: WorktrayFilters) => tray(caller, { userId: caller.user.id }, filters),
    teamWork: (caller: Caller, filters: WorktrayFilters) => tray(caller, { teamIds: caller.user.teamIds }, filters),

    /** Referrals this referrer made that have ended since they last looked: they are told why. */
    async endings(caller: Caller) {
      const ended = states.filter(isEnded)
      const rows = await repository.unreadEndings(db, caller.user.authorityId, caller.user.id, ended)
      return rows.map((row) => ({
        referralId: row.id,
        reference: row.reference,
        person: row.given_name ? `${row.given_name} ${row.family_name}` : '',
        outcome: stateDefinitions[row.state].label,
        colour: stateDefinitions[row.state].colour,
        closedAt: row.closed_at,
      }))
    },
  }
}

export type WorktrayService = ReturnType<typeof createWorktrayService>
