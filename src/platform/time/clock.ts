/** Where "now" comes from. Services take a clock so tests can stand on a fixed day. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date (YYYY-MM-DD) in the UK at an instant. */
export function londonDate(instant: Date): string {
  return londonDateFormat.format(instant)
}
