import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { TestClock } from '../../../test/support/clock.ts'
import { engine, openTestDatabase } from '../../../test/support/database.ts'
import type { Database } from '../db/database.ts'
import { slotsOf } from './job-repository.ts'
import { createScheduler, slotOf } from './scheduler.ts'

/** ADR 20: a job runs once per slot, whichever process ticks, and a slot nobody finished is run after a restart. */
describe(`the scheduler (${engine})`, () => {
  let database: Database
  before(async () => {
    database = await openTestDatabase()
  })
  after(async () => database.close())

  test('a slot is the UK day for a daily job, and a count of periods for the others', () => {
    assert.equal(slotOf('day', new Date('2026-06-30T23:30:00Z')), '2026-07-01', 'half past midnight in British Summer Time')
    assert.equal(slotOf({ seconds: 60 }, new Date('2026-11-27T10:00:59Z')), slotOf({ seconds: 60 }, new Date('2026-11-27T10:00:00Z')))
    assert.notEqual(slotOf({ seconds: 60 }, new Date('2026-11-27T10:01:00Z')), slotOf({ seconds: 60 }, new Date('2026-11-27T10:00:59Z')))
  })

  test('two schedulers on one database ticking at once run each slot of a job once', async () => {
    const clock = new TestClock('2026-11-27T09:00:00Z')
    let runs = 0
    const make = () => {
      const scheduler = createScheduler(database.db, clock)
      scheduler.daily('count-daily', async () => {
        runs += 1
        await new Promise((resolve) => setTimeout(resolve, 20))
        return 1
      })
      return scheduler
    }
    const [one, two] = [make(), make()]
    const reports = await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()])
    assert.equal(runs, 1)
    assert.equal(reports.flat().filter((report) => report.job === 'count-daily').length, 1)
    clock.advanceMinutes(60)
    await Promise.all([one.tick(), two.tick()])
    assert.equal(runs, 1, 'later the same day: nothing')
    clock.advanceDays(1)
    await Promise.all([one.tick(), two.tick()])
    assert.equal(runs, 2, 'the next day: once more')
    assert.deepEqual(
      (await slotsOf(database.db, 'count-daily')).map((row) => [row.slot, row.done]),
      [
        ['2026-11-27', 1],
        ['2026-11-28', 1],
      ],
    )
  })

  test('a slot claimed by a process that died is run by another once its lease lapses; a restart runs a slot nobody finished', async () => {
    const clock = new TestClock('2026-11-27T09:00:00Z')
    // The first process claims the slot and dies before it finishes: its job never returns.
    const dying = createScheduler(database.db, clock, { leaseMs: 5 * 60_000 })
    dying.daily('survives', () => new Promise<number>(() => undefined))
    void dying.tick()
    await new Promise((resolve) => setTimeout(resolve, 50))

    let runs = 0
    const restarted = createScheduler(database.db, clock, { leaseMs: 5 * 60_000 })
    restarted.daily('survives', async () => {
      runs += 1
      return 3
    })
    await restarted.tick()
    assert.equal(runs, 0, 'the lease still holds')
    clock.advanceMinutes(6)
    await restarted.tick()
    assert.equal(runs, 1, 'taken over when the lease lapsed')
    await restarted.tick()
    assert.equal(runs, 1, 'and then finished')
  })

  test('a job that fails is tried again a minute later, and the failure is told by the job’s name', async () => {
    const clock = new TestClock('2026-11-27T09:00:00Z')
    const failures: string[] = []
    let calls = 0
    const scheduler = createScheduler(database.db, clock, { onFailure: (job) => failures.push(job) })
    scheduler.daily('fails-once', async () => {
      calls += 1
      if (calls === 1) throw new Error('the database went away')
      return 0
    })
    assert.deepEqual(
      (await scheduler.tick()).filter((report) => report.job === 'fails-once'),
      [{ job: 'fails-once', slot: '2026-11-27', failed: true }],
    )
    assert.deepEqual(failures, ['fails-once'])
    await scheduler.tick()
    assert.equal(calls, 1, 'not at once')
    clock.advanceMinutes(2)
    await scheduler.tick()
    assert.equal(calls, 2)
  })

  test('a job has one name, of lower-case words', () => {
    const scheduler = createScheduler(database.db, new TestClock())
    assert.throws(() => scheduler.daily('Clean Up', async () => 0), /lower-case words/)
    scheduler.daily('clean-up', async () => 0)
    assert.throws(() => scheduler.every('clean-up', 60, async () => 0), /Two jobs are called clean-up/)
    assert.deepEqual(scheduler.jobs, ['forget-old-job-slots', 'clean-up'])
  })
})
