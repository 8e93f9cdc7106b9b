import type { Queryable } from '../db/schema.ts'
import { londonDate, type Clock } from '../time/clock.ts'
import * as slots from './job-repository.ts'

/**
 * Scheduled work that runs exactly once, however many processes share the database, and that
 * survives a restart (ADR 20).
 *
 * A job is a service function that does one batch and says how much it did. Each job has a period
 * (a number of seconds, or a day in the UK); each period is a slot (`2026-11-27` for a daily job).
 * Every process ticks (every `tickSeconds`), and on a tick it runs a job only if it claims that
 * job's current slot in `scheduled_job_slot`: one row per job and slot, claimed by one process for
 * a lease. So two processes never run the same slot; a process that starts after a slot began (a
 * restart, a deploy) still runs a slot nobody finished; and a slot whose process died mid-run is
 * taken over when its lease lapses. Work inside a job is still done item by item, each re-checked
 * under its own lock (CONTRIBUTING: a job), so a run taken over repeats nothing already done.
 *
 * On the embedded database there is one process, and the same claims simply always succeed.
 *
 * Registering a job is one line, in `src/server.ts`'s list (`jobs.ts` of the app):
 *
 *     scheduler.daily('clean-up-closed-enquiries', () => services.publicPages.cleanUpClosedEnquiries())
 */

export type JobRun = () => Promise<number>

export interface JobReport {
  readonly job: string
  readonly slot: string
  readonly done?: number
  readonly failed?: true
}

interface Job {
  readonly name: string
  readonly period: { readonly seconds: number } | 'day'
  readonly run: JobRun
}

/** The slot a job is in at an instant: the UK day for a daily job, else the count of periods since 1970. */
export function slotOf(period: Job['period'], now: Date): string {
  return period === 'day' ? londonDate(now) : String(Math.floor(now.getTime() / (period.seconds * 1000)))
}

const JOB_NAME = /^[a-z][a-z0-9-]{1,60}$/

export interface Scheduler {
  /** Runs `run` once in each period of `seconds`, across every process. */
  every(name: string, seconds: number, run: JobRun): void
  /** Runs `run` once each UK day, across every process: at the first tick of the day. */
  daily(name: string, run: JobRun): void
  /** One tick: each job whose current slot this process claims is run, one after another. */
  tick(): Promise<readonly JobReport[]>
  /** Ticks every `tickSeconds` until stopped; a tick never starts while the last is running. */
  start(tickSeconds: number): void
  /** Stops ticking, and waits for a tick under way. */
  stop(): Promise<void>
  readonly jobs: readonly string[]
}

export function createScheduler(
  db: Queryable,
  clock: Clock,
  options: { readonly leaseMs?: number; readonly onFailure?: (job: string, error: unknown) => void } = {},
): Scheduler {
  const leaseMs = options.leaseMs ?? 10 * 60_000
  const jobs: Job[] = []
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = true

  function add(job: Job): void {
    if (!JOB_NAME.test(job.name)) throw new Error(`A job's name is lower-case words joined by hyphens: ${job.name}`)
    if (jobs.some((other) => other.name === job.name)) throw new Error(`Two jobs are called ${job.name}`)
    jobs.push(job)
  }

  async function tick(): Promise<readonly JobReport[]> {
    const reports: JobReport[] = []
    for (const job of jobs) {
      const now = clock.now()
      const slot = slotOf(job.period, now)
      if (!(await slots.claimSlot(db, job.name, slot, now, new Date(now.getTime() + leaseMs)))) continue
      try {
        const done = await job.run()
        await slots.finishSlot(db, job.name, slot, clock.now(), done)
        reports.push({ job: job.name, slot, done })
      } catch (error) {
        // Tried again a minute later, by whichever process ticks first.
        await slots.releaseSlot(db, job.name, slot, new Date(clock.now().getTime() + 60_000)).catch(() => undefined)
        options.onFailure?.(job.name, error)
        reports.push({ job: job.name, slot, failed: true })
      }
    }
    return reports
  }

  const scheduler: Scheduler = {
    every(name, seconds, run) {
      if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`A job runs every whole number of seconds: ${name}`)
      add({ name, period: { seconds }, run })
    },
    daily(name, run) {
      add({ name, period: 'day', run })
    },
    tick,
    start(tickSeconds) {
      stopped = false
      const next = () => {
        if (stopped) return
        timer = setTimeout(() => {
          running = tick()
            .catch((error: unknown) => options.onFailure?.('tick', error))
            .finally(next)
        }, tickSeconds * 1000)
        timer.unref()
      }
      running = tick()
        .catch((error: unknown) => options.onFailure?.('tick', error))
        .finally(next)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
    get jobs() {
      return jobs.map((job) => job.name)
    },
  }
  // Its own rows, a week after each finished.
  scheduler.daily('forget-old-job-slots', () => slots.forgetSlotsBefore(db, new Date(clock.now().getTime() - 7 * 24 * 3_600_000)))
  return scheduler
}
