import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { rowFromJson, rowsFromJson } from './json-rows.ts'

interface Row {
  id: string
  meeting_date: string
  meeting_time: string | null
  decided_at: Date
  updated_at: Date | null
  reasons: string[]
}

describe('rows read back from JSON', () => {
  test('each timestamp column becomes the instant PostgreSQL wrote, to the millisecond; the rest are as given', () => {
    const row = rowFromJson<Row>(
      {
        id: 'a',
        meeting_date: '2026-12-03',
        meeting_time: '10:30:00',
        decided_at: '2026-11-29T03:13:12.345678+00:00',
        updated_at: '2026-06-01T09:00:00+01:00',
        reasons: ['one', 'two'],
      },
      { decided_at: true, updated_at: true },
    )
    assert.deepEqual(row, {
      id: 'a',
      meeting_date: '2026-12-03',
      meeting_time: '10:30:00',
      decided_at: new Date('2026-11-29T03:13:12.345Z'),
      updated_at: new Date('2026-06-01T08:00:00.000Z'),
      reasons: ['one', 'two'],
    })
  })

  test('a timestamp that is null stays null; a record that is not there is undefined', () => {
    assert.equal(rowFromJson<Row>({ updated_at: null }, { decided_at: true, updated_at: true })?.updated_at, null)
    assert.equal(rowFromJson<Row>(null, { decided_at: true, updated_at: true }), undefined)
  })

  test('what is not an object is refused', () => {
    assert.throws(() => rowFromJson<Row>('a row', { decided_at: true, updated_at: true }), TypeError)
  })

  test('an array of rows keeps its order, each row read as one is; none is an empty list', () => {
    const rows = rowsFromJson<Row>(
      [
        { id: 'b', decided_at: '2026-11-29T03:13:12.345678+00:00', updated_at: null },
        { id: 'a', decided_at: '2026-06-01T09:00:00+01:00', updated_at: '2026-06-01T09:00:00+01:00' },
      ],
      { decided_at: true, updated_at: true },
    )
    assert.deepEqual(rows, [
      { id: 'b', decided_at: new Date('2026-11-29T03:13:12.345Z'), updated_at: null },
      { id: 'a', decided_at: new Date('2026-06-01T08:00:00.000Z'), updated_at: new Date('2026-06-01T08:00:00.000Z') },
    ])
    assert.deepEqual(rowsFromJson<Row>(null, { decided_at: true, updated_at: true }), [])
    assert.deepEqual(rowsFromJson<Row>([], { decided_at: true, updated_at: true }), [])
  })

  test('rows that are not an array, or an array of what is not a row, are refused', () => {
    assert.throws(() => rowsFromJson<Row>({ id: 'a' }, { decided_at: true, updated_at: true }), TypeError)
    assert.throws(() => rowsFromJson<Row>([null], { decided_at: true, updated_at: true }), TypeError)
    assert.throws(() => rowsFromJson<Row>(['a row'], { decided_at: true, updated_at: true }), TypeError)
  })
})
