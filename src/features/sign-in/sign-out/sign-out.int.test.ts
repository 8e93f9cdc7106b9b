import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { refusedWithoutToken } from '../../../../test/support/page-tests.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`signing out (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('signing out ends the session at once, says so, and is audited', async () => {
    const browser = await signedIn(t, 'admin')
    const out = await browser.post('/sign-out', {})
    assert.equal(out.location, '/signed-out')
    const page = await browser.get('/signed-out')
    assert.equal(heading(page.document), 'You have signed out')
    assert.ok(page.document.querySelector('a[href="/sign-in"]'))
    const afterSignOut = await browser.get('/')
    assert.equal(afterSignOut.status, 303)
    assert.match(afterSignOut.location ?? '', /^\/sign-in/)
    const audit = await t.database.db.selectFrom('audit_event').select('record_id').where('action', '=', 'sign-out').execute()
    assert.deepEqual(audit, [{ record_id: t.world.staff.admin.id }])
  })

  test('a sign-out without the form token is refused, and the session goes on', async () => {
    const browser = await signedIn(t, 'manager')
    assert.equal((await browser.post('/sign-out', {}, { withToken: false })).status, 403)
    assert.equal((await browser.get('/')).status, 200)
  })

  test('a sign-out without a good token (none, empty, made up, or of the right length) is refused, and the admin is still signed in', async () => {
    const admin = await signedIn(t, 'admin')
    await refusedWithoutToken(t, admin, '/sign-out', {}, null)
    assert.equal((await admin.get('/')).status, 200, 'still signed in')
  })
})
