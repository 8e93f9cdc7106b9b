import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { heading } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { openFixture, type Fixture } from '../../../../test/support/fixture.ts'
import { refusedWithoutToken } from '../../../../test/support/page-tests.ts'

/** "Start", and POST /referrals: the way into a new referral. */
describe(`/start (${engine})`, () => {
  let fixture: Fixture
  before(async () => {
    fixture = await openFixture()
  })
  after(async () => fixture.close())

  test('opens for a referrer, and starting makes a draft of their own that asks for the parent or carer first', async () => {
    const { t, crew } = fixture
    const page = await crew.referrer.get('/start')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Start a Child Protection Advocacy Referral')
    const started = await crew.referrer.post('/referrals', {})
    const id = /^\/referrals\/([0-9a-f-]{36})\/person$/.exec(started.location ?? '')?.[1]
    assert.ok(id, `${started.status} ${started.location ?? ''}`)
    const row = await t.database.db.selectFrom('referral').select(['state', 'referrer_id', 'person_id']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual(row, { state: 'draft', referrer_id: t.world.staff.referrer.id, person_id: null })
  })

  test('is for referrers alone: anyone else is refused with the 403 page, and nothing is started', async () => {
    const { t } = fixture
    const before = (await t.database.db.selectFrom('referral').select('id').execute()).length
    for (const who of ['admin', 'manager', 'coordinator', 'analyst', 'sysadmin'] as const) {
      const browser = await fixture.as(who)
      assert.equal((await browser.get('/start')).status, 403, `${who} GET /start`)
      assert.equal((await browser.post('/referrals', {})).status, 403, `${who} POST /referrals`)
    }
    assert.equal((await t.database.db.selectFrom('referral').select('id').execute()).length, before)
  })

  test('starting a referral without a good token is refused, and nothing is started', async () => {
    await refusedWithoutToken(fixture.t, fixture.crew.referrer, '/referrals', {}, null)
  })
})
