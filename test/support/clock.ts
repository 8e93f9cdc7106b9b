import type { Clock } from '../../src/platform/time/clock.ts'

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  #now: Date

  constructor(start: string | Date = '2026-11-24T10:00:00Z') {
    this.#now = new Date(start)
  }

  now(): Date {
    return new Date(this.#now)
  }

  set(instant: string | Date): void {
    this.#now = new Date(instant)
  }

  advanceMinutes(minutes: number): void {
    this.#now = new Date(this.#now.getTime() + minutes * 60_000)
  }

  advanceDays(days: number): void {
    this.advanceMinutes(days * 24 * 60)
  }
}
