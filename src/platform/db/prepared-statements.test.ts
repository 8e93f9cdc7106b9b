import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isStalePlan, nameFor } from './prepared-statements.ts'

describe('the names a connection prepares its statements under (ADR 35)', () => {
  const fresh = () => ({ texts: new Map<string, string>(), next: 1 })

  test('the same text has the same name each time; another text another name', () => {
    const names = fresh()
    const first = nameFor(names, 'select * from referral where id = $1', 10)
    assert.equal(typeof first, 'string')
    assert.equal(nameFor(names, 'select * from referral where id = $1', 10), first)
    const second = nameFor(names, 'select * from person where id = $1', 10)
    assert.notEqual(second, first)
    assert.equal(nameFor(names, 'select * from referral where id = $1', 10), first)
  })

  test('queries, inserts, updates, deletes and common table expressions are named, in any case and after spaces', () => {
    const names = fresh()
    for (const text of [
      'select 1',
      'INSERT into x values ($1)',
      '  update x set y = $1',
      'delete from x',
      'with a as (select 1) select * from a',
      '\nSelect 2',
    ])
      assert.equal(typeof nameFor(names, text, 10), 'string', text)
  })

  test('transaction control, settings and schema changes run unnamed', () => {
    const names = fresh()
    for (const text of ['begin', 'commit', 'rollback', 'set local statement_timeout = 1000', 'create table x (id int)', 'vacuum', 'selection', ''])
      assert.equal(nameFor(names, text, 10), undefined, text)
    assert.equal(names.texts.size, 0)
  })

  test('past the limit, new texts run unnamed and those already named keep their names', () => {
    const names = fresh()
    const named = [1, 2, 3].map((n) => nameFor(names, `select ${n}`, 3))
    assert.ok(named.every((name) => typeof name === 'string'))
    assert.equal(new Set(named).size, 3)
    assert.equal(nameFor(names, 'select 4', 3), undefined)
    assert.equal(nameFor(names, 'select 2', 3), named[1])
    assert.equal(names.texts.size, 3)
  })

  test('names are never used again for another text, even after the connection forgets them', () => {
    const names = fresh()
    const before = nameFor(names, 'select 1', 10)
    names.texts.clear()
    const after = nameFor(names, 'select 1', 10)
    assert.notEqual(after, before)
  })

  test('a stale plan is PostgreSQL’s refusal of a changed table, and nothing else', () => {
    assert.equal(isStalePlan(Object.assign(new Error('cached plan must not change result type'), { code: '0A000' })), true)
    assert.equal(isStalePlan(Object.assign(new Error('cached plan must not change result type'), { code: '42P01' })), false)
    assert.equal(isStalePlan(Object.assign(new Error('something else'), { code: '0A000' })), false)
    assert.equal(isStalePlan(null), false)
    assert.equal(isStalePlan('cached plan must not change result type'), false)
  })
})
