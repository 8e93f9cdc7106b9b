import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { after, before, describe, test } from 'node:test'
import { engine, openTestDatabase, testDatabaseUrl } from '../../../test/support/database.ts'
import { createWorld, type World } from '../../../test/support/world.ts'
import type { Database } from '../db/database.ts'
import { grantApplicationRole } from '../db/roles.ts'
import { recordAudit } from './audit.ts'
import { sealAuditTrail, startSealing } from './seal.ts'
import { checkSealing, verifyAuditTrail } from './verify.ts'

describe(`the audit trail's chain (${engine})`, () => {
  let database: Database
  let world: World
  before(async () => {
    database = await openTestDatabase()
    world = await createWorld(database.db)
  })
  after(() => database.close())

  const actor = () => ({ userId: world.staff.admin.id, authorityId: world.authorityId, ip: '127.0.0.1' })

  test('events recorded at the same moment wait, take no lock, and are each given their own place by the sealer', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        recordAudit(database.db, actor(), { action: 'referral.viewed', recordType: 'referral', recordId: `r${i}`, details: { i } }),
      ),
    )
    await recordAudit(database.db, { userId: null, authorityId: null, ip: null }, { action: 'sign-in.failed', recordType: 'account' })
    assert.equal((await checkSealing(database.db)).waiting, 26, 'recorded, and waiting to be sealed')
    assert.equal(await sealAuditTrail(database.db), 26)
    assert.deepEqual(await checkSealing(database.db), { waiting: 0, oldestWaiting: null, outside: [] })
    const reports = await verifyAuditTrail(database.db)
    const mine = reports.find((report) => report.chain === world.authorityId)
    assert.equal(mine?.events, 25)
    assert.ok(
      reports.every((report) => report.broken === null),
      JSON.stringify(reports),
    )
    assert.ok(reports.some((report) => report.chain === 'global'))
    assert.equal(await sealAuditTrail(database.db), 0, 'nothing is sealed twice')
  })

  test('sealers running at once (processes sharing the database) never fork a chain or seal an event twice', async () => {
    for (let i = 0; i < 120; i += 1) {
      await recordAudit(database.db, actor(), { action: 'referral.viewed', recordType: 'referral', recordId: `s${i}`, details: { i } })
    }
    const counts = await Promise.all([1, 2, 3].map(() => sealAuditTrail(database.db, { batch: 7 })))
    assert.equal(
      counts.reduce((sum, count) => sum + count, 0),
      120,
    )
    const mine = (await verifyAuditTrail(database.db)).find((report) => report.chain === world.authorityId)
    assert.deepEqual(mine, { chain: world.authorityId, events: 145, broken: null })
  })

  test('the sealer on a timer seals what is recorded, and a last round when it stops', async () => {
    const problems: unknown[] = []
    const sealer = startSealing(database.db, (error) => problems.push(error), 20)
    await recordAudit(database.db, actor(), { action: 'referral.viewed', recordType: 'referral', recordId: 'timer' })
    for (let tries = 0; tries < 100 && (await checkSealing(database.db)).waiting > 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20))
    assert.equal((await checkSealing(database.db)).waiting, 0)
    await recordAudit(database.db, actor(), { action: 'referral.viewed', recordType: 'referral', recordId: 'last' })
    await sealer.stop()
    assert.equal((await checkSealing(database.db)).waiting, 0, 'sealed on the way out')
    assert.deepEqual(problems, [])
  })

  test('an event changed behind the application’s back is found, and named', async () => {
    const target = await database.db
      .selectFrom('audit_seal')
      .select(['event_id', 'chain_seq'])
      .where('chain', '=', world.authorityId)
      .where('chain_seq', '=', 7)
      .executeTakeFirstOrThrow()
    // Only the tables' owner can do this: switch off the trigger that refuses changes, and edit.
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(database.db)
    await sql`update audit_event set details = '{"i": "edited"}' where id = ${target.event_id}`.execute(database.db)
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(database.db)
    const broken = (await verifyAuditTrail(database.db)).find((report) => report.chain === world.authorityId)?.broken
    assert.deepEqual(broken, { kind: 'changed', seq: 7, id: target.event_id })
  })

  test('an event taken off the waiting list before it was sealed is found outside the chain', async () => {
    await recordAudit(database.db, actor(), { action: 'referral.viewed', recordType: 'referral', recordId: 'hidden' })
    const waiting = await database.db.selectFrom('audit_unsealed').select('event_id').executeTakeFirstOrThrow()
    await database.db.deleteFrom('audit_unsealed').where('event_id', '=', waiting.event_id).execute()
    assert.deepEqual((await checkSealing(database.db)).outside, [waiting.event_id])
  })
})

if (testDatabaseUrl) {
  describe('on PostgreSQL, the application’s role may add to the audit trail and read it, and nothing more', () => {
    let database: Database
    let appPool: pg.Pool
    const role = `alongside_app_${randomBytes(5).toString('hex')}`
    before(async () => {
      database = await openTestDatabase()
      await createWorld(database.db)
      await sql`create role ${sql.id(role)} login`.execute(database.db)
      await grantApplicationRole(database.db, role)
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]?.name ?? ''
      const url = new URL(testDatabaseUrl ?? '')
      url.username = role
      url.pathname = `/${name}`
      appPool = new pg.Pool({ connectionString: url.toString(), max: 1 })
    })
    after(async () => {
      await appPool.end()
      await sql`drop owned by ${sql.id(role)}`.execute(database.db)
      await sql`drop role ${sql.id(role)}`.execute(database.db)
      await database.close()
    })

    test('it can read and add, and read and write case records', async () => {
      await appPool.query('select count(*) from audit_event')
      await appPool.query('select count(*) from referral')
      await appPool.query(`insert into audit_chain (chain, last_seq, last_hash) values ('probe', 0, 'x')`)
    })

    test('it can seal: add seals, take events off the waiting list and move a chain’s head', async () => {
      const { rows } = await appPool.query<{ seal: boolean; unsealed: boolean; chain: boolean }>(
        `select has_table_privilege(current_user, 'audit_seal', 'INSERT') as seal,
                has_table_privilege(current_user, 'audit_unsealed', 'DELETE') as unsealed,
                has_table_privilege(current_user, 'audit_chain', 'UPDATE') as chain`,
      )
      assert.deepEqual(rows[0], { seal: true, unsealed: true, chain: true })
    })

    for (const statement of [
      'update audit_event set action = action',
      'delete from audit_event',
      'truncate audit_event',
      'alter table audit_event disable trigger audit_event_append_only',
      'drop trigger audit_event_append_only on audit_event',
      'delete from audit_chain',
      'update audit_seal set hash = hash',
      'delete from audit_seal',
      'truncate audit_seal',
      'update audit_unsealed set chain = chain',
    ]) {
      test(`it is refused: ${statement}`, async () => {
        await assert.rejects(appPool.query(statement), /permission denied|must be owner|must be the owner/)
      })
    }
  })
}
