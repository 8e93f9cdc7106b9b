import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { heading } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyBrowser, familyReading, sentenceOf } from '../../../../test/support/family-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/** Where things stand: the workflow's steps as plain sentences, what happens next and when; never a staff label. */
describe(`where things stand (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp()
    crew = await crewOf(t)
  })
  after(async () => t.close())

  const staffWords = ['FGC', 'Section 1', 'Child Protection Advocacy Review', 'Pass to FGC', 'Advocacy Manager', 'No Further Action', 'awaiting']

  test('just sent: the social worker asked on a day, and the service will look at it by the next working day', async () => {
    const referralId = await referralAt(t, crew, 'awaiting_admin', 'Justsent')
    const page = await (await familyReading(t, crew, referralId)).get('/your-advocacy')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Where things stand')
    assert.equal(sentenceOf(page.document.querySelector('[data-headline]')), 'Your social worker has asked for an advocate for you.')
    assert.deepEqual(
      [...page.document.querySelectorAll('[data-timeline] li')].map((item) => sentenceOf(item)),
      ['Your social worker asked for an advocate for you on 24 November 2026.'],
    )
    assert.deepEqual(
      [...page.document.querySelectorAll('[data-next]')].map((item) => sentenceOf(item)),
      ['The advocacy service will look at it by 25 November 2026.'],
    )
    assert.match(sentenceOf(page.document), /Your social worker is Rita Referrer\./)
    for (const word of staffWords) assert.ok(!sentenceOf(page.document.querySelector('main')).includes(word), `no staff label "${word}"`)
    const seen = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'details'])
      .where('action', '=', 'family.page-viewed')
      .where('record_id', '=', referralId)
      .execute()
    assert.equal(seen.length, 2, 'each page seen is audited (this one, and the first after signing in)')
    assert.ok(
      seen.every((event) => event.actor_id === null),
      'as the family’s, not a member of staff’s',
    )
  })

  test('with an advocate: each step as a sentence, and the advocate will be in touch before the meeting', async () => {
    const referralId = await referralAt(t, crew, 'advocate_recorded', 'Allocated')
    const page = await (await familyReading(t, crew, referralId)).get('/your-advocacy')
    assert.equal(sentenceOf(page.document.querySelector('[data-headline]')), 'You have an advocate.')
    const steps = [...page.document.querySelectorAll('[data-timeline] li')].map((item) => sentenceOf(item))
    assert.deepEqual(steps, [
      'Your social worker asked for an advocate for you on 24 November 2026.',
      'On 24 November 2026, the advocacy team passed your request to a manager.',
      'On 24 November 2026, the advocacy service said yes. They will find you an advocate.',
      'On 24 November 2026, we asked an advocate to work with you.',
      'On 24 November 2026, an advocate said yes to working with you.',
    ])
    assert.deepEqual(
      [...page.document.querySelectorAll('[data-next]')].map((item) => sentenceOf(item)),
      ['Your advocate will meet you or call you before your meeting on 15 December 2026.'],
    )
    for (const word of staffWords) assert.ok(!sentenceOf(page.document.querySelector('main')).includes(word), `no staff label "${word}"`)
  })

  test('withdrawn: the request was stopped, and the pages stay open for a set time', async () => {
    const referralId = await referralAt(t, crew, 'awaiting_decision', 'Stopped')
    const family = await familyReading(t, crew, referralId)
    await crew.admin.get(`/referrals/${referralId}/withdraw`)
    await crew.admin.post(`/referrals/${referralId}/withdraw`, { reason: 'meeting_cancelled' })
    const page = await family.get('/your-advocacy')
    assert.equal(sentenceOf(page.document.querySelector('[data-headline]')), 'The request for an advocate was stopped.')
    assert.deepEqual(
      [...page.document.querySelectorAll('[data-next]')].map((item) => sentenceOf(item)),
      ['If you still want an advocate, ask your social worker.', 'You can see these pages until 22 February 2027.'],
    )
  })

  test('without a family session the page is never shown', async () => {
    const page = await familyBrowser(t).get('/your-advocacy')
    assert.equal(page.status, 303)
    assert.equal(page.location, '/your-advocacy/sign-in')
  })

  test('each glossary word is explained where it first appears, as the information pages do, in the page’s language', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Glossary'))
    const page = await family.get('/your-advocacy')
    const main = page.document.querySelector('main')
    assert.deepEqual(
      [...(main?.querySelectorAll('[data-headline] .app-glossary-term') ?? [])].map((term) => sentenceOf(term)),
      ['social worker', 'advocate'],
    )
    const summaries = [...(main?.querySelectorAll('details .govuk-details__summary-text') ?? [])].map((summary) => sentenceOf(summary))
    assert.ok(summaries.includes('What “advocate” means'), summaries.join(' | '))
    assert.ok(summaries.includes('What “social worker” means'))
    assert.equal(new Set(summaries).size, summaries.length, 'each word is explained once on the page')
    assert.equal(main?.querySelectorAll('p details').length, 0, 'never inside a paragraph')
    const spanish = await family.get('/your-advocacy?language=es')
    assert.ok(
      [...spanish.document.querySelectorAll('main summary')].some((summary) => sentenceOf(summary) === 'Qué significa «defensor»'),
      'explained in Spanish, from the Spanish glossary',
    )
  })

  test('“listen to this page”: a button hidden until its script finds speech, the script a file of the service’s own, and the CSP holds', async () => {
    const family = await familyReading(t, crew, await referralAt(t, crew, 'awaiting_admin', 'Listen'))
    for (const language of ['en', 'es', 'ar']) {
      const response = await t.app.inject({ method: 'GET', url: `/your-advocacy?language=${language}`, headers: { cookie: family.cookieHeader() } })
      const page = await family.get(`/your-advocacy?language=${language}`)
      const button = page.document.querySelector('main button[data-listen]')
      assert.ok(button, `the button is on the page in ${language}`)
      assert.ok(button.hasAttribute('hidden'), 'hidden without the script')
      assert.equal(button.getAttribute('type'), 'button')
      assert.ok(sentenceOf(button).length > 0 && button.getAttribute('data-listen-stop'), 'its words in the page’s language')
      const scripts = [...page.document.querySelectorAll('script')]
      const inline = scripts.filter((script) => !script.getAttribute('src')?.startsWith('/assets/'))
      assert.deepEqual(
        inline.map((script) => script.textContent.includes('js-enabled')),
        [true],
        'no inline script of ours: only GOV.UK’s template’s own',
      )
      const listen = scripts.map((script) => script.getAttribute('src') ?? '').find((src) => src.endsWith('/listen.js'))
      assert.ok(listen, 'the listen script is linked')
      const csp = String(response.headers['content-security-policy'])
      assert.match(csp, /script-src 'self' 'nonce-[0-9a-f]+'(;|$)/, `only the service's own scripts, and the template's with its nonce: ${csp}`)
      assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'))
      const file = await t.app.inject({ method: 'GET', url: listen })
      assert.equal(file.statusCode, 200)
      assert.match(String(file.headers['content-type']), /javascript/)
      assert.match(file.body, /speechSynthesis/)
    }
    assert.equal((await family.get('/your-advocacy?language=es')).document.querySelector('main button[data-listen]')?.textContent, 'Escuchar esta página')
  })
})
