import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, heading } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'
import { purgeExpired } from '../auth/housekeeping.ts'
import { MAX_SAVED_FORMS_PER_PERSON } from '../auth/saved-forms.ts'
import { MAX_KEPT_ANSWERS_BYTES } from './form-fields.ts'
import { MAX_KEPT_FORMS } from './session.ts'

/** The session row's kept forms, as stored. */
async function keptForms(t: TestApp, userId: string): Promise<{ paths: string[]; bytes: number }> {
  const rows = await t.database.db.selectFrom('user_session').select('flash').where('user_id', '=', userId).where('ended_at', 'is', null).execute()
  const flash = rows[0]?.flash ?? {}
  const forms = (flash['forms'] ?? {}) as Record<string, unknown>
  return { paths: Object.keys(forms), bytes: JSON.stringify(flash).length }
}

async function savedFormCount(t: TestApp, userId: string): Promise<number> {
  const rows = await t.database.db.selectFrom('saved_form').select('id').where('user_id', '=', userId).execute()
  return rows.length
}

describe(`requests that cost little to send cannot cost the server dearly (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp({ PUBLIC_PAGES_PER_MINUTE: '20' })
  })
  after(() => t.close())

  test('a form of 60,000 fields is refused before it is read, with the service’s own page', async () => {
    const anonymous = new Browser(t.app)
    await anonymous.get('/sign-in')
    const page = await anonymous.post('/sign-in', Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`f${i}`, ''])))
    assert.equal(page.status, 413)
    assert.equal(heading(page.document), 'Sorry, we could not read what was sent')
  })

  test('a session keeps the answers of a few refused forms, the newest, each within a bounded size', async () => {
    const referrer = await signedIn(t, 'referrer')
    await referrer.get('/')
    for (let i = 0; i < 12; i += 1) {
      // A refused form on a page that exists for no referral: its answers are kept to show again.
      await referrer.post(`/referrals/00000000-0000-4000-8000-${String(i).padStart(12, '0')}/withdraw`, { reason: 'nonsense', details: 'x'.repeat(20_000) })
    }
    const kept = await keptForms(t, t.world.staff.referrer.id)
    assert.ok(kept.paths.length <= MAX_KEPT_FORMS, `kept ${kept.paths.length} forms`)
    assert.ok(kept.paths.at(-1)?.endsWith('000000000011/withdraw'), `the newest is kept: ${kept.paths.join(', ')}`)
    assert.ok(kept.bytes <= MAX_KEPT_FORMS * (MAX_KEPT_ANSWERS_BYTES + 2_000), `the row holds ${kept.bytes} bytes`)
  })

  test('answers posted after a time-out are kept for their owner, at most a few, and only while the time-out is recent', async () => {
    const referrer = await signedIn(t, 'manager')
    await referrer.get('/')
    const token = referrer.csrfToken
    t.clock.advanceMinutes(45) // past the idle time-out
    for (let i = 0; i < MAX_SAVED_FORMS_PER_PERSON + 4; i += 1) {
      const posted = await referrer.post(`/referrals/00000000-0000-4000-8000-00000000000${i % 10}/withdraw`, { reason: 'other' }, token ? { token } : {})
      assert.match(posted.location ?? '', /^\/sign-in\?timedOut=yes&resume=/)
    }
    assert.equal(await savedFormCount(t, t.world.staff.manager.id), MAX_SAVED_FORMS_PER_PERSON)

    t.clock.advanceDays(2) // an old cookie now proves nothing
    const late = await referrer.post('/referrals/00000000-0000-4000-8000-000000000001/withdraw', { reason: 'other' }, token ? { token } : {})
    assert.doesNotMatch(late.location ?? '', /resume=/)
    assert.equal(await savedFormCount(t, t.world.staff.manager.id), MAX_SAVED_FORMS_PER_PERSON)
  })

  test('sessions and kept answers nobody can use any more are purged', async () => {
    t.clock.advanceDays(30)
    const purged = await purgeExpired(t.database.db, t.clock, t.config.session)
    assert.ok(purged.sessions >= 2, `purged ${purged.sessions} sessions`)
    assert.equal(purged.savedForms, MAX_SAVED_FORMS_PER_PERSON)
    assert.equal(await savedFormCount(t, t.world.staff.manager.id), 0)
    const again = await purgeExpired(t.database.db, t.clock, t.config.session)
    assert.deepEqual(again, { sessions: 0, savedForms: 0 }, 'running it twice is harmless')
  })

  test('one client may use the public pages only so fast; signed-in pages are not limited by it', async () => {
    const flood = new Browser(t.app)
    const statuses: number[] = []
    for (let i = 0; i < 30; i += 1) statuses.push((await flood.get('/sign-in')).status)
    assert.ok(statuses.includes(429), 'the flood is turned away')
    const refused = await flood.get('/sign-in')
    assert.equal(refused.status, 429)
    assert.equal(heading(refused.document), 'Too many tries in a short time')
    assert.ok(Number(refused.response.headers['retry-after']) > 0, 'it says when to come back')

    const referrer = await signedIn(t, 'otherReferrer').catch(() => undefined)
    assert.equal(referrer, undefined, 'signing in from the same address waits too')
    t.clock.advanceMinutes(2)
  })
})
