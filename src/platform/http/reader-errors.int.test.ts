import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Browser, heading } from '../../../test/support/browser.ts'
import { engine } from '../../../test/support/database.ts'
import { codeIssued, familyBrowser, familySignedIn } from '../../../test/support/family-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../test/support/workflow-steps.ts'
import { ForbiddenError, NotFoundError } from '../errors.ts'
import { createTranslations } from '../i18n/translations.ts'
import { readerRefusalOf } from './reader-errors.ts'

const translations = createTranslations()
const LANGUAGES = ['en', 'es', 'ar'] as const
const PER_MINUTE = 40

function title(language: string, kind: string): string {
  return translations.translator(language).t(`layout:errors.${kind}.title`)
}

/** The refusals families and the public meet (not found, too many tries), in their own language, on each kind of reader's page. */
describe(`refusals in the reader's language (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1', PUBLIC_PAGES_PER_MINUTE: String(PER_MINUTE) })
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('the words are there in every language, and differ from English', () => {
    for (const kind of ['notFound', 'forbidden', 'tooMany']) {
      for (const language of ['es', 'ar']) assert.notEqual(title(language, kind), title('en', kind), `${kind} in ${language}`)
    }
    assert.equal(readerRefusalOf(new NotFoundError('x')), 'notFound')
    assert.equal(readerRefusalOf(new ForbiddenError('x')), 'forbidden')
    assert.equal(readerRefusalOf(Object.assign(new Error('x'), { statusCode: 429 })), 'tooMany')
    assert.equal(readerRefusalOf(new Error('x')), null)
  })

  test('a page that is not there, on the public and information pages, in each language', async () => {
    let address = 10
    for (const language of LANGUAGES) {
      for (const path of ['/information/nothing-here', '/information/a/b', '/words/nothing', '/advocacy/nothing']) {
        const page = await new Browser(t.app, { forwardedFor: `198.51.100.${(address += 1)}` }).get(`${path}?language=${language}`)
        assert.equal(page.status, 404, path)
        assert.equal(page.document.documentElement.getAttribute('lang'), language, `${path} in ${language}`)
        assert.equal(heading(page.document), title(language, 'notFound'), `${path} in ${language}`)
        if (language === 'ar') assert.equal(page.document.body.getAttribute('dir'), 'rtl')
      }
    }
    const byBrowser = await t.app.inject({ method: 'GET', url: '/advocacy/nothing', headers: { 'accept-language': 'es-ES,es;q=0.9' } })
    assert.match(byBrowser.body, new RegExp(title('es', 'notFound')), 'the browser’s language, when nothing was chosen')
    const staff = await crew.admin.get('/referrals/nothing/at-all')
    assert.equal(heading(staff.document), 'Page not found', 'staff pages stay English')
  })

  test('too many tries on the public and information pages, in each language', async () => {
    let address = 100
    for (const language of LANGUAGES) {
      for (const path of ['/advocacy', '/information', '/words']) {
        const browser = new Browser(t.app, { forwardedFor: `203.0.113.${(address += 1)}` })
        let page = await browser.get(`${path}?language=${language}`)
        for (let tries = 0; tries < PER_MINUTE && page.status !== 429; tries += 1) page = await browser.get(path)
        assert.equal(page.status, 429, `${path} is limited`)
        assert.equal(page.document.documentElement.getAttribute('lang'), language, `${path} in ${language}`)
        assert.equal(heading(page.document), title(language, 'tooMany'), `${path} in ${language}`)
      }
    }
  })

  test('on a family’s own pages: not found and too many tries in their language and their layout', async () => {
    const referralId = await referralAt(t, crew, 'awaiting_admin', 'Refused')
    const { code } = await codeIssued(crew.admin, referralId)
    const family = await familySignedIn(t, code, undefined, familyBrowser(t, '192.0.2.10'))
    for (const language of LANGUAGES) {
      const missing = await family.get(`/your-advocacy/nothing?language=${language}`)
      assert.equal(missing.status, 404)
      assert.equal(heading(missing.document), title(language, 'notFound'))
      assert.ok(missing.document.querySelector('a[href="/your-advocacy/advocate"]'), 'in the family layout, with their pages')
    }
    const stranger = familyBrowser(t, '192.0.2.20')
    let page = await stranger.get('/your-advocacy/sign-in?language=ar')
    for (let tries = 0; tries < PER_MINUTE && page.status !== 429; tries += 1) page = await stranger.get('/your-advocacy/sign-in')
    assert.equal(page.status, 429)
    assert.equal(page.document.documentElement.getAttribute('lang'), 'ar')
    assert.equal(heading(page.document), title('ar', 'tooMany'))
  })
})
