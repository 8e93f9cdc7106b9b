import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bindService, type ServiceContext } from './service-context.ts'

describe('binding a service to its context', () => {
  const context = { db: undefined as never, clock: { now: () => new Date('2026-03-03T10:00:00Z') } } satisfies ServiceContext

  it('gives every function the context first, and passes the caller’s arguments after it', async () => {
    const seen: unknown[] = []
    const service = bindService(context, {
      async save(given: ServiceContext, who: string, count: number) {
        seen.push(given, who, count)
        return `${who} saved ${count} on ${given.clock.now().toISOString().slice(0, 10)}`
      },
    })
    assert.equal(await service.save('Sam', 2), 'Sam saved 2 on 2026-03-03')
    assert.deepEqual(seen, [context, 'Sam', 2])
  })

  it('binds only the functions it is given', () => {
    const service = bindService(context, { a: () => 1, b: () => 2 })
    assert.deepEqual(Object.keys(service).sort(), ['a', 'b'])
  })
})
