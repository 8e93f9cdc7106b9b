import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DRAFT_LAPSE, draftLapse } from './workflow.ts'

test('a draft closes 30 days after it last changed, and is warned about from 21 days', () => {
  assert.deepEqual(DRAFT_LAPSE, { warnAfterDays: 21, lapseAfterDays: 30 })
  assert.deepEqual(draftLapse('2026-11-24', '2026-12-14'), { closesOn: '2026-12-24', warn: false }, '20 days on')
  assert.deepEqual(draftLapse('2026-11-24', '2026-12-15'), { closesOn: '2026-12-24', warn: true }, '21 days on')
  assert.deepEqual(draftLapse('2026-12-20', '2027-01-10'), { closesOn: '2027-01-19', warn: true }, 'across a year')
})
