/**
 * @pure
 *
 * How a reschedule is kept on the timeline, both ways in one place: the step stores the dates as
 * they are stored everywhere (`2026-12-15`, `10:30`), and the timeline reads them back to show them
 * as every other date is shown. A note this does not recognise is shown as it was written.
 */

export interface MeetingWhen {
  /** YYYY-MM-DD */
  readonly date: string
  /** HH:MM, if known */
  readonly time: string | null
}

export interface Move {
  readonly from: MeetingWhen
  readonly to: MeetingWhen
}

function when(at: MeetingWhen): string {
  return at.time ? `${at.date} ${at.time}` : at.date
}

/** The note a reschedule stores. */
export function movedNote(move: Move): string {
  return `Moved from ${when(move.from)} to ${when(move.to)}`
}

const MOVED = /^Moved from (\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))? to (\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/

/** The dates a reschedule's note holds, or null for any other note. */
export function readMovedNote(note: string | null): Move | null {
  const match = note === null ? null : MOVED.exec(note)
  if (!match?.[1] || !match[3]) return null
  return { from: { date: match[1], time: match[2] ?? null }, to: { date: match[3], time: match[4] ?? null } }
}
