import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, fieldError, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

const valid = {
  dbsValidMonths: '24',
  oneToOneWithinWeeks: '6',
  groupSessionsRequired: '3',
  groupWindowWeeks: '10',
  offerResponseHours: '24',
  bankHolidayRegion: 'england_and_wales',
}

describe(`the pool's settings page (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a system admin sees the defaults, then sets the pool’s thresholds', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const page = await sysadmin.get('/admin/settings')
    assert.equal(page.status, 200)
    const shown = (name: string) => page.document.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value
    assert.deepEqual(
      ['dbsValidMonths', 'oneToOneWithinWeeks', 'groupSessionsRequired', 'groupWindowWeeks', 'offerResponseHours'].map(shown),
      ['36', '8', '2', '12', '48'],
      'the defaults, before anyone has changed them',
    )
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="bankHolidayRegion"][checked]')?.value, 'england_and_wales')
    const saved = await sysadmin.submit('/admin/settings', { ...valid, version: versionOn(page.html) })
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Settings saved They apply from now on\./)
    assert.deepEqual(await t.services.settings.settingsFor(t.world.authorityId), {
      dbsValidMonths: 24,
      oneToOneWithinWeeks: 6,
      groupSessionsRequired: 3,
      groupWindowWeeks: 10,
      offerResponseHours: 24,
      bankHolidayRegion: 'england_and_wales',
    })
    assert.equal(saved.document.querySelector<HTMLInputElement>('input[name="dbsValidMonths"]')?.value, '24', 'the page shows what was saved')
    const audit = await t.database.db.selectFrom('audit_event').select(['actor_id', 'record_id']).where('action', '=', 'settings.changed').execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.sysadmin.id, record_id: t.world.authorityId }])
  })

  test('every answer must be a whole number within sensible limits; what was typed is kept', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const version = versionOn((await sysadmin.get('/admin/settings')).html)
    const refused = await sysadmin.submit('/admin/settings', { ...valid, dbsValidMonths: '0', oneToOneWithinWeeks: 'eight', offerResponseHours: '', version })
    assert.deepEqual(errorSummary(refused.document), [
      'How long a DBS check counts for must be a whole number between 1 and 120',
      'How recent a peer advocate’s last one-to-one supervision must be must be a whole number between 1 and 52',
      'Enter how long an advocate has to answer an offer',
    ])
    assert.deepEqual(errorSummaryLinks(refused.document), ['#dbsValidMonths', '#oneToOneWithinWeeks', '#offerResponseHours'])
    assert.equal(fieldError(refused.document, 'dbsValidMonths'), 'How long a DBS check counts for must be a whole number between 1 and 120')
    assert.equal(refused.document.querySelector<HTMLInputElement>('input[name="oneToOneWithinWeeks"]')?.value, 'eight')
    assert.equal((await t.services.settings.settingsFor(t.world.elsewhere.authorityId)).dbsValidMonths, 36, 'nothing was saved anywhere')
  })

  test('only a system admin may see or change them, and only with the form token', async () => {
    for (const who of ['coordinator', 'admin', 'manager', 'referrer'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/settings')).status, 403, who)
      assert.equal((await browser.post('/admin/settings', valid)).status, 403, who)
    }
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/settings')
    assert.equal((await sysadmin.post('/admin/settings', { ...valid, dbsValidMonths: '99' }, { withToken: false })).status, 403)
    assert.notEqual((await t.services.settings.settingsFor(t.world.authorityId)).dbsValidMonths, 99)
  })
})
