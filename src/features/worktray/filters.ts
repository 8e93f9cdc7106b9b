import { openStates, stateDefinitions, type State } from '../referrals/workflow.ts'

/** What a worktray can be narrowed to, and how many items a page shows. */

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
