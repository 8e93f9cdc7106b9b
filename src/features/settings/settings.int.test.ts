import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { referralSent, signedIn } from '../../../test/support/referral-steps.ts'

const thresholds = { dbsValidMonths: '36', oneToOneWithinWeeks: '8', groupSessionsRequired: '2', groupWindowWeeks: '12', offerResponseHours: '48' }

describe(`bank holidays in the settings (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  /** The date a referral sent now is due with the FGC Advocacy Admin team: one working day on. */
  async function dueAfterSending(familyName: string): Promise<string | null> {
    const id = await referralSent(await signedIn(t, 'referrer'), { familyName })
    const row = await t.database.db.selectFrom('referral').select(['state', 'step_due_on']).where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.state, 'awaiting_admin')
    return row.step_due_on
  }

  test('an authority keeps England and Wales’s bank holidays until a system admin chooses another region', async () => {
    t.clock.set('2026-11-27T10:00:00Z') // a Friday; the Monday after is St Andrew's Day, in Scotland only
    const sysadmin = await signedIn(t, 'sysadmin')
    const page = await sysadmin.get('/admin/settings')
    assert.equal(page.status, 200)
    assert.match(
      page.html,
      /<input class="govuk-radios__input" id="bankHolidayRegion" name="bankHolidayRegion" type="radio" value="england_and_wales" checked>/,
    )
    assert.match(
      textOf(page.html),
      /Bank holidays in England and Wales in the next 12 months Date Bank holiday Friday 25 December 2026 Christmas Day Monday 28 December 2026 Boxing Day \(substitute day\)/,
    )
    assert.equal((await t.services.settings.settingsFor(t.world.authorityId)).bankHolidayRegion, 'england_and_wales')

    assert.equal(await dueAfterSending('Englandandwales'), '2026-11-30')

    const saved = await sysadmin.submit('/admin/settings', { ...thresholds, bankHolidayRegion: 'scotland' })
    assert.match(textOf(saved.html), /Settings saved/)
    assert.match(saved.html, /value="scotland" checked/)
    assert.match(textOf(saved.html), /Bank holidays in Scotland in the next 12 months Date Bank holiday Monday 30 November 2026 St Andrew’s Day/)
    assert.equal((await t.services.settings.settingsFor(t.world.authorityId)).bankHolidayRegion, 'scotland')
    assert.equal(
      (await t.services.settings.settingsFor(t.world.elsewhere.authorityId)).bankHolidayRegion,
      'england_and_wales',
      'another authority keeps its own',
    )
    assert.equal(await dueAfterSending('Scotland'), '2026-12-01', 'due dates skip St Andrew’s Day now')

    const audited = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'settings.changed').execute()
    assert.ok(audited.some((event) => (event.details as Record<string, unknown>)['bankHolidayRegion'] === 'scotland'))
  })

  test('a region the service does not know, or none, is refused with a GOV.UK error and nothing changes', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const before = await t.services.settings.settingsFor(t.world.authorityId)
    await sysadmin.get('/admin/settings')
    for (const bankHolidayRegion of ['wales', 'england-and-wales', '', undefined, ['scotland', 'northern_ireland']]) {
      const refused = await sysadmin.submit('/admin/settings', { ...thresholds, dbsValidMonths: '24', bankHolidayRegion })
      assert.deepEqual(errorSummary(refused.html), ['Select which bank holidays your authority keeps'], JSON.stringify(bankHolidayRegion))
      assert.match(refused.html, /<a href="#bankHolidayRegion">/)
      assert.match(
        refused.html,
        /govuk-error-message[^>]*>\s*<span class="govuk-visually-hidden">Error:<\/span> Select which bank holidays your authority keeps/,
      )
      assert.match(refused.html, /id="dbsValidMonths" name="dbsValidMonths" type="text" value="24"/, 'what was typed is kept')
    }
    assert.deepEqual(await t.services.settings.settingsFor(t.world.authorityId), before)
  })

  test('only a system admin changes the bank holidays', async () => {
    for (const who of ['referrer', 'admin', 'manager', 'coordinator'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.post('/admin/settings', { ...thresholds, bankHolidayRegion: 'northern_ireland' })).status, 403, who)
    }
    assert.notEqual((await t.services.settings.settingsFor(t.world.authorityId)).bankHolidayRegion, 'northern_ireland')
  })
})
