import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'
import { signedInAs } from '../../../../test/support/workflow-steps.ts'
import { loadShippedPages } from '../shipped-pages.ts'

describe(`the information pages as families read them (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('anyone can read each page, shipped with Alongside, with when it was last checked', async () => {
    const browser = new Browser(t.app)
    const index = await browser.get('/information')
    assert.equal(index.status, 200)
    assert.equal(heading(index.document), 'Information for families')
    assert.deepEqual(
      [...index.document.querySelectorAll('main a')].map((link) => link.getAttribute('href')),
      ['/information/advocates', '/information/conference', '/information/plan', '/information/rights', '/words'],
    )
    const page = await browser.get('/information/conference')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'What happens at a child protection conference')
    assert.match(textOf(page.document.querySelector('main')), /Last checked on 27 November 2026/)
    assert.equal(page.document.querySelector('main .govuk-tag') === null, true, 'the shipped version does not say parents wrote it')
    assert.deepEqual(
      [...page.document.querySelectorAll('main h2')].slice(0, 4).map((h2) => textOf(h2)),
      ['Who will be there', 'Before the meeting', 'At the meeting', 'After the meeting'],
    )
    assert.equal(page.document.querySelectorAll('main ol.govuk-list--number > li').length, 5)
  })

  test('each glossary word is explained where it first appears, once, and never inside a paragraph', async () => {
    const page = await new Browser(t.app).get('/information/conference')
    const main = page.document.querySelector('main')
    assert.equal(main?.querySelectorAll('p details').length, 0)
    const summaries = [...(main?.querySelectorAll('details .govuk-details__summary-text') ?? [])].map((summary) => textOf(summary))
    assert.ok(summaries.includes('What “child protection conference” means'), summaries.join(' | '))
    assert.ok(summaries.includes('What “core group” means'))
    assert.equal(new Set(summaries).size, summaries.length, 'each word is explained once on the page')
    const firstTerm = main?.querySelector('.app-glossary-term')
    assert.equal(textOf(firstTerm), 'child protection conference')
  })

  test('in Spanish and in Arabic, right to left, with the Spanish and Arabic glossaries', async () => {
    const spanish = await new Browser(t.app).get('/information/advocates?language=es')
    assert.equal(heading(spanish.document), 'Qué hace un defensor')
    assert.match(textOf(spanish.document.querySelector('main')), /Revisada por última vez el 27 de noviembre de 2026/)
    assert.ok([...spanish.document.querySelectorAll('summary')].some((summary) => textOf(summary) === 'Qué significa «defensor»'))
    const arabic = await new Browser(t.app).get('/information/rights?language=ar')
    assert.equal(arabic.document.documentElement.getAttribute('lang'), 'ar')
    assert.equal(arabic.document.body.getAttribute('dir'), 'rtl')
    assert.equal(heading(arabic.document), 'حقوقك، وكيف تقدم شكوى')
  })

  test('the authority’s contact details are given, when it has them', async () => {
    const sysadmin = await signedIn(t, 'sysadmin')
    const settings = await sysadmin.get('/admin/settings/authority')
    const version = settings.document.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''
    const saved = await sysadmin.post('/admin/settings/authority', {
      contactEmail: 'advocacy@test.example',
      contactPhone: '020 7946 0000',
      version,
    })
    assert.equal(saved.status, 303)
    const reader = await signedInAs(t, t.world.staff.referrer)
    const page = await reader.get('/information/rights')
    assert.match(textOf(page.document.querySelector('main')), /Talk to us .* Email: advocacy@test\.example Phone: 020 7946 0000/)
    assert.equal(page.document.querySelector('a[href="mailto:advocacy@test.example"]')?.textContent, 'advocacy@test.example')
  })

  test('a page that does not exist is not found', async () => {
    assert.equal((await new Browser(t.app).get('/information/nothing-here')).status, 404)
    assert.equal((await new Browser(t.app).get('/information/%3Cscript%3E')).status, 404)
  })

  test('a page not yet in the reader’s language is shown in English, and says so', async () => {
    const shown = await t.services.information.readPage(t.world.authorityId, 'plan', 'fr')
    assert.deepEqual([shown.language, shown.fallback, shown.title], ['en', true, 'A child protection plan'])
    const english = await t.services.information.readPage(t.world.authorityId, 'plan', 'en')
    assert.equal(english.fallback, false)
  })

  test('every page is shipped in every language families may choose', () => {
    const shipped = loadShippedPages()
    for (const page of ['advocates', 'conference', 'plan', 'rights'])
      for (const language of ['en', 'es', 'ar']) assert.ok(shipped.get(`${page}.${language}`)?.body, `${page} in ${language}`)
  })
})
