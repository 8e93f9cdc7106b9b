import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { canonicalJson, checkLinks, genesisHash, linkHash, type StoredLink } from './chain.ts'

function chainOfEvents(count: number): StoredLink[] {
  const events: StoredLink[] = []
  let previous = genesisHash('a')
  for (let seq = 1; seq <= count; seq += 1) {
    const content = {
      chain: 'a',
      seq,
      at: new Date(Date.UTC(2026, 10, 27, 10, 0, seq)),
      authorityId: 'a',
      actorId: 'u',
      action: 'referral.viewed',
      recordType: 'referral',
      recordId: `r${seq}`,
      ip: '127.0.0.1',
      details: { b: 1, a: [1, { d: null, c: 'x' }] },
    }
    const hash = linkHash(previous, content)
    events.push({ ...content, id: 100 + seq, previousHash: previous, hash })
    previous = hash
  }
  return events
}

const start = { seq: 0, hash: genesisHash('a'), id: null }

describe('the audit chain', () => {
  test('keys are put in order, so stored and read-back content hashes the same', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}')
  })

  test('an untouched chain holds from the first link to the last', () => {
    const result = checkLinks(chainOfEvents(5), start)
    assert.equal(result.broken, null)
    assert.equal(result.last.seq, 5)
  })

  test('a changed event breaks the chain at that link', () => {
    const events = chainOfEvents(5)
    const changed = events.map((event) => (event.seq === 3 ? { ...event, action: 'referral.nothing-to-see' } : event))
    assert.deepEqual(checkLinks(changed, start).broken, { kind: 'changed', seq: 3, id: 103 })
    const redated = events.map((event) => (event.seq === 2 ? { ...event, at: new Date(0) } : event))
    assert.deepEqual(checkLinks(redated, start).broken, { kind: 'changed', seq: 2, id: 102 })
  })

  test('a removed event leaves a gap; an inserted one does not follow its link', () => {
    const events = chainOfEvents(5)
    assert.deepEqual(
      checkLinks(
        events.filter((event) => event.seq !== 4),
        start,
      ).broken,
      { kind: 'missing', seq: 4, afterId: 103 },
    )
    const forged = { ...events[2]!, id: 999, seq: 3, recordId: 'forged' }
    const rehashed = { ...forged, hash: linkHash(forged.previousHash ?? '', forged) }
    const withInsert = [...events.slice(0, 3), { ...rehashed, seq: 4 }, ...events.slice(3).map((event) => ({ ...event, seq: event.seq + 1 }))]
    assert.equal(checkLinks(withInsert, start).broken?.kind, 'relinked')
  })
})
