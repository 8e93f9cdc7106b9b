import assert from 'node:assert/strict'
import { test } from 'node:test'
import { movedNote, readMovedNote } from './moved-note.ts'

test('a reschedule’s note keeps its dates, and gives them back', () => {
  const move = { from: { date: '2026-12-15', time: '10:30' }, to: { date: '2026-12-16', time: null } }
  assert.equal(movedNote(move), 'Moved from 2026-12-15 10:30 to 2026-12-16')
  assert.deepEqual(readMovedNote(movedNote(move)), move)
  assert.equal(readMovedNote('The family asked for a later date'), null)
  assert.equal(readMovedNote(null), null)
})
