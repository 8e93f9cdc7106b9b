import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { engine } from '../../../test/support/database.ts'
import { keptUntil } from './enquiry.ts'
import { insertEnquiry } from './enquiry-repository.ts'

const NOW = new Date('2026-11-27T02:00:00Z')
const monthsAgo = (months: number, days = 0) => new Date(keptUntil(NOW, months).getTime() - days * 24 * 60 * 60 * 1000)

/** Closed enquiries are deleted after the retention period, counted in each authority's audit trail; nothing else is touched. */
describe(`cleaning up closed enquiries (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  async function enquiry(name: string, authorityId: string, closedAt: Date | null, receivedAt = closedAt ?? NOW): Promise<string> {
    const id = await insertEnquiry(t.database.db, {
      authority_id: authorityId,
      asker: 'myself',
      parent_agreed: true,
      name,
      contact_way: 'phone',
      phone: '07700 900000',
      safe_to_leave_message: true,
      page_language: 'en',
      received_at: receivedAt,
      due_on: '2025-01-01',
    })
    if (closedAt) {
      await t.database.db
        .updateTable('advocacy_enquiry')
        .set({ state: 'closed', outcome: 'answered', closed_at: closedAt, closed_by: t.world.staff.admin.id })
        .where('id', '=', id)
        .execute()
    }
    return id
  }

  const names = async () =>
    (await t.database.db.selectFrom('advocacy_enquiry').select('name').where('name', 'like', 'Retention %').orderBy('name').execute()).map((row) => row.name)

  const cleanUps = () =>
    t.database.db
      .selectFrom('audit_event')
      .select(['authority_id', 'actor_id', 'details', 'record_id'])
      .where('action', '=', 'enquiry.cleaned-up')
      .orderBy('id')
      .execute()

  test('deletes what was closed more than 12 months ago, in every authority, and says how many in each trail', async () => {
    await enquiry('Retention old closed', t.world.authorityId, monthsAgo(12, 1))
    await enquiry('Retention old closed too', t.world.authorityId, monthsAgo(30))
    await enquiry('Retention recently closed', t.world.authorityId, monthsAgo(11))
    await enquiry('Retention just inside', t.world.authorityId, new Date(monthsAgo(12).getTime() + 60_000))
    await enquiry('Retention old but open', t.world.authorityId, null, monthsAgo(36))
    await enquiry('Retention elsewhere old closed', t.world.elsewhere.authorityId, monthsAgo(13))

    const deleted = await t.services.publicPages.cleanUpClosedEnquiries(NOW)
    assert.equal(deleted, 3)
    assert.deepEqual(await names(), ['Retention just inside', 'Retention old but open', 'Retention recently closed'])

    const audit = await cleanUps()
    assert.deepEqual(
      audit
        .map((row) => [row.authority_id, (row.details as { count: number }).count, row.actor_id, row.record_id])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        [t.world.authorityId, 2, null, null],
        [t.world.elsewhere.authorityId, 1, null, null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    )
    assert.ok(!JSON.stringify(audit).includes('Retention'), 'a count, never who')

    assert.equal(await t.services.publicPages.cleanUpClosedEnquiries(NOW), 0, 'a second run finds nothing')
    assert.equal((await cleanUps()).length, 2, 'and records nothing')
  })

  test('twice at once deletes each once; a shorter period set deletes more', async () => {
    await enquiry('Retention twice', t.world.authorityId, monthsAgo(14))
    const [first, second] = await Promise.all([t.services.publicPages.cleanUpClosedEnquiries(NOW), t.services.publicPages.cleanUpClosedEnquiries(NOW)])
    assert.equal(first + second, 1)
    assert.equal(await t.services.publicPages.cleanUpClosedEnquiries(NOW, { retentionMonths: 6 }), 2, 'the two closed 11 months and just under 12 months ago')
    assert.deepEqual(await names(), ['Retention old but open'])
  })

  test('the period is whole calendar months, even from the end of a month', () => {
    assert.equal(keptUntil(new Date('2026-03-31T10:00:00Z'), 1).toISOString(), '2026-02-28T10:00:00.000Z')
    assert.equal(keptUntil(new Date('2026-11-27T02:00:00Z'), 12).toISOString(), '2025-11-27T02:00:00.000Z')
  })
})
