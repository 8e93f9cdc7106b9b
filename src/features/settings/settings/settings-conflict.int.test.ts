import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, type Page } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn, versionOn } from '../../../../test/support/referral-steps.ts'
import { addStaff, signedInAs } from '../../../../test/support/workflow-steps.ts'

const defaults = {
  dbsValidMonths: '36',
  oneToOneWithinWeeks: '8',
  groupSessionsRequired: '2',
  groupWindowWeeks: '12',
  offerResponseHours: '48',
  bankHolidayRegion: 'england_and_wales',
}

function shown(page: Page, name: string): string | undefined {
  return page.document.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value
}

describe(`two system admins saving the settings (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('the second is told who saved first, with their own answers kept, and the first save stands', async () => {
    const first = await signedIn(t, 'sysadmin')
    const second = await signedInAs(t, await addStaff(t, 'secondSysadmin', 'Sam Secondadmin', ['system_admin']))
    const version = versionOn((await first.get('/admin/settings')).html)
    assert.notEqual(version, '', 'the page carries the version it was opened on')
    assert.equal(versionOn((await second.get('/admin/settings')).html), version)

    assert.equal((await first.post('/admin/settings', { ...defaults, dbsValidMonths: '24', version })).status, 303)
    // The second changes another answer on a page that still shows the old DBS period.
    const conflict = await second.submit('/admin/settings', { ...defaults, offerResponseHours: '12', version })
    assert.match(errorSummary(conflict.document)[0] ?? '', /^Sid Sysadmin saved a change at .*, after you opened this page\./)
    assert.equal(shown(conflict, 'offerResponseHours'), '12', 'the second person’s answers are kept')
    assert.equal(shown(conflict, 'dbsValidMonths'), '36', 'as they typed them')
    const settings = await t.services.settings.settingsFor(t.world.authorityId)
    assert.deepEqual([settings.dbsValidMonths, settings.offerResponseHours], [24, 48], 'the first save stands, the second is not saved yet')
    const newer = versionOn(conflict.html)
    assert.notEqual(newer, version, 'the form now carries the newer version')

    assert.equal((await second.post('/admin/settings', { ...defaults, dbsValidMonths: '24', offerResponseHours: '12', version: newer })).status, 303)
    const both = await t.services.settings.settingsFor(t.world.authorityId)
    assert.deepEqual([both.dbsValidMonths, both.offerResponseHours], [24, 12])
    assert.equal((await first.post('/admin/settings', { ...defaults, version })).location, '/admin/settings', 'a stale page never overwrites')
    assert.equal((await t.services.settings.settingsFor(t.world.authorityId)).offerResponseHours, 12)
  })

  test('two saves from one version at once: one is saved, the other is told', async () => {
    const one = await signedInAs(t, await addStaff(t, 'raceA', 'Ray Race', ['system_admin']))
    const other = await signedInAs(t, await addStaff(t, 'raceB', 'Rae Race', ['system_admin']))
    const versions = await Promise.all([one.get('/admin/settings'), other.get('/admin/settings')]).then((pages) => pages.map((page) => versionOn(page.html)))
    const posted = await Promise.all([
      one.post('/admin/settings', { ...defaults, groupWindowWeeks: '10', version: versions[0] }),
      other.post('/admin/settings', { ...defaults, groupWindowWeeks: '20', version: versions[1] }),
    ])
    assert.deepEqual(posted.map((page) => page.location).sort(), ['/admin/settings', '/admin/settings'])
    const banners = await Promise.all([one.get('/admin/settings'), other.get('/admin/settings')])
    const told = banners.filter((page) => /after you opened this page/.test(errorSummary(page.document)[0] ?? ''))
    assert.equal(told.length, 1, 'exactly one of the two is told')
  })
})
