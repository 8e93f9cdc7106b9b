import type { Queryable } from '../../platform/db/schema.ts'

/**
 * How much work each advocate has, counted from the allocations, which are the referrals feature's
 * table: a read this feature borrows until the referrals feature's service offers these counts
 * (see README.md).
 */

const NO_ADVOCATE = '00000000-0000-0000-0000-000000000000'

/** People each advocate is working with now, offers waiting included. */
export async function activeLoads(db: Queryable, authorityId: string, advocateIds?: readonly string[]) {
  let query = db
    .selectFrom('allocation')
    .select(['advocate_id', (eb) => eb.fn.countAll<number>().as('load')])
    .where('authority_id', '=', authorityId)
    .where('status', 'in', ['offered', 'accepted'])
    .where('advocate_id', 'is not', null)
  if (advocateIds) query = query.where('advocate_id', 'in', advocateIds.length > 0 ? [...advocateIds] : [NO_ADVOCATE])
  return query.groupBy('advocate_id').execute()
}

/** Allocations each advocate took on since `since`, for sharing work evenly. */
export async function recentAllocationCounts(db: Queryable, authorityId: string, since: Date) {
  return db
    .selectFrom('allocation')
    .select(['advocate_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('authority_id', '=', authorityId)
    .where('status', 'in', ['accepted', 'ended'])
    .where('advocate_id', 'is not', null)
    .where('offered_at', '>=', since)
    .groupBy('advocate_id')
    .execute()
}
