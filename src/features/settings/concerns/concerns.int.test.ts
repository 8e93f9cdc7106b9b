import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

/** Issue 11: who receives safeguarding concerns, in order, how long each has to acknowledge one, and the number families are given. */
describe(`the rules for safeguarding concerns (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  const form = (version: string, extra: Record<string, string> = {}) => ({
    recipient1: t.world.staff.otherManager.id,
    recipient2: t.world.staff.admin.id,
    recipient3: '',
    recipient4: '',
    recipient5: '',
    acknowledgeHours: '6',
    childrenServicesPhone: '020 7946 0000',
    version,
    ...extra,
  })

  test('a service manager sees the defaults and the people who may receive concerns, then sets the list, audited', async () => {
    const manager = await signedIn(t, 'manager')
    const page = await manager.get('/admin/settings/concerns')
    assert.equal(page.status, 200)
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="acknowledgeHours"]')?.value, '4')
    const offered = [...page.document.querySelectorAll('select[name="recipient1"] option')].map((option) => textOf(option))
    assert.deepEqual(offered, ['Nobody', 'Ada Admin (advocacy admin)', 'Manny Manager (service manager)', 'Mo Secondmanager (service manager)'])
    const saved = await manager.submit('/admin/settings/concerns', form(versionOn(page.html)))
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Rules for concerns saved/)
    assert.deepEqual(await t.services.settings.concernRulesFor(t.world.authorityId), {
      recipients: [t.world.staff.otherManager.id, t.world.staff.admin.id],
      acknowledgeHours: 6,
      childrenServicesPhone: '020 7946 0000',
    })
    const audit = await t.database.db.selectFrom('audit_event').select('actor_id').where('action', '=', 'settings.concern_rules_changed').execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.manager.id }])
    assert.deepEqual((await t.services.settings.concernRulesFor(t.world.elsewhere.authorityId)).recipients, [], 'another authority keeps its own')
  })

  test('each error shows in the summary and nothing is saved', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const before = await t.services.settings.concernRulesFor(t.world.authorityId)
    const version = versionOn((await sysadmin.get('/admin/settings/concerns')).html)
    const refused = await sysadmin.submit(
      '/admin/settings/concerns',
      form(version, { recipient2: t.world.staff.otherManager.id, recipient3: 'not-an-id', acknowledgeHours: '41', childrenServicesPhone: 'call me' }),
    )
    assert.deepEqual(errorSummary(refused.document), [
      'Choose someone from the list',
      'How many working hours each person has to acknowledge a concern must be a whole number between 1 and 40',
      'Enter a phone number, like 020 7946 0000, using only numbers, spaces and brackets',
      'Choose each person only once',
    ])
    const notStaff = await sysadmin.submit('/admin/settings/concerns', form(version, { recipient1: t.world.staff.referrer.id }))
    assert.match(errorSummary(notStaff.document)[0] ?? '', /can no longer receive concerns/, 'a referrer may not be on the list')
    const elsewhere = await sysadmin.submit('/admin/settings/concerns', form(version, { recipient1: t.world.elsewhere.manager.id }))
    assert.match(errorSummary(elsewhere.document)[0] ?? '', /can no longer receive concerns/, 'nor another authority’s manager')
    assert.deepEqual(await t.services.settings.concernRulesFor(t.world.authorityId), before)
  })

  test('a post without its token is refused', async () => {
    const manager = await signedIn(t, 'manager')
    const version = versionOn((await manager.get('/admin/settings/concerns')).html)
    const before = await t.services.settings.concernRulesFor(t.world.authorityId)
    const refused = await manager.post('/admin/settings/concerns', form(version, { acknowledgeHours: '9' }), { withToken: false })
    assert.equal(refused.status, 403)
    assert.deepEqual(await t.services.settings.concernRulesFor(t.world.authorityId), before)
  })

  test('two windows: the second save is refused and changes nothing, what was typed kept', async () => {
    const manager = await signedIn(t, 'manager')
    const other = await signedIn(t, 'otherManager')
    const version = versionOn((await manager.get('/admin/settings/concerns')).html)
    const first = await other.submit('/admin/settings/concerns', form(version, { acknowledgeHours: '2' }))
    assert.match(textOf(first.document.querySelector('.govuk-notification-banner')), /Rules for concerns saved/)
    const second = await manager.submit('/admin/settings/concerns', form(version, { acknowledgeHours: '8' }))
    assert.match(errorSummary(second.document)[0] ?? '', /Mo Secondmanager saved a change .* after you opened this page/)
    assert.equal(second.document.querySelector<HTMLInputElement>('input[name="acknowledgeHours"]')?.value, '8', 'what they typed is kept')
    assert.equal((await t.services.settings.concernRulesFor(t.world.authorityId)).acknowledgeHours, 2)
  })

  test('nobody else may open or change them', async () => {
    for (const who of ['referrer', 'admin', 'advocate', 'coordinator', 'analyst'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/settings/concerns')).status, 403, who)
      assert.equal((await browser.post('/admin/settings/concerns', form('0'))).status, 403, who)
    }
    assert.equal((await t.services.settings.concernRulesFor(t.world.authorityId)).acknowledgeHours, 2)
  })
})
