import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import { addDays, daysBetween } from '../../platform/time/calendar.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import { completedModules, groupSessionsHeld, supervisionAttended } from '../advocates/repository.ts'
import { eligibility } from '../advocates/eligibility.ts'
import { ACCREDITED_MODULE, modules, pipeline, stages, weeklySessions, type AdvocateKind, type ModuleKey, type Stage } from '../../vocabulary/advocates.ts'
import type { ServiceSettings, SettingsService } from '../settings/service.ts'
import * as repository from './repository.ts'

/**
 * The peer advocate programme, as its coordinator runs it: the pipeline from application to active,
 * training cohorts of eight weekly sessions, module completion and the Level 2 accreditation of the
 * advocacy module, and supervision (one-to-one and group) with who is due or overdue.
 *
 * Moving an advocate between stages, and changing their record, happens on the advocate's own page.
 */

/** Weeks in a training cohort (one session a week). */
export const COHORT_WEEKS = weeklySessions.length
/** A one-to-one falling due within this many days is shown as "due soon". */
export const DUE_SOON_DAYS = 14
/** How many past supervision sessions the supervision page lists. */
const RECENT_SUPERVISION = 50
/** Stages whose parent peer advocates come to supervision. */
const SUPERVISED_STAGES: readonly Stage[] = ['training', 'accreditation', 'active']

export type SupervisionKind = 'one_to_one' | 'group'

export const supervisionKinds: Readonly<Record<SupervisionKind, string>> = {
  one_to_one: 'One-to-one',
  group: 'Group',
}

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

export interface CohortSession {
  readonly week: number
  readonly module: string
  readonly moduleLabel: string
  readonly heldOn: string
  readonly attended: number
}

export interface CohortDetail {
  readonly id: string
  readonly name: string
  readonly startsOn: string
  readonly endsOn: string
  readonly progress: string
  readonly sessions: readonly CohortSession[]
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

function nameOf(row: { given_name: string; family_name: string }): string {
  return `${row.given_name} ${row.family_name}`
}

function refOf(row: { id: string; given_name: string; family_name: string; stage: Stage }): AdvocateRef {
  return { id: row.id, name: nameOf(row), stage: row.stage, stageLabel: stages.label(row.stage) }
}

function requireCoordinator(caller: Caller): void {
  if (!hasRole(caller.user, 'coordinator')) throw new ForbiddenError('Only the coordinator runs the peer advocate programme')
}

function actorOf(caller: Caller) {
  return { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip }
}

function cohortEnds(startsOn: string): string {
  return addDays(startsOn, 7 * (COHORT_WEEKS - 1))
}

function cohortProgress(startsOn: string, today: string): string {
  if (today < startsOn) return 'Not started'
  if (today > cohortEnds(startsOn)) return 'Finished'
  return `Week ${Math.floor(daysBetween(startsOn, today) / 7) + 1} of ${COHORT_WEEKS}`
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const group = groups.get(key(row))
    if (group) group.push(row)
    else groups.set(key(row), [row])
  }
  return groups
}

function notInFuture(date: string, today: string, field: string, message: string): void {
  if (date > today) throw new ProgrammeAnswerRefused(field, message, `#${field}-day`)
}

export function createProgrammeService(db: Kysely<Schema>, clock: Clock, settings: SettingsService) {
  const today = () => londonDate(clock.now())

  async function findCohort(authorityId: string, cohortId: string, options: { forUpdate?: boolean } = {}, queryable: Queryable = db) {
    const cohort = isId(cohortId) ? await repository.findCohort(queryable, authorityId, cohortId, options) : undefined
    if (!cohort) throw new NotFoundError('No such cohort')
    return cohort
  }

  /** What is known of each advocate's supervision and training, and what it means today. */
  async function standings(
    authorityId: string,
    advocates: readonly { id: string; kind: AdvocateKind; stage: Stage; dbs_checked_on: string | null }[],
    day: string,
    rules: ServiceSettings,
  ) {
    const windowStart = addDays(day, -7 * rules.groupWindowWeeks)
    const ids = advocates.map((advocate) => advocate.id)
    const [lastOneToOnes, attended, held, completions] = await Promise.all([
      repository.lastOneToOnes(db, authorityId),
      supervisionAttended(db, authorityId, windowStart, ids),
      groupSessionsHeld(db, authorityId, windowStart),
      completedModules(db, authorityId, ids),
    ])
    const lastOf = new Map(lastOneToOnes.map((row) => [row.advocate_id, row.last_on]))
    const groupDatesOf = groupBy(
      attended.filter((row) => row.kind === 'group'),
      (row) => row.advocate_id,
    )
    const modulesOf = groupBy(completions, (row) => row.advocate_id)
    const inWindow = (date: string) => date >= windowStart && date <= day
    const heldInWindow = held.filter(inWindow).length
    const groupRequired = Math.min(rules.groupSessionsRequired, heldInWindow)

    return new Map(
      advocates.map((advocate) => {
        const lastOneToOneOn = lastOf.get(advocate.id) ?? null
        const groupDates = (groupDatesOf.get(advocate.id) ?? []).map((row) => row.held_on)
        const groupAttended = new Set(groupDates.filter(inWindow)).size
        const oneToOneDueBy = lastOneToOneOn ? addDays(lastOneToOneOn, 7 * rules.oneToOneWithinWeeks) : null
        const oneToOne: SupervisionStanding['oneToOne'] =
          oneToOneDueBy === null || oneToOneDueBy < day ? 'overdue' : oneToOneDueBy <= addDays(day, DUE_SOON_DAYS) ? 'due_soon' : 'up_to_date'
        const verdict = eligibility(
          {
            kind: advocate.kind,
            stage: advocate.stage,
            dbsCheckedOn: advocate.dbs_checked_on,
            completedModules: (modulesOf.get(advocate.id) ?? []).map((row) => row.module),
            lastOneToOneOn,
            groupSessionsAttended: groupDates,
            groupSessionsHeld: held,
          },
          day,
          rules,
        )
        return [
          advocate.id,
          { lastOneToOneOn, oneToOneDueBy, oneToOne, groupAttended, groupRequired, groupShort: groupAttended < groupRequired, verdict },
        ] as const
      }),
    )
  }

  /** Active parent peer advocates whose supervision needs arranging, most urgent first. */
  function supervisionDue(active: readonly Parameters<typeof refOf>[0][], known: Awaited<ReturnType<typeof standings>>): SupervisionStanding[] {
    const due: SupervisionStanding[] = []
    for (const advocate of active) {
      const standing = known.get(advocate.id)
      if (!standing || (standing.oneToOne === 'up_to_date' && !standing.groupShort)) continue
      const { verdict: _verdict, ...rest } = standing
      due.push({ advocate: refOf(advocate), ...rest })
    }
    const rank = { overdue: 0, due_soon: 1, up_to_date: 2 } as const
    return due.sort((a, b) => rank[a.oneToOne] - rank[b.oneToOne] || (a.oneToOneDueBy ?? '').localeCompare(b.oneToOneDueBy ?? ''))
  }

  /** Active advocates, and what is known of each today. */
  async function activeStandings(authorityId: string, day: string, rules: ServiceSettings) {
    const active = await repository.programmeAdvocates(db, authorityId, { stages: ['active'] })
    return { active, known: await standings(authorityId, active, day, rules) }
  }

  async function membersOf(authorityId: string, cohortId: string): Promise<CohortMember[]> {
    const rows = await repository.memberships(db, authorityId, cohortId)
    const ids = rows.map((row) => row.id)
    const [completions, attendance] = await Promise.all([completedModules(db, authorityId, ids), repository.sessionsAttended(db, authorityId, cohortId, ids)])
    const completionsOf = groupBy(completions, (row) => row.advocate_id)
    const attendanceOf = groupBy(attendance, (row) => row.advocate_id)
    return rows.map((row) => {
      const completed: Partial<Record<ModuleKey, string>> = {}
      for (const completion of completionsOf.get(row.id) ?? []) {
        completed[completion.module] = completion.completed_on
      }
      return {
        ...refOf(row),
        kind: row.kind,
        completed,
        completedCount: Object.keys(completed).length,
        accreditedOn: row.accredited_on,
        sessionsAttended: new Set((attendanceOf.get(row.id) ?? []).map((session) => session.week)).size,
      }
    })
  }

  return {
    /** Today in the UK, for a form's default date. */
    today,

    async overview(caller: Caller): Promise<Overview> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      const day = today()
      const rules = await settings.settingsFor(authorityId)
      const [everyone, { active, known }] = await Promise.all([repository.programmeAdvocates(db, authorityId), activeStandings(authorityId, day, rules)])
      const cannotBeOffered = active.flatMap((advocate) => {
        const verdict = known.get(advocate.id)?.verdict
        return verdict && !verdict.eligible ? [{ advocate: refOf(advocate), reasons: verdict.reasons }] : []
      })
      await recordAudit(db, actorOf(caller), { action: 'programme.overview-viewed', recordType: 'advocate', details: { advocates: everyone.length } })
      return {
        total: everyone.length,
        stages: pipeline.map((stage) => {
          const advocates = everyone.filter((advocate) => advocate.stage === stage).map(refOf)
          return { stage, label: stages.labels[stage], count: advocates.length, advocates }
        }),
        supervisionDue: supervisionDue(
          active.filter((advocate) => advocate.kind === 'parent_peer_advocate'),
          known,
        ),
        cannotBeOffered,
        settings: rules,
      }
    },

    async cohorts(caller: Caller): Promise<CohortSummary[]> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      const day = today()
      const [cohorts, members] = await Promise.all([repository.listCohorts(db, authorityId), repository.memberships(db, authorityId)])
      const completions = await completedModules(db, authorityId, [...new Set(members.map((member) => member.id))])
      const completedCount = new Map<string, number>()
      for (const completion of completions) {
        completedCount.set(completion.advocate_id, (completedCount.get(completion.advocate_id) ?? 0) + 1)
      }
      const membersOf = groupBy(members, (member) => member.cohort_id)
      return cohorts.map((cohort) => {
        const inCohort = membersOf.get(cohort.id) ?? []
        return {
          id: cohort.id,
          name: cohort.name,
          startsOn: cohort.starts_on,
          endsOn: cohortEnds(cohort.starts_on),
          members: inCohort.length,
          completedTraining: inCohort.filter((member) => (completedCount.get(member.id) ?? 0) >= modules.values.length).length,
          accredited: inCohort.filter((member) => member.accredited_on !== null).length,
          progress: cohortProgress(cohort.starts_on, day),
        }
      })
    },

    /** A cohort and its eight weekly sessions, week n held 7·(n−1) days after the start. */
    async createCohort(caller: Caller, cohort: { name: string; startsOn: string }): Promise<string> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      return db.transaction().execute(async (trx) => {
        if (await repository.findCohortByName(trx, authorityId, cohort.name)) throw new ProgrammeAnswerRefused('name', 'A cohort with that name already exists')
        const cohortId = await repository.insertCohort(trx, { authorityId, name: cohort.name, startsOn: cohort.startsOn, now: clock.now() })
        await repository.insertSessions(
          trx,
          authorityId,
          cohortId,
          weeklySessions.map((module, index) => ({ week: index + 1, module, heldOn: addDays(cohort.startsOn, 7 * index) })),
        )
        await recordAudit(trx, actorOf(caller), {
          action: 'programme.cohort-created',
          recordType: 'training_cohort',
          recordId: cohortId,
          details: { startsOn: cohort.startsOn, weeks: COHORT_WEEKS },
        })
        return cohortId
      })
    },

    /** Refuses (not found) a cohort that is not the caller's authority's: checked before a form's answers are. */
    async requireCohort(caller: Caller, cohortId: string): Promise<void> {
      requireCoordinator(caller)
      await findCohort(caller.user.authorityId, cohortId)
    },

    async cohort(caller: Caller, cohortId: string): Promise<CohortDetail> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      const cohort = await findCohort(authorityId, cohortId)
      const [sessions, members, everyone] = await Promise.all([
        repository.cohortSessions(db, authorityId, cohort.id),
        membersOf(authorityId, cohort.id),
        repository.programmeAdvocates(db, authorityId, { kind: 'parent_peer_advocate' }),
      ])
      const memberIds = new Set(members.map((member) => member.id))
      const inTraining = (stage: string) => stage === 'training' || stage === 'accreditation'
      const candidates = everyone
        .filter((advocate) => advocate.stage !== 'left' && !memberIds.has(advocate.id))
        .sort((a, b) => Number(inTraining(b.stage)) - Number(inTraining(a.stage)))
        .map(refOf)
      await recordAudit(db, actorOf(caller), {
        action: 'programme.cohort-viewed',
        recordType: 'training_cohort',
        recordId: cohort.id,
        details: { members: members.length },
      })
      return {
        id: cohort.id,
        name: cohort.name,
        startsOn: cohort.starts_on,
        endsOn: cohortEnds(cohort.starts_on),
        progress: cohortProgress(cohort.starts_on, today()),
        sessions: sessions.map((session) => ({
          week: session.week,
          module: session.module,
          moduleLabel: modules.label(session.module),
          heldOn: session.held_on,
          attended: Number(session.attended ?? 0),
        })),
        members,
        candidates,
      }
    },

    async addMember(caller: Caller, cohortId: string, advocateId: string): Promise<string> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      return db.transaction().execute(async (trx) => {
        const cohort = await findCohort(authorityId, cohortId, { forUpdate: true }, trx)
        const [advocate] = isId(advocateId) ? await repository.lockAdvocates(trx, authorityId, [advocateId]) : []
        if (!advocate || advocate.kind !== 'parent_peer_advocate' || advocate.stage === 'left')
          throw new ProgrammeAnswerRefused('advocateId', 'Select who to add to the cohort from the list')
        if (!(await repository.addMember(trx, { authorityId, cohortId: cohort.id, advocateId: advocate.id }))) {
          throw new ProgrammeAnswerRefused('advocateId', `${nameOf(advocate)} is already in this cohort`)
        }
        await recordAudit(trx, actorOf(caller), {
          action: 'programme.cohort-member-added',
          recordType: 'training_cohort',
          recordId: cohort.id,
          details: { advocateId: advocate.id },
        })
        return nameOf(advocate)
      })
    },

    /** Takes someone out of the cohort. What they attended and completed is kept. */
    async removeMember(caller: Caller, cohortId: string, advocateId: string): Promise<string> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      return db.transaction().execute(async (trx) => {
        const cohort = await findCohort(authorityId, cohortId, { forUpdate: true }, trx)
        const [advocate] = isId(advocateId) ? await repository.lockAdvocates(trx, authorityId, [advocateId]) : []
        if (!advocate || !(await repository.removeMember(trx, { authorityId, cohortId: cohort.id, advocateId: advocate.id })))
          throw new NotFoundError('Not in this cohort')
        await recordAudit(trx, actorOf(caller), {
          action: 'programme.cohort-member-removed',
          recordType: 'training_cohort',
          recordId: cohort.id,
          details: { advocateId: advocate.id },
        })
        return nameOf(advocate)
      })
    },

    /** One week's register: the session, the cohort's members and who attended. */
    async register(caller: Caller, cohortId: string, week: number) {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      const cohort = await findCohort(authorityId, cohortId)
      const session = Number.isInteger(week) ? await repository.findSession(db, authorityId, cohort.id, week) : undefined
      if (!session) throw new NotFoundError('No such session')
      const [members, attended] = await Promise.all([repository.memberships(db, authorityId, cohort.id), repository.attendeesOf(db, authorityId, session.id)])
      return {
        cohort: { id: cohort.id, name: cohort.name },
        session: { week: session.week, module: session.module, moduleLabel: modules.label(session.module), heldOn: session.held_on },
        members: members.map(refOf),
        attended: attended.filter((id) => members.some((member) => member.id === id)),
      }
    },

    /** Replaces the week's attendance with the members ticked. */
    async recordAttendance(caller: Caller, cohortId: string, week: number, advocateIds: readonly string[]): Promise<void> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      await db.transaction().execute(async (trx) => {
        const cohort = await findCohort(authorityId, cohortId, {}, trx)
        const session = Number.isInteger(week) ? await repository.findSession(trx, authorityId, cohort.id, week, { forUpdate: true }) : undefined
        if (!session) throw new NotFoundError('No such session')
        const members = new Set((await repository.memberships(trx, authorityId, cohort.id)).map((member) => member.id))
        if (advocateIds.some((id) => !members.has(id))) throw new ProgrammeAnswerRefused('attended', 'Select people from the list of the cohort’s members')
        await repository.replaceAttendance(trx, authorityId, session.id, advocateIds)
        await recordAudit(trx, actorOf(caller), {
          action: 'programme.attendance-recorded',
          recordType: 'training_session',
          recordId: session.id,
          details: { cohortId: cohort.id, week: session.week, attended: advocateIds.length, members: members.size },
        })
      })
    },

    /** The cohort's members with the modules each has completed (in this cohort or any other). */
    async moduleCompletion(caller: Caller, cohortId: string) {
      requireCoordinator(caller)
      const cohort = await findCohort(caller.user.authorityId, cohortId)
      return { cohort: { id: cohort.id, name: cohort.name }, members: await membersOf(caller.user.authorityId, cohort.id) }
    },

    /**
     * Saves which modules the members shown on the form have completed. A module newly ticked is
     * completed on `completedOn`; one already recorded keeps its date; one unticked is no longer
     * completed (except the advocacy module of someone already accredited).
     */
    async saveModules(
      caller: Caller,
      cohortId: string,
      answers: { shown: readonly string[]; completed: readonly { advocateId: string; module: ModuleKey }[]; completedOn: string },
    ): Promise<{ completed: number; removed: number }> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      notInFuture(answers.completedOn, today(), 'completedOn', 'The date the modules were completed must be today or in the past')
      return db.transaction().execute(async (trx) => {
        const cohort = await findCohort(authorityId, cohortId, {}, trx)
        const members = new Set((await repository.memberships(trx, authorityId, cohort.id)).map((member) => member.id))
        const shown = answers.shown.filter((id) => members.has(id))
        if (answers.completed.some((completion) => !shown.includes(completion.advocateId)))
          throw new ProgrammeAnswerRefused('completed', 'Select modules from the list')
        const advocates = await repository.lockAdvocates(trx, authorityId, shown)
        const existing = await completedModules(trx, authorityId, shown)
        let completed = 0
        let removed = 0
        for (const advocate of advocates) {
          const had = new Set(existing.filter((row) => row.advocate_id === advocate.id).map((row) => row.module))
          const ticked = new Set(answers.completed.filter((completion) => completion.advocateId === advocate.id).map((completion) => completion.module))
          const added = modules.values.filter((module) => ticked.has(module) && !had.has(module))
          const dropped = modules.values.filter((module) => had.has(module) && !ticked.has(module))
          if (dropped.includes(ACCREDITED_MODULE) && advocate.accredited_on !== null) {
            throw new ProgrammeAnswerRefused(
              'completed',
              `${nameOf(advocate)} has a Level 2 accreditation, so “${modules.labels[ACCREDITED_MODULE]}” must stay completed`,
              `#completed-${advocate.id}`,
            )
          }
          await repository.insertCompletions(
            trx,
            authorityId,
            added.map((module) => ({ advocateId: advocate.id, module })),
            answers.completedOn,
            caller.user.id,
          )
          await repository.deleteCompletions(trx, authorityId, advocate.id, dropped)
          if (added.length > 0) {
            await recordAudit(trx, actorOf(caller), {
              action: 'programme.module-completed',
              recordType: 'advocate',
              recordId: advocate.id,
              details: { cohortId: cohort.id, modules: added, completedOn: answers.completedOn },
            })
          }
          if (dropped.length > 0) {
            await recordAudit(trx, actorOf(caller), {
              action: 'programme.module-completion-removed',
              recordType: 'advocate',
              recordId: advocate.id,
              details: { cohortId: cohort.id, modules: dropped },
            })
          }
          completed += added.length
          removed += dropped.length
        }
        return { completed, removed }
      })
    },

    /** Records the Level 2 accreditation of the advocacy module; refused until that module is completed. */
    async recordAccreditation(caller: Caller, cohortId: string, advocateId: string, accreditedOn: string): Promise<string> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      notInFuture(accreditedOn, today(), 'accreditedOn', 'The date of the accreditation must be today or in the past')
      return db.transaction().execute(async (trx) => {
        const cohort = await findCohort(authorityId, cohortId, {}, trx)
        const members = await repository.memberships(trx, authorityId, cohort.id)
        if (!members.some((member) => member.id === advocateId)) throw new ProgrammeAnswerRefused('advocateId', 'Select who was accredited from the list')
        const [advocate] = await repository.lockAdvocates(trx, authorityId, [advocateId])
        if (!advocate) throw new ProgrammeAnswerRefused('advocateId', 'Select who was accredited from the list')
        const completion = (await completedModules(trx, authorityId, [advocate.id])).find((row) => row.module === ACCREDITED_MODULE)
        if (!completion) {
          throw new ProgrammeAnswerRefused(
            'advocateId',
            `${nameOf(advocate)} has not completed “${modules.labels[ACCREDITED_MODULE]}”: record the module as completed before the accreditation`,
          )
        }
        await repository.setAccreditedOn(trx, authorityId, advocate.id, accreditedOn, clock.now())
        await recordAudit(trx, actorOf(caller), {
          action: 'programme.accredited',
          recordType: 'advocate',
          recordId: advocate.id,
          details: { cohortId: cohort.id, module: ACCREDITED_MODULE, accreditedOn, previously: advocate.accredited_on },
        })
        return nameOf(advocate)
      })
    },

    async supervision(caller: Caller): Promise<{ recent: SupervisionSession[]; due: SupervisionStanding[]; settings: ServiceSettings }> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      const rules = await settings.settingsFor(authorityId)
      const [sessions, { active, known }] = await Promise.all([
        repository.recentSupervision(db, authorityId, RECENT_SUPERVISION),
        activeStandings(authorityId, today(), rules),
      ])
      const due = supervisionDue(
        active.filter((advocate) => advocate.kind === 'parent_peer_advocate'),
        known,
      )
      const attendees = await repository.supervisionAttendees(
        db,
        authorityId,
        sessions.map((session) => session.id),
      )
      const attendeesOf = groupBy(attendees, (row) => row.session_id)
      await recordAudit(db, actorOf(caller), {
        action: 'programme.supervision-viewed',
        recordType: 'supervision_session',
        details: { sessions: sessions.length },
      })
      return {
        recent: sessions.map((session) => ({
          id: session.id,
          kind: session.kind,
          kindLabel: supervisionKinds[session.kind],
          heldOn: session.held_on,
          notes: session.notes,
          supervisorName: session.supervisor_name,
          attendees: (attendeesOf.get(session.id) ?? []).map((row) => ({ id: row.id, name: nameOf(row) })),
        })),
        due,
        settings: rules,
      }
    },

    /** Who comes to supervision: parent peer advocates in training, awaiting accreditation or active. */
    async supervisionCandidates(caller: Caller): Promise<AdvocateRef[]> {
      requireCoordinator(caller)
      const rows = await repository.programmeAdvocates(db, caller.user.authorityId, { stages: SUPERVISED_STAGES, kind: 'parent_peer_advocate' })
      return rows.map(refOf)
    },

    async recordSupervision(
      caller: Caller,
      session: { kind: SupervisionKind; heldOn: string; attendees: readonly string[]; notes: string | null },
    ): Promise<string> {
      requireCoordinator(caller)
      const authorityId = caller.user.authorityId
      notInFuture(session.heldOn, today(), 'heldOn', 'The date of the session must be today or in the past')
      if (session.kind === 'one_to_one' && session.attendees.length === 0) throw new ProgrammeAnswerRefused('attendees', 'Select who had the one-to-one')
      if (session.kind === 'one_to_one' && session.attendees.length > 1) {
        throw new ProgrammeAnswerRefused('attendees', 'A one-to-one is with one person: select only one, or record a group session')
      }
      if (session.kind === 'group' && session.attendees.length === 0) throw new ProgrammeAnswerRefused('attendees', 'Select who came to the group session')
      return db.transaction().execute(async (trx) => {
        const candidates = await repository.programmeAdvocates(trx, authorityId, { stages: SUPERVISED_STAGES, kind: 'parent_peer_advocate' })
        if (session.attendees.some((id) => !candidates.some((candidate) => candidate.id === id)))
          throw new ProgrammeAnswerRefused('attendees', 'Select people from the list')
        const sessionId = await repository.insertSupervision(trx, {
          authorityId,
          kind: session.kind,
          heldOn: session.heldOn,
          supervisorId: caller.user.id,
          notes: session.notes,
          now: clock.now(),
        })
        await repository.insertSupervisionAttendance(trx, authorityId, sessionId, session.attendees)
        await recordAudit(trx, actorOf(caller), {
          action: 'programme.supervision-recorded',
          recordType: 'supervision_session',
          recordId: sessionId,
          details: { kind: session.kind, heldOn: session.heldOn, attendees: session.attendees },
        })
        return sessionId
      })
    },
  }
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>
