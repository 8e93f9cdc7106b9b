import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import { addDays, daysBetween } from '../../platform/time/calendar.ts'
import { stages, weeklySessions, type AdvocateKind, type ModuleKey, type Stage, type SupervisionKind } from '../../vocabulary/advocates.ts'
import type { RosterAdvocate } from '../advocates/roster-service.ts'
import type { ServiceSettings } from '../settings/service.ts'

/**
 * What the programme's services share: what they return, what they refuse with, who may run the
 * programme, and the calendar of a cohort.
 */

/** Weeks in a training cohort (one session a week). */
export const COHORT_WEEKS = weeklySessions.length
/** A one-to-one falling due within this many days is shown as "due soon". */
export const DUE_SOON_DAYS = 14
/** Stages whose parent peer advocates come to supervision. */
export const SUPERVISED_STAGES: readonly Stage[] = ['training', 'accreditation', 'active']

/** A refusal that belongs to one answer on the form (the route shows it as a GOV.UK error). */
export class ProgrammeAnswerRefused extends Error {
  override name = 'ProgrammeAnswerRefused'
  readonly field: string
  readonly href: string

  constructor(field: string, message: string, href?: string) {
    super(message)
    this.field = field
    this.href = href ?? `#${field}`
  }
}

export interface AdvocateRef {
  readonly id: string
  readonly name: string
  readonly stage: Stage
  readonly stageLabel: string
}

export interface SupervisionStanding {
  readonly advocate: AdvocateRef
  readonly lastOneToOneOn: string | null
  /** When the next one-to-one is needed by (null: none has ever been held). */
  readonly oneToOneDueBy: string | null
  readonly oneToOne: 'overdue' | 'due_soon' | 'up_to_date'
  readonly groupAttended: number
  readonly groupRequired: number
  readonly groupShort: boolean
}

export interface Overview {
  readonly total: number
  readonly stages: readonly { readonly stage: Stage; readonly label: string; readonly count: number; readonly advocates: readonly AdvocateRef[] }[]
  /** Active parent peer advocates whose supervision is overdue, due soon or short of group sessions. */
  readonly supervisionDue: readonly SupervisionStanding[]
  /** Active advocates who cannot be offered work, with why. */
  readonly cannotBeOffered: readonly { readonly advocate: AdvocateRef; readonly reasons: readonly string[] }[]
  readonly settings: ServiceSettings
}

export interface CohortSummary {
  readonly id: string
  readonly name: string
  readonly startsOn: string
  readonly endsOn: string
  readonly members: number
  readonly completedTraining: number
  readonly accredited: number
  readonly progress: string
}

export interface CohortMember extends AdvocateRef {
  readonly kind: AdvocateKind
  /** Module → date completed. */
  readonly completed: Readonly<Partial<Record<ModuleKey, string>>>
  readonly completedCount: number
  readonly accreditedOn: string | null
  readonly sessionsAttended: number
}

export interface CohortDetail {
  readonly id: string
  readonly name: string
  readonly startsOn: string
  readonly endsOn: string
  readonly progress: string
  readonly sessions: readonly {
    readonly week: number
    readonly module: string
    readonly moduleLabel: string
    readonly heldOn: string
    readonly attended: number
  }[]
  readonly members: readonly CohortMember[]
  /** Who may be added: parent peer advocates not in the cohort who have not left, those in training first. */
  readonly candidates: readonly AdvocateRef[]
}

export interface SupervisionSession {
  readonly id: string
  readonly kind: SupervisionKind
  readonly kindLabel: string
  readonly heldOn: string
  readonly notes: string | null
  readonly supervisorName: string | null
  readonly attendees: readonly { readonly id: string; readonly name: string }[]
}

export function refOf(advocate: RosterAdvocate): AdvocateRef {
  return { id: advocate.id, name: advocate.name, stage: advocate.stage, stageLabel: stages.label(advocate.stage) }
}

export function requireCoordinator(caller: Caller): void {
  if (!hasRole(caller.user, 'coordinator')) throw new ForbiddenError('Only the coordinator runs the peer advocate programme')
}

/** The day of a cohort's last weekly session. */
export function cohortEnds(startsOn: string): string {
  return addDays(startsOn, 7 * (COHORT_WEEKS - 1))
}

export function cohortProgress(startsOn: string, today: string): string {
  if (today < startsOn) return 'Not started'
  if (today > cohortEnds(startsOn)) return 'Finished'
  return `Week ${Math.floor(daysBetween(startsOn, today) / 7) + 1} of ${COHORT_WEEKS}`
}

/** Refuses a date after today, as that field's error. */
export function notInFuture(date: string, today: string, field: string, message: string): void {
  if (date > today) throw new ProgrammeAnswerRefused(field, message, `#${field}-day`)
}
