import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { checkedValues, errorSummary, errorSummaryLinks, fieldValue, textOf, type FormValue } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { referralSent, signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

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

    const saved = await sysadmin.submit('/admin/settings', { ...thresholds, bankHolidayRegion: 'scotland', version: versionOn(page.html) })
    assert.match(textOf(saved.html), /Settings saved/)
    assert.deepEqual(checkedValues(saved.document, 'bankHolidayRegion'), ['scotland'])
    assert.match(textOf(saved.html), /Bank holidays in Scotland in the next 12 months Date Bank holiday Monday 30 November 2026 St Andrew’s Day/)
    assert.equal((await t.services.settings.settingsFor(t.world.authorityId)).bankHolidayRegion, 'scotland')
    assert.equal(
      (await t.services.settings.settingsFor(t.world.elsewhere.authorityId)).bankHolidayRegion,
      'england_and_wales',
      'another authority keeps its own',
    )
    assert.equal(await dueAfterSending('Scotland'), '2026-12-01', 'due dates skip St Andrew’s Day now')

    const audited = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'settings.changed').execute()
    assert.ok(audited.some((event) => event.details['bankHolidayRegion'] === 'scotland'))
  })

  test('a region the service does not know, or none, is refused with a GOV.UK error and nothing changes', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const before = await t.services.settings.settingsFor(t.world.authorityId)
    const version = versionOn((await sysadmin.get('/admin/settings')).html)
    for (const bankHolidayRegion of ['wales', 'england-and-wales', '', undefined, ['scotland', 'northern_ireland']]) {
      const refused = await sysadmin.submit('/admin/settings', { ...thresholds, dbsValidMonths: '24', bankHolidayRegion, version })
      assert.deepEqual(errorSummary(refused.html), ['Select which bank holidays your authority keeps'], JSON.stringify(bankHolidayRegion))
      assert.ok(errorSummaryLinks(refused.document).includes('#bankHolidayRegion'))
      assert.match(
        refused.html,
        /govuk-error-message[^>]*>\s*<span class="govuk-visually-hidden">Error:<\/span> Select which bank holidays your authority keeps/,
      )
      assert.equal(fieldValue(refused.document, 'dbsValidMonths'), '24', 'what was typed is kept')
    }
    assert.deepEqual(await t.services.settings.settingsFor(t.world.authorityId), before)
  })

  test('a system admin records a one-off bank holiday, checked against the ones the service knows, and takes it away again', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.submit('/admin/settings', {
      ...thresholds,
      bankHolidayRegion: 'scotland',
      version: versionOn((await sysadmin.get('/admin/settings')).html),
    })
    await sysadmin.get('/admin/settings/bank-holidays/new')

    const empty = await sysadmin.submit('/admin/settings/bank-holidays/new', {})
    assert.deepEqual(errorSummary(empty.html), [
      'Select whether you are adding a bank holiday or taking one away',
      'Enter the date of the bank holiday',
      'Select where it applies',
      'Enter what the day is',
    ])
    const day = (date: string) => {
      const [year, month, dayOfMonth] = date.split('-')
      return { 'date-day': dayOfMonth, 'date-month': month, 'date-year': year }
    }
    const refusals: [Record<string, FormValue>, string][] = [
      [
        { change: 'added', ...day('2026-12-05'), regions: 'scotland', name: 'A Saturday' },
        '5 December 2026 is at a weekend: enter the weekday people have off instead',
      ],
      [
        { change: 'added', ...day('2026-11-30'), regions: ['england_and_wales', 'scotland'], name: 'Twice' },
        '30 November 2026 is already a bank holiday in Scotland (St Andrew’s Day)',
      ],
      [{ change: 'removed', ...day('2026-12-02'), regions: 'northern_ireland', name: 'Not one' }, '2 December 2026 is not a bank holiday in Northern Ireland'],
      [{ change: 'added', ...day('2026-12-01'), regions: 'wales', name: 'Nowhere' }, 'Select where it applies from the list'],
      [{ change: 'sometimes', ...day('2026-12-01'), regions: 'scotland', name: 'What' }, 'Select whether you are adding a bank holiday or taking one away'],
    ]
    for (const [form, message] of refusals) {
      const refused = await sysadmin.submit('/admin/settings/bank-holidays/new', form)
      assert.deepEqual(errorSummary(refused.html), [message], message)
    }

    const added = await sysadmin.submit('/admin/settings/bank-holidays/new', {
      change: 'added',
      ...day('2026-12-01'),
      regions: ['scotland', 'northern_ireland'],
      name: 'A one-off bank holiday',
    })
    assert.match(textOf(added.html), /Bank holiday added/)
    assert.match(textOf(added.html), /Monday 30 November 2026 St Andrew’s Day Tuesday 1 December 2026 A one-off bank holiday/, 'it is in the next 12 months')
    assert.match(textOf(added.html), /1 December 2026 Northern Ireland Added A one-off bank holiday/)
    assert.match(textOf(added.html), /1 December 2026 Scotland Added A one-off bank holiday/)
    const again = await sysadmin.submit('/admin/settings/bank-holidays/new', { change: 'removed', ...day('2026-12-01'), regions: 'scotland', name: 'Undo' })
    assert.deepEqual(errorSummary(again.html), ['1 December 2026 has already been changed in Scotland: remove that change first'])

    assert.equal(await dueAfterSending('Oneoff'), '2026-12-02', 'due dates skip St Andrew’s Day and the one-off')

    const changes = await t.database.db.selectFrom('bank_holiday_change').select(['id', 'region']).execute()
    assert.equal(changes.length, 2)
    const scottish = changes.find((change) => change.region === 'scotland')?.id ?? ''
    const coordinator = await signedIn(t, 'coordinator')
    assert.equal((await coordinator.post(`/admin/settings/bank-holidays/${scottish}/remove`, {})).status, 403)
    await sysadmin.get('/admin/settings')
    assert.equal((await sysadmin.post(`/admin/settings/bank-holidays/${scottish}/remove`, {}, { withToken: false })).status, 403, 'no form token, no change')
    const removed = await sysadmin.submit(`/admin/settings/bank-holidays/${scottish}/remove`, {})
    assert.match(textOf(removed.html), /Change to the bank holidays removed/)
    assert.doesNotMatch(textOf(removed.html), /1 December 2026 Scotland/)
    assert.match(textOf(removed.html), /1 December 2026 Northern Ireland Added/)
    assert.equal((await sysadmin.post(`/admin/settings/bank-holidays/${scottish}/remove`, {})).status, 404, 'gone')
    assert.equal((await sysadmin.post('/admin/settings/bank-holidays/not-an-id/remove', {})).status, 404)
    assert.equal(await dueAfterSending('Oneoffgone'), '2026-12-01')

    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_type', '=', 'bank_holiday_change')
      .where('actor_id', '=', t.world.staff.sysadmin.id)
      .execute()
    assert.deepEqual(audited.map((event) => event.action).sort(), [
      'settings.bank-holiday-change-removed',
      'settings.bank-holiday-changed',
      'settings.bank-holiday-changed',
    ])
  })

  test('only a system admin sees or changes the bank holidays', async () => {
    for (const who of ['referrer', 'admin', 'manager', 'coordinator'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/settings/bank-holidays/new')).status, 403, who)
      const post = await browser.post('/admin/settings/bank-holidays/new', {
        change: 'added',
        'date-day': '2',
        'date-month': '12',
        'date-year': '2026',
        regions: 'scotland',
        name: 'Sneaky',
      })
      assert.equal(post.status, 403, who)
      assert.equal((await browser.post('/admin/settings', { ...thresholds, bankHolidayRegion: 'northern_ireland' })).status, 403, who)
    }
    assert.equal((await t.database.db.selectFrom('bank_holiday_change').select('id').where('name', '=', 'Sneaky').execute()).length, 0)
    assert.notEqual((await t.services.settings.settingsFor(t.world.authorityId)).bankHolidayRegion, 'northern_ireland')
  })
})
