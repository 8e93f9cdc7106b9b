import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { withSessionSettings } from './database.ts'

describe('the settings of every PostgreSQL session the service opens (ADR 33, 37)', () => {
  test('turn off JIT compilation and parallel workers, and cost a page read out of order as from memory or an SSD', () => {
    const url = new URL(withSessionSettings('postgres://alongside@db.example:5432/alongside'))
    assert.equal(url.searchParams.get('options'), '-c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1')
    assert.equal(url.pathname, '/alongside')
    assert.equal(url.host, 'db.example:5432')
  })

  test('come before the address’s own options, so an operator’s choice wins; other parameters are kept', () => {
    const url = new URL(withSessionSettings('postgres://alongside:s%40cret@db.example/alongside?sslmode=require&options=-c%20jit%3Don'))
    assert.equal(url.searchParams.get('options'), '-c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1 -c jit=on')
    assert.equal(url.searchParams.get('sslmode'), 'require')
    assert.equal(decodeURIComponent(url.password), 's@cret')
  })
})
