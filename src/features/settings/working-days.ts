import type { Queryable } from '../../platform/db/schema.ts'
import { bankHolidaysIn } from '../../platform/time/bank-holidays.ts'
import type { BankHolidays } from '../../platform/time/calendar.ts'
import { changeOf } from './bank-holiday-change.ts'
import * as repository from './repository.ts'
import { regionValue } from './settings.ts'

/**
 * The bank holidays the authority's due dates skip: its region's, with the changes a system admin
 * has made. `db` is the caller's transaction when there is one (PGlite has one connection).
 */
export async function bankHolidaysFor(db: Queryable, authorityId: string): Promise<BankHolidays> {
  const rows = await repository.bankHolidayRegionAndChanges(db, authorityId)
  // Every region's changes: `bankHolidaysIn` takes the region's own.
  const changes = rows.flatMap(({ region, on_date, change, name }) =>
    region !== null && on_date !== null && change !== null && name !== null ? [changeOf({ region, on_date, change, name })] : [],
  )
  return bankHolidaysIn(regionValue(rows[0]?.region_setting ?? undefined), changes)
}
