import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileOffsetClock } from './offset-clock.ts'

describe('a clock the journeys move on', () => {
  test('runs ahead by the minutes its file says, read each time; no file or nonsense is no offset', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'alongside-clock-')), 'clock')
    const clock = fileOffsetClock(file)
    const near = (date: Date, minutes: number) => Math.abs(date.getTime() - (Date.now() + minutes * 60_000)) < 5_000
    assert.ok(near(clock.now(), 0), 'no file yet')
    writeFileSync(file, '300')
    assert.ok(near(clock.now(), 300))
    writeFileSync(file, 'soon')
    assert.ok(near(clock.now(), 0))
  })
})
