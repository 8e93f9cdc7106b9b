import type { Queryable } from '../../platform/db/schema.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import type { AdvocateKind, Stage } from '../../vocabulary/advocates.ts'
import { settingsFor } from '../settings/service.ts'
import type { AdvocatesContext } from './context.ts'
import { eligibility, type Eligibility } from './eligibility.ts'
import * as workload from './workload-repository.ts'

/**
 * What is known of advocates beyond their own record: whether each may be offered work today (and
 * why not: their training and supervision are the programme's records, asked for through the
 * context), and how many people each is working with. The pages and matching both ask.
 */

/** Past this many advocates, the training records of the whole pool are read at once. */
const WHOLE_POOL = 200

/** Whether each advocate may be offered work today, and why not. */
export async function eligibilities(
  context: AdvocatesContext,
  trx: Queryable,
  authorityId: string,
  rows: readonly { id: string; kind: AdvocateKind; stage: Stage; dbs_checked_on: string | null }[],
): Promise<Map<string, Eligibility>> {
  const today = londonDate(context.clock.now())
  const rules = await settingsFor(context, authorityId, trx)
  const since = addDays(today, -7 * Math.max(rules.groupWindowWeeks, rules.oneToOneWithinWeeks) - 7)
  const ids = rows.length > WHOLE_POOL ? undefined : rows.map((row) => row.id)
  const training = await context.training.trainingRecords(trx, authorityId, ids, since)
  const modulesBy = Map.groupBy(training.completedModules, (row) => row.advocateId)
  const attendedBy = Map.groupBy(training.supervisionAttended, (row) => row.advocateId)
  return new Map(
    rows.map((row) => {
      const mine = attendedBy.get(row.id) ?? []
      const oneToOnes = mine.filter((session) => session.kind === 'one_to_one').map((session) => session.heldOn)
      const verdict = eligibility(
        {
          kind: row.kind,
          stage: row.stage,
          dbsCheckedOn: row.dbs_checked_on,
          completedModules: (modulesBy.get(row.id) ?? []).map((completion) => completion.module),
          lastOneToOneOn: oneToOnes.sort().at(-1) ?? null,
          groupSessionsAttended: mine.filter((session) => session.kind === 'group').map((session) => session.heldOn),
          groupSessionsHeld: training.groupSessionsHeld,
        },
        today,
        rules,
      )
      return [row.id, verdict]
    }),
  )
}

/** How many people each advocate is working with now, offers waiting included (all the pool's, unless `ids`). */
export async function loadsOf(trx: Queryable, authorityId: string, ids?: readonly string[]): Promise<Map<string, number>> {
  const rows = await workload.activeLoads(trx, authorityId, ids)
  return new Map(rows.map((row) => [row.advocate_id ?? '', Number(row.load)]))
}

/** How many allocations each advocate took on since `since`, for sharing work evenly. */
export async function recentAllocations(trx: Queryable, authorityId: string, since: Date): Promise<Map<string, number>> {
  const rows = await workload.recentAllocationCounts(trx, authorityId, since)
  return new Map(rows.map((row) => [row.advocate_id ?? '', Number(row.count)]))
}
