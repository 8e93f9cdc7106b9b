import { readFileSync } from 'node:fs'
import type { Clock } from './clock.ts'

/**
 * A clock ahead of the real one by as many minutes as a file says (`TEST_CLOCK_FILE`, which the
 * configuration refuses in production). The browser journeys start the service with one and write
 * to the file to let time pass: a concern not acknowledged in working hours (ADR 25). A missing or
 * unreadable file is no offset.
 */
export function fileOffsetClock(file: string): Clock {
  return { now: () => new Date(Date.now() + offsetMinutes(file) * 60_000) }
}

function offsetMinutes(file: string): number {
  try {
    const minutes = Number(readFileSync(file, 'utf8').trim())
    return Number.isFinite(minutes) ? minutes : 0
  } catch {
    return 0
  }
}
