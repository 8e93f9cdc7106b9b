import type { ServiceContext } from '../../platform/service-context.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { roster, type RosterAdvocate } from '../advocates/roster-service.ts'
import { eligibility, type Eligibility } from '../advocates/eligibility.ts'
import type { ServiceSettings } from '../settings/service.ts'
import { DUE_SOON_DAYS, refOf, type SupervisionStanding } from './programme.ts'
import * as supervision from './supervision-repository.ts'
import { trainingRecords } from './training-records-service.ts'

/**
 * Where each active advocate stands today: whose supervision is overdue, due soon or short of
 * group sessions, and who cannot be offered work and why. The overview and the supervision page
 * both show it.
 */

export type Standing = Omit<SupervisionStanding, 'advocate'> & { readonly verdict: Eligibility }

/** What is known of each advocate's supervision and training, and what it means on `day`. */
async function standings(context: ServiceContext, authorityId: string, advocates: readonly RosterAdvocate[], day: string, rules: ServiceSettings) {
  const windowStart = addDays(day, -7 * rules.groupWindowWeeks)
  const ids = advocates.map((advocate) => advocate.id)
  const [lastOneToOnes, training] = await Promise.all([
    supervision.lastOneToOnes(context.db, authorityId),
    trainingRecords(context.db, authorityId, ids, windowStart),
  ])
  const lastOf = new Map(lastOneToOnes.map((row) => [row.advocate_id, row.last_on]))
  const groupDatesOf = Map.groupBy(
    training.supervisionAttended.filter((row) => row.kind === 'group'),
    (row) => row.advocateId,
  )
  const modulesOf = Map.groupBy(training.completedModules, (row) => row.advocateId)
  const inWindow = (date: string) => date >= windowStart && date <= day
  const groupRequired = Math.min(rules.groupSessionsRequired, training.groupSessionsHeld.filter(inWindow).length)

  return new Map(
    advocates.map((advocate): [string, Standing] => {
      const lastOneToOneOn = lastOf.get(advocate.id) ?? null
      const groupDates = (groupDatesOf.get(advocate.id) ?? []).map((row) => row.heldOn)
      const groupAttended = new Set(groupDates.filter(inWindow)).size
      const oneToOneDueBy = lastOneToOneOn ? addDays(lastOneToOneOn, 7 * rules.oneToOneWithinWeeks) : null
      const oneToOne = oneToOneDueBy === null || oneToOneDueBy < day ? 'overdue' : oneToOneDueBy <= addDays(day, DUE_SOON_DAYS) ? 'due_soon' : 'up_to_date'
      const verdict = eligibility(
        {
          kind: advocate.kind,
          stage: advocate.stage,
          dbsCheckedOn: advocate.dbsCheckedOn,
          completedModules: (modulesOf.get(advocate.id) ?? []).map((row) => row.module),
          lastOneToOneOn,
          groupSessionsAttended: groupDates,
          groupSessionsHeld: training.groupSessionsHeld,
        },
        day,
        rules,
      )
      return [advocate.id, { lastOneToOneOn, oneToOneDueBy, oneToOne, groupAttended, groupRequired, groupShort: groupAttended < groupRequired, verdict }]
    }),
  )
}

/** Active advocates, and where each stands on `day`. */
export async function activeStandings(context: ServiceContext, authorityId: string, day: string, rules: ServiceSettings) {
  const active = await roster(context.db, authorityId, { stages: ['active'] })
  return { active, known: await standings(context, authorityId, active, day, rules) }
}

/** Active parent peer advocates whose supervision needs arranging, most urgent first. */
export function supervisionDue(active: readonly RosterAdvocate[], known: ReadonlyMap<string, Standing>): SupervisionStanding[] {
  const due: SupervisionStanding[] = []
  for (const advocate of active) {
    const standing = known.get(advocate.id)
    if (advocate.kind !== 'parent_peer_advocate' || !standing || (standing.oneToOne === 'up_to_date' && !standing.groupShort)) continue
    const { verdict: _verdict, ...rest } = standing
    due.push({ advocate: refOf(advocate), ...rest })
  }
  const rank = { overdue: 0, due_soon: 1, up_to_date: 2 } as const
  return due.sort((a, b) => rank[a.oneToOne] - rank[b.oneToOne] || (a.oneToOneDueBy ?? '').localeCompare(b.oneToOneDueBy ?? ''))
}
