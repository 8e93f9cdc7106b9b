import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The journeys' service runs on a clock they can move on (`TEST_CLOCK_FILE`, set by
 * start-service.ts; refused in production): the file holds how many minutes ahead it runs.
 */
export function serviceClockFile(port: string): string {
  return join(tmpdir(), `alongside-e2e-clock-${port}`)
}

/** Lets `minutes` pass for the service at `baseURL` (its scheduled jobs see the new time at their next tick). */
export function advanceServiceClock(baseURL: string, minutes: number): void {
  const file = serviceClockFile(new URL(baseURL).port)
  writeFileSync(file, String(minutesAhead(file) + minutes))
}

function minutesAhead(file: string): number {
  try {
    return Number(readFileSync(file, 'utf8').trim()) || 0
  } catch {
    return 0
  }
}

/** Puts the service at `baseURL` back on the real time: a journey that moved it on does so when it ends, as the journeys share one service. */
export function resetServiceClock(baseURL: string): void {
  writeFileSync(serviceClockFile(new URL(baseURL).port), '0')
}
