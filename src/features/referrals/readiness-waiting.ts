import type { Queryable } from '../../platform/db/schema.ts'
import { fullName } from '../../platform/people-names.ts'
import { addDays, runsOfDays, type BankHolidays } from '../../platform/time/calendar.ts'
import { earliestDueBy, outstanding, type WaitsOn } from '../meetings/readiness.ts'
import type { MeetingRules } from '../settings/meeting-rules.ts'
import * as meetings from './meeting-repository.ts'
import { readinessLabels, readinessOfRow } from './readiness-view.ts'
import { openStates } from './workflow.ts'

/**
 * "Meetings not ready for the family yet" in the worktrays (issue 12), read a page at a time
 * (issue 9): what waits on one person or team, soonest due first.
 */

/** How far ahead the worktray looks for meetings to get ready: the longest local rule is 10 working days. */
export const READINESS_LOOKAHEAD_DAYS = 28

export interface ReadinessWaitingItem {
  readonly referralId: string
  readonly href: string
  readonly reference: string
  readonly person: string
  readonly meetingDate: string
  readonly what: string
  readonly dueBy: string
  readonly late: boolean
}

/**
 * Overdue first, then soonest due, is the order of the due dates: an item is late once its date has
 * passed. Then by reference, compared by character codes as the meetings are read (collation "C").
 */
export function byDueDate(a: ReadinessWaitingItem, b: ReadinessWaitingItem): number {
  return a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0
}

/**
 * The first items of a list that wait on one person or team, in its order. The coming days are read
 * in runs that share their earliest due date (a Saturday, Sunday and Monday are all due by the
 * Friday), each run's meetings a page at a time in reference order, and no further once nothing
 * unread can come before the last item kept: `earliestDueBy` says how soon an unread meeting's
 * items can be due, and the reference order says the rest.
 */
export async function waitingOn(
  db: Queryable,
  authorityId: string,
  owner: meetings.ReadinessOwner,
  waitsOn: WaitsOn,
  on: { readonly today: string; readonly rules: MeetingRules; readonly bankHolidays: BankHolidays },
  lengths: { readonly list: number; readonly page: number },
): Promise<ReadinessWaitingItem[]> {
  const { today, rules, bankHolidays } = on
  let kept: ReadinessWaitingItem[] = []
  const runs = runsOfDays(today, addDays(today, READINESS_LOOKAHEAD_DAYS), (day) => earliestDueBy(day, rules, bankHolidays, [waitsOn]))
  for (const run of runs) {
    const soonest = run.key
    if (soonest === null) continue
    const lastKept = kept[lengths.list - 1]
    if (lastKept && soonest > lastKept.dueBy) break
    let after: string | null = null
    for (;;) {
      const rows = await meetings.meetingsToReady(db, authorityId, owner, openStates, run, { after, limit: lengths.page })
      for (const row of rows)
        for (const entry of outstanding(readinessOfRow(row, rules, today, bankHolidays))) {
          if (entry.waitsOn !== waitsOn || (entry.state.kind !== 'due' && entry.state.kind !== 'late')) continue
          kept.push({
            referralId: row.id,
            href: `/referrals/${row.id}/readiness`,
            reference: row.reference,
            person: row.given_name ? fullName({ given_name: row.given_name, family_name: row.family_name ?? '' }) : 'Parent or carer not added yet',
            meetingDate: row.meeting_date,
            what: readinessLabels[entry.item],
            dueBy: entry.state.dueBy,
            late: entry.state.kind === 'late',
          })
        }
      kept = kept.sort(byDueDate).slice(0, lengths.list)
      const lastRead = rows.at(-1)
      if (!lastRead || rows.length < lengths.page) break
      // The run's unread meetings are due from `soonest`, with references after the last read.
      const last = kept[lengths.list - 1]
      if (last && (soonest > last.dueBy || (soonest === last.dueBy && lastRead.reference >= last.reference))) break
      after = lastRead.reference
    }
  }
  return kept
}
