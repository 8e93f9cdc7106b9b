import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, errorSummaryLinks, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'

/** Issue 12: each authority's local rules for conferences, kept by a service manager or a system admin. */
describe(`the rules for conferences (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('a service manager sees the defaults, then sets the authority’s rules, audited', async () => {
    const manager = await signedIn(t, 'manager')
    const page = await manager.get('/admin/settings/meetings')
    assert.equal(page.status, 200)
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="reportWorkingDaysBefore"]')?.value, '3')
    assert.equal(page.document.querySelector<HTMLInputElement>('input[name="chairMeetsFamilyFirst"][checked]')?.value, 'yes')
    const saved = await manager.submit('/admin/settings/meetings', { reportWorkingDaysBefore: '5', chairMeetsFamilyFirst: 'no', version: versionOn(page.html) })
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Conference rules saved/)
    assert.deepEqual(await t.services.settings.meetingRulesFor(t.world.authorityId), { reportWorkingDaysBefore: 5, chairMeetsFamilyFirst: false })
    const audit = await t.database.db.selectFrom('audit_event').select('actor_id').where('action', '=', 'settings.meeting_rules_changed').execute()
    assert.deepEqual(audit, [{ actor_id: t.world.staff.manager.id }])
    assert.deepEqual(
      await t.services.settings.meetingRulesFor(t.world.elsewhere.authorityId),
      { reportWorkingDaysBefore: 3, chairMeetsFamilyFirst: true },
      'another authority keeps its own',
    )
  })

  test('each error shows in the summary and nothing is saved', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const before = await t.services.settings.meetingRulesFor(t.world.authorityId)
    const version = versionOn((await sysadmin.get('/admin/settings/meetings')).html)
    const refused = await sysadmin.submit('/admin/settings/meetings', { reportWorkingDaysBefore: '11', version })
    assert.deepEqual(errorSummary(refused.document), [
      'How many working days before a conference the reports must reach the family must be a whole number between 1 and 10',
      'Select yes if the chair must meet the family before the conference',
    ])
    assert.deepEqual(errorSummaryLinks(refused.document), ['#reportWorkingDaysBefore', '#chairMeetsFamilyFirst'])
    const empty = await sysadmin.submit('/admin/settings/meetings', { reportWorkingDaysBefore: '', chairMeetsFamilyFirst: 'yes', version })
    assert.deepEqual(errorSummary(empty.document), ['Enter how many working days before a conference the reports must reach the family'])
    assert.deepEqual(await t.services.settings.meetingRulesFor(t.world.authorityId), before)
  })

  test('a post without its token is refused', async () => {
    const manager = await signedIn(t, 'manager')
    const version = versionOn((await manager.get('/admin/settings/meetings')).html)
    const before = await t.services.settings.meetingRulesFor(t.world.authorityId)
    const refused = await manager.post(
      '/admin/settings/meetings',
      { reportWorkingDaysBefore: '9', chairMeetsFamilyFirst: 'yes', version },
      { withToken: false },
    )
    assert.equal(refused.status, 403)
    assert.deepEqual(await t.services.settings.meetingRulesFor(t.world.authorityId), before)
  })

  test('two windows: the second save is refused and changes nothing, whichever settings page the first saved on', async () => {
    const manager = await signedIn(t, 'manager')
    const sysadmin = await signedIn(t, 'sysadmin')
    const version = versionOn((await manager.get('/admin/settings/meetings')).html)
    const first = await sysadmin.submit('/admin/settings/meetings', { reportWorkingDaysBefore: '2', chairMeetsFamilyFirst: 'yes', version })
    assert.match(textOf(first.document.querySelector('.govuk-notification-banner')), /Conference rules saved/)
    const second = await manager.submit('/admin/settings/meetings', { reportWorkingDaysBefore: '7', chairMeetsFamilyFirst: 'no', version })
    assert.match(errorSummary(second.document)[0] ?? '', /after you opened this page/)
    assert.equal(second.document.querySelector<HTMLInputElement>('input[name="reportWorkingDaysBefore"]')?.value, '7', 'what they typed is kept')
    assert.deepEqual(await t.services.settings.meetingRulesFor(t.world.authorityId), { reportWorkingDaysBefore: 2, chairMeetsFamilyFirst: true })
  })

  test('nobody else may open or change them', async () => {
    for (const who of ['referrer', 'admin', 'advocate', 'coordinator', 'analyst'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/settings/meetings')).status, 403, who)
      assert.equal(
        (await browser.post('/admin/settings/meetings', { reportWorkingDaysBefore: '9', chairMeetsFamilyFirst: 'no', version: '0' })).status,
        403,
        who,
      )
    }
    assert.equal((await t.services.settings.meetingRulesFor(t.world.authorityId)).reportWorkingDaysBefore, 2)
  })
})
