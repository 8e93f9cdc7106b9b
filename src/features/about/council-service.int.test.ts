import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { loadConfig, ConfigError } from '../../config.ts'
import { root, startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, errorSummary, fieldError, summaryValue, textOf } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { signedIn } from '../../../test/support/referral-steps.ts'

/**
 * Issue 8, item 20: the pages used GOV.UK's own brand (the GDS Transport font, the crown) on a
 * council's service, and the privacy notice and accessibility statement said nothing of the council:
 * no contact details, no retention periods, no rights, no way to report an accessibility problem.
 */
const details = {
  contactEmail: 'advocacy@testborough.gov.uk',
  contactPhone: '020 7946 0999',
  contactAddress: 'Advocacy Service\nTown Hall\nTest Borough TB1 1AA',
  dataProtectionContact: 'dpo@testborough.gov.uk',
  accessibilityEmail: 'access@testborough.gov.uk',
  referralRetention: 'Until the youngest child is 25.',
  advocacyRecordRetention: '',
}

describe(`a council's service, not GOV.UK's (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp({ LOGO: 'example-council.svg' })
  })
  after(async () => t.close())

  test('no GDS Transport and no crown: the styles name the system fonts, and the icon is the service’s own', async () => {
    const page = await new Browser(t.app).get('/sign-in')
    const stylesheets = [...page.document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href') ?? '')
    assert.deepEqual(
      stylesheets.map((href) => href.replace(/^\/assets\/v\/[\w-]{16}\//, '/assets/v/…/')),
      ['/assets/v/…/govuk-frontend.min.css', '/assets/v/…/moj-frontend.min.css', '/assets/v/…/app.css'],
    )
    for (const href of [...stylesheets, '/assets/styles/govuk-frontend.min.css', '/assets/styles/moj-frontend.min.css']) {
      const css = await t.app.inject({ url: href })
      assert.equal(css.statusCode, 200, href)
      assert.match(String(css.headers['content-type']), /^text\/css/)
      assert.doesNotMatch(css.body, /GDS Transport/i, href)
    }
    const icons = [...page.document.querySelectorAll('link[rel~="icon"], link[rel="mask-icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')].map(
      (link) => link.getAttribute('href'),
    )
    assert.equal(icons.length, 1)
    assert.match(icons[0] ?? '', /^\/assets\/v\/[\w-]{16}\/alongside-icon\.svg$/)
    const icon = await t.app.inject({ url: icons[0] ?? '' })
    assert.equal(icon.statusCode, 200)
    assert.equal(icon.body, await readFile(join(root, 'src/assets/images/alongside-icon.svg'), 'utf8'), 'the service’s own icon')
    assert.equal(page.document.querySelector('.govuk-header'), null, 'not GOV.UK’s header')
  })

  test('the header names the authority, with its logo from the LOGO setting', async () => {
    const referrer = await signedIn(t, 'referrer')
    const page = await referrer.get('/')
    assert.equal(textOf(page.document.querySelector('header .app-header__name')), 'Test Borough')
    const logo = page.document.querySelector('header .app-header img')
    assert.deepEqual([logo?.getAttribute('src'), logo?.getAttribute('alt')], ['/assets/logos/example-council.svg', ''])
    assert.equal((await t.app.inject({ url: '/assets/logos/example-council.svg' })).statusCode, 200)
    const elsewhere = await signedIn(t, 'sysadmin')
    assert.equal(textOf((await elsewhere.get('/admin/settings')).document.querySelector('.app-header__name')), 'Test Borough')
  })

  test('the logo must be a file in the logos folder', () => {
    for (const LOGO of ['../../package.json', 'logo.gif', '/etc/logo.svg', 'https://example.com/logo.svg']) {
      assert.throws(() => loadConfig({ LOGO }), ConfigError, LOGO)
    }
    assert.equal(loadConfig({ LOGO: 'camden-2026.svg' }).logo, 'camden-2026.svg')
  })

  test('with nothing set, the privacy notice and accessibility statement are true for any authority', async () => {
    const referrer = await signedIn(t, 'referrer')
    const privacy = textOf((await referrer.get('/privacy')).document.querySelector('main'))
    assert.match(privacy, /Test Borough runs the service and is the data controller/)
    assert.match(
      privacy,
      /How long we keep it The referral, the service manager's decision and the Advocacy Outcome: For as long as the child protection records/,
    )
    assert.match(privacy, /What an advocate records with the person \(contacts and the person's views\): For 2 years after the advocacy ends/)
    assert.match(privacy, /Your rights .*ask for a copy of it .*ask us to correct anything that is wrong/)
    assert.match(privacy, /Information Commissioner's Office \(0303 123 1113\)/)
    const accessibility = textOf((await referrer.get('/accessibility')).document.querySelector('main'))
    assert.match(accessibility, /run by Test Borough/)
    assert.match(
      accessibility,
      /Reporting accessibility problems with this service .* Tell the advocacy service, through your social worker or advocate, or contact Test Borough\./,
    )
  })

  test('a system admin sets the authority’s details; the pages show them, and the settings page still saves its own', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const settings = await sysadmin.get('/admin/settings')
    assert.equal(summaryValue(settings.document, 'Email address'), 'Not given')
    assert.ok(settings.document.querySelector('a[href="/admin/settings/authority"]'))

    const form = await sysadmin.get('/admin/settings/authority')
    const version = form.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''
    const refused = await sysadmin.submit('/admin/settings/authority', { ...details, contactEmail: 'not an email', version })
    assert.deepEqual(errorSummary(refused.document), ['Enter the advocacy service’s email address in the correct format, like advocacy@council.gov.uk'])
    assert.equal(fieldError(refused.document, 'contactEmail'), 'Enter the advocacy service’s email address in the correct format, like advocacy@council.gov.uk')

    const saved = await sysadmin.submit('/admin/settings/authority', { ...details, version })
    assert.match(textOf(saved.document.querySelector('.govuk-notification-banner')), /Authority details saved/)
    assert.equal(summaryValue(saved.document, 'Email address'), 'advocacy@testborough.gov.uk')

    const anyone = await signedIn(t, 'referrer')
    const privacy = (await anyone.get('/privacy')).document
    assert.ok(privacy.querySelector('main a[href="mailto:advocacy@testborough.gov.uk"]'))
    assert.match(textOf(privacy.querySelector('main')), /Phone: 020 7946 0999 Write to: Advocacy Service Town Hall Test Borough TB1 1AA/)
    assert.match(textOf(privacy.querySelector('main')), /Contact Test Borough's data protection officer: dpo@testborough\.gov\.uk/)
    assert.match(textOf(privacy.querySelector('main')), /the Advocacy Outcome: Until the youngest child is 25\./)
    assert.match(textOf(privacy.querySelector('main')), /For 2 years after the advocacy ends/, 'blank keeps the default')
    const accessibility = (await anyone.get('/accessibility')).document
    const report = accessibility.querySelector('#reporting-problems')?.nextElementSibling?.nextElementSibling
    assert.equal(report?.querySelector('a')?.getAttribute('href'), 'mailto:access@testborough.gov.uk')

    const settingsPage = await sysadmin.get('/admin/settings')
    const settingsVersion = settingsPage.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''
    const pool = await sysadmin.submit('/admin/settings', {
      version: settingsVersion,
      dbsValidMonths: '24',
      oneToOneWithinWeeks: '6',
      groupSessionsRequired: '3',
      groupWindowWeeks: '10',
      offerResponseHours: '24',
      bankHolidayRegion: 'england_and_wales',
    })
    assert.match(textOf(pool.document.querySelector('.govuk-notification-banner')), /Settings saved/)
    assert.equal((await t.services.settings.settingsFor(t.world.authorityId)).dbsValidMonths, 24)
    assert.equal((await t.services.settings.authorityFor(t.world.authorityId))?.details.contactEmail, 'advocacy@testborough.gov.uk', 'untouched')
  })

  test('two system admins saving one after the other: the second is told, and nothing of theirs is lost or saved', async () => {
    const first = await signedIn(t, 'sysadmin')
    const second = await signedIn(t, 'sysadmin')
    await first.get('/admin/settings/authority')
    await second.get('/admin/settings/authority')
    const version = (await t.services.settings.authorityFor(t.world.authorityId))?.version ?? 0
    await first.submit('/admin/settings/authority', { ...details, contactPhone: '020 1111 1111', version: String(version) })
    const clash = await second.submit('/admin/settings/authority', { ...details, contactPhone: '020 2222 2222', version: String(version) })
    assert.match(errorSummary(clash.document)[0] ?? '', /saved a change.* after you opened this page/)
    assert.equal(clash.document.querySelector<HTMLInputElement>('input[name="contactPhone"]')?.value, '020 2222 2222', 'their answers are kept')
    assert.equal((await t.services.settings.authorityFor(t.world.authorityId))?.details.contactPhone, '020 1111 1111')
  })

  test('only a system admin may see or change the details, and only with the form token', async () => {
    for (const who of ['coordinator', 'admin', 'manager', 'referrer'] as const) {
      const browser = await signedIn(t, who)
      assert.equal((await browser.get('/admin/settings/authority')).status, 403, who)
      assert.equal((await browser.post('/admin/settings/authority', { ...details, version: '0' })).status, 403, who)
    }
    const sysadmin = await signedIn(t, 'sysadmin')
    await sysadmin.get('/admin/settings/authority')
    assert.equal((await sysadmin.post('/admin/settings/authority', { ...details, version: '0' }, { withToken: false })).status, 403)
  })
})
