/**
 * A second reporter for the test tiers (`scripts/test.ts`): when a run ends, it prints the top-level
 * tests (a file's `describe`, mostly) that took longest, and the run's total. CI has a budget of 30
 * minutes on two cores, so a file that grows slow should be seen in the log of the change that
 * slowed it, not found later by bisecting.
 *
 * A test's time is the wall time from its start to the next top-level test's: its hooks and setup
 * count, which its own duration leaves out. The files of a tier run one after another in one
 * process (ADR 28), so the times add up to the tier's.
 */
import type { TestEvent } from 'node:test/reporters'

const SHOWN = 12

export default async function* durations(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const byTest = new Map<string, number>()
  let current: string | undefined
  let since = performance.now()
  const close = () => {
    const now = performance.now()
    if (current !== undefined) byTest.set(current, (byTest.get(current) ?? 0) + (now - since))
    since = now
  }
  for await (const event of source) {
    // A suite's 'test:start' is reported only once its first test has ended; 'test:dequeue' is when it begins.
    if (event.type !== 'test:dequeue' || event.data.nesting !== 0) continue
    close()
    current = event.data.name
  }
  close()
  if (byTest.size === 0) return
  const slowest = [...byTest].sort((a, b) => b[1] - a[1]).slice(0, SHOWN)
  const total = [...byTest.values()].reduce((sum, ms) => sum + ms, 0)
  yield `\nThe ${slowest.length} slowest of ${byTest.size} top-level tests (${(total / 1000).toFixed(0)} s in all):\n`
  for (const [name, ms] of slowest) yield `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}\n`
}
