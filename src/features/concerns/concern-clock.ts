import { addDays, isWorkingDay, type BankHolidays } from '../../platform/time/calendar.ts'

/**
 * @pure
 *
 * The concern clock (issue 11, ADR 25): by when a safeguarding concern must be acknowledged, and who
 * it goes to next when it is not. The time to acknowledge is counted in working hours: 09:00 to 17:00
 * in the UK, Monday to Friday, skipping the authority's bank holidays. A concern raised at 16:00 on a
 * Friday with 4 working hours to acknowledge it is due at 12:00 on Monday (or Tuesday, when Monday is
 * a bank holiday). Each person it reaches has the same time again, from when it reached them.
 */

export const WORKING_DAY = { startMinute: 9 * 60, endMinute: 17 * 60 } as const

export const ACKNOWLEDGE_HOURS = { min: 1, max: 40, default: 4 } as const

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** The UK day (YYYY-MM-DD) and minute of that day at an instant (seconds carried up to the next minute). */
export function londonWallClock(instant: Date): { readonly day: string; readonly minute: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]))
  const seconds = Number(parts['second']) + (instant.getTime() % 1000) / 1000
  return {
    day: `${parts['year']}-${parts['month']}-${parts['day']}`,
    minute: Number(parts['hour']) * 60 + Number(parts['minute']) + (seconds > 0 ? 1 : 0),
  }
}

/** The instant a UK day's minute is (in summer time, an hour before the same minute in UTC). */
export function londonInstant(day: string, minute: number): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number)
  const asIfUtc = Date.UTC(year, month - 1, date, 0, minute)
  // The offset at that wall time: try the offset of the instant itself, then correct once.
  let instant = asIfUtc
  for (let pass = 0; pass < 2; pass++) {
    const wall = londonWallClock(new Date(instant))
    const [wy = 1970, wm = 1, wd = 1] = wall.day.split('-').map(Number)
    const shownAsUtc = Date.UTC(wy, wm - 1, wd, 0, wall.minute)
    instant += asIfUtc - shownAsUtc
  }
  return new Date(instant)
}

function nextWorkingDay(day: string, bankHolidays: BankHolidays): string {
  let next = addDays(day, 1)
  while (!isWorkingDay(next, bankHolidays)) next = addDays(next, 1)
  return next
}

/** When a concern that reached someone at `from` must be acknowledged by: `hours` working hours later. */
export function acknowledgeBy(from: Date, hours: number, bankHolidays: BankHolidays): Date {
  if (!Number.isInteger(hours) || hours < 1) throw new RangeError(`Working hours must be a whole number of at least 1: ${hours}`)
  let { day, minute } = londonWallClock(from)
  if (!isWorkingDay(day, bankHolidays) || minute >= WORKING_DAY.endMinute) {
    day = nextWorkingDay(day, bankHolidays)
    minute = WORKING_DAY.startMinute
  }
  minute = Math.max(minute, WORKING_DAY.startMinute)
  let remaining = hours * 60
  for (;;) {
    const left = WORKING_DAY.endMinute - minute
    if (remaining <= left) return londonInstant(day, minute + remaining)
    remaining -= left
    day = nextWorkingDay(day, bankHolidays)
    minute = WORKING_DAY.startMinute
  }
}

/** Whether a concern waiting to be acknowledged by `by` is overdue at `now`. */
export function isOverdue(by: Date | null, now: Date): boolean {
  return by !== null && now.getTime() >= by.getTime()
}

/**
 * Who a concern goes to next: the first on the authority's list (in order) who has not had it yet
 * and can still receive it; null when the list has run out (then it goes to every service manager).
 */
export function nextRecipient(list: readonly string[], alreadyHad: readonly string[], canReceive: (userId: string) => boolean): string | null {
  return list.find((userId) => !alreadyHad.includes(userId) && canReceive(userId)) ?? null
}

/** The deputy told at once as well: the next on the list after the first it goes to. */
export function deputyOf(list: readonly string[], first: string | null, canReceive: (userId: string) => boolean): string | null {
  if (first === null) return null
  return nextRecipient(list, [first], canReceive)
}

/**
 * Who may acknowledge a concern: the person it is with, anyone it reached before them (they still
 * hold it), the deputy told at once, and, once the list has run out, every service manager.
 */
export function mayAcknowledge(
  userId: string,
  concern: { readonly reached: readonly string[]; readonly withEveryManager: boolean },
  isServiceManager: boolean,
): boolean {
  return concern.reached.includes(userId) || (concern.withEveryManager && isServiceManager)
}
