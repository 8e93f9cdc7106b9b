import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading, textOf, type Browser } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { familyBrowser } from '../../../../test/support/family-steps.ts'
import { casesFor, formFields, SCRIPT } from '../../../../test/support/hostile.ts'
import { isServicePage } from '../../../../test/support/workflow-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'
import { logOptions } from '../../../platform/http/logging.ts'

/**
 * A code on a card (issue 11): staff issue it at the meeting with the day it opens; anyone types it
 * in; before that day it says when; from that day it opens the questions for that meeting, showing
 * no one; it works once; a revoked or expired one opens nothing; codes that open nothing are held
 * back per address without ever holding back a working card; the code is in no log and no audit.
 */
describe(`a code on a card (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  const lines: string[] = []
  const ids = { main: '', revoked: '', expires: '', flood: '', stale: '', hostile: '', staffHostile: '' }
  const codes: string[] = []
  const secrets = ['Cardmain', 'Maria', 'Cardrevoked', 'Cardflood']

  const responses = (referralId: string) => t.database.db.selectFrom('feedback_response').selectAll().where('referral_id', '=', referralId).execute()
  const issue = async (referralId: string, opening: string, language = 'en') => {
    const page = await crew.admin.get(`/referrals/${referralId}/feedback`)
    const version = page.document.querySelector<HTMLInputElement>('form[action$="/feedback/card"] input[name="version"]')?.value ?? ''
    const card = await crew.admin.post(`/referrals/${referralId}/feedback/card`, { opening, language, version })
    assert.equal(card.status, 200, `the card is shown (${card.status} ${card.location ?? ''})`)
    const code = textOf(card.document.querySelector('[data-card-code]'))
    assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    codes.push(code)
    return { card, code }
  }
  const typed = async (browser: Browser, code: string) => {
    await browser.get('/feedback/card')
    return browser.post('/feedback/card', { code })
  }
  const noOneIn = (html: string, what: string) => {
    for (const secret of secrets) assert.ok(!html.includes(secret), `${what}: nothing of "${secret}"`)
    assert.doesNotMatch(html, /REF-|child protection conference/i, `${what}: no reference, no meeting`)
  }

  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1', PUBLIC_PAGES_PER_MINUTE: '100000' }, { logger: { ...logOptions('trace'), stream } })
    crew = await crewOf(t)
    for (const key of ['main', 'revoked', 'expires', 'flood', 'stale', 'hostile', 'staffHostile'] as const)
      ids[key] = await referralAt(t, crew, 'advocate_recorded', `Card${key}`)
    t.clock.set('2026-12-17T10:00:00Z')
    crew = await crewOf(t)
  })
  after(async () => t.close())

  test('staff issue a card opening in a few days: the card holds the service’s words, the address and the code, no name; only a keyed hash is kept', async () => {
    const { card, code } = await issue(ids.main, 'few_days')
    const printed = card.document.querySelector('article')
    assert.ok(printed)
    noOneIn(printed.outerHTML, 'the card')
    assert.match(textOf(printed), /How did your meeting go\?/)
    assert.match(textOf(printed), new RegExp(`${t.config.baseUrl}/feedback/card`))
    assert.match(textOf(printed), /You can answer from Sunday 20 December 2026/)
    assert.match(String(card.response.headers['cache-control']), /no-store/)

    const kept = await t.database.db.selectFrom('feedback_card').selectAll().where('referral_id', '=', ids.main).execute()
    assert.equal(kept.length, 1)
    assert.equal(kept[0]?.opens_on, '2026-12-20')
    assert.match(kept[0]?.code_hash ?? '', /^[0-9a-f]{64}$/)
    assert.doesNotMatch(JSON.stringify(kept), new RegExp(code.replaceAll('-', '-?')))
    const request = await t.database.db.selectFrom('feedback_request').selectAll().where('referral_id', '=', ids.main).executeTakeFirstOrThrow()
    assert.equal(request.state, 'later', 'a card means they will answer later')
    const staff = await crew.admin.get(`/referrals/${ids.main}/feedback`)
    assert.match(textOf(staff.document.querySelector('[data-card-working]')), /opens on 20 December 2026/)
  })

  test('before its day the code says when it opens, and shows no one', async () => {
    const browser = familyBrowser(t, '198.51.100.20')
    const page = await typed(browser, codes[0] ?? '')
    assert.equal(page.status, 200)
    assert.equal(heading(page.html), 'Your questions are not open yet')
    assert.match(textOf(page.html), /You can answer from Sunday 20 December 2026/)
    noOneIn(page.html, 'not yet')
    assert.equal((await browser.get('/feedback/card/questions')).status, 200, 'no questions without a code that opens them')
    assert.equal(heading((await browser.get('/feedback/card/questions')).html), 'Type in your code again')
  })

  test('from its day it opens in the reader’s language, showing no one; it works once, and a second window is told it was used', async () => {
    t.clock.set('2026-12-20T09:00:00Z')
    crew = await crewOf(t)
    const code = codes[0] ?? ''
    const first = familyBrowser(t, '198.51.100.21')
    const second = familyBrowser(t, '198.51.100.22')
    await first.get('/feedback/card?language=ar')
    const opened = await first.post('/feedback/card', { code: code.toLowerCase().replaceAll('-', ' ') })
    assert.equal(opened.status, 303, 'typed in lower case with spaces, it still opens')
    assert.equal(opened.location, '/feedback/card/questions')
    const questions = await first.get('/feedback/card/questions')
    assert.equal(questions.status, 200)
    assert.equal(questions.document.documentElement.getAttribute('lang'), 'ar')
    assert.equal(questions.document.documentElement.getAttribute('dir') ?? questions.document.body.getAttribute('dir'), 'rtl')
    assert.ok(questions.document.querySelectorAll('.app-face').length >= 15)
    noOneIn(questions.html, 'the questions')
    assert.equal((await typed(second, code)).location, '/feedback/card/questions')
    await second.get('/feedback/card/questions')

    assert.equal((await first.post('/feedback/card/questions', { listened: 'yes' }, { withToken: false })).status, 403)
    const empty = await first.post('/feedback/card/questions', {})
    assert.equal(empty.status, 400)
    assert.equal(errorSummary(empty.html).length, 1)
    assert.equal((await responses(ids.main)).length, 0)

    const given = await first.post('/feedback/card/questions', { listened: 'yes', chairMetFirst: 'not_sure', better: 'وقت أطول' })
    assert.equal(given.location, '/feedback/card/thank-you')
    assert.equal((await first.get('/feedback/card/thank-you')).status, 200)
    const again = await second.post('/feedback/card/questions', { listened: 'no' })
    assert.equal(again.status, 409)
    assert.equal(heading(again.html), 'Thank you')
    assert.match(textOf(again.html), /This code has been used/)

    const kept = await responses(ids.main)
    assert.equal(kept.length, 1, 'one response, not two')
    assert.equal(kept[0]?.channel, 'card')
    assert.equal(kept[0]?.language, 'ar')
    assert.equal(kept[0]?.days_after, 5)
    const card = await t.database.db.selectFrom('feedback_card').selectAll().where('referral_id', '=', ids.main).executeTakeFirstOrThrow()
    assert.ok(card.used_at, 'the card is used')
    const used = await typed(familyBrowser(t, '198.51.100.23'), code)
    assert.equal(heading(used.html), 'Thank you')
    assert.match(textOf(used.html), /This code has been used/)

    const staff = await crew.admin.get(`/referrals/${ids.main}/feedback`)
    assert.match(textOf(staff.html), /With the code on a card/)
    assert.equal(staff.document.querySelector('form[action$="/feedback/card"]'), null, 'no card once they have answered')
    const refused = await crew.admin.post(`/referrals/${ids.main}/feedback/card`, { opening: 'today', language: 'en', version: '2' })
    assert.equal(refused.status, 303)
    assert.deepEqual(errorSummary((await crew.admin.get(`/referrals/${ids.main}/feedback`)).html), [
      'They have already answered, or said no, about this meeting',
    ])
  })

  test('a revoked card, a card replaced by a new one, and an expired card open nothing, like a code that never was', async () => {
    const browser = familyBrowser(t, '198.51.100.30')
    const { code: revoked } = await issue(ids.revoked, 'today')
    const stop = await crew.admin.post(`/referrals/${ids.revoked}/feedback/card/revoke`, {})
    assert.equal(stop.status, 303)
    const refused = await typed(browser, revoked)
    assert.equal(refused.status, 400)
    assert.deepEqual(errorSummary(refused.html), ['Check the code on your card and type it in again'])

    const { code: replaced } = await issue(ids.revoked, 'today')
    const { code: current } = await issue(ids.revoked, 'today')
    assert.equal((await typed(browser, replaced)).status, 400, 'a new card stops the last one')
    assert.equal((await typed(browser, current)).status, 303)

    const { code: expires } = await issue(ids.expires, 'today')
    t.clock.set('2027-02-19T10:00:00Z')
    assert.equal((await typed(browser, expires)).status, 400, 'after 60 days')
    t.clock.set('2026-12-20T09:00:00Z')
    crew = await crewOf(t)
    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'details']).where('action', 'like', 'feedback.card-%').execute()
    assert.ok(audit.some((event) => event.action === 'feedback.card-revoked'))
    assert.ok(audit.some((event) => event.action === 'feedback.card-refused'))
    assert.ok(audit.some((event) => event.action === 'feedback.card-used'))
  })

  test('codes that open nothing are held back per address, yet a working card from that address still opens, and other addresses are not held back', async () => {
    const { code } = await issue(ids.flood, 'today')
    const flooder = familyBrowser(t, '203.0.113.9')
    let last = await typed(flooder, 'ACDE-FHJK-MNPR')
    for (let guess = 0; guess < 12 && last.status !== 429; guess += 1)
      last = await typed(flooder, `ACDE-FHJK-MN${'ACDEFHJKMNPR'[guess] ?? 'A'}${'ACDEFHJKMNPR'[guess] ?? 'A'}`)
    assert.equal(last.status, 429, 'a flood waits')
    assert.equal(heading(last.html), 'Please wait a little')
    const holder = familyBrowser(t, '203.0.113.9')
    assert.equal((await typed(holder, code)).status, 303, 'the person with the card, at the same address, is not held back')
    assert.equal((await typed(familyBrowser(t, '203.0.113.10'), 'ACDE-FHJK-MNPR')).status, 400, 'another address is not held back')
    assert.ok(
      (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'feedback.card-throttled').execute()).length > 0,
      'the wait is audited',
    )
  })

  test('a code posted without its token is refused; a stale card form is told someone changed it', async () => {
    const browser = familyBrowser(t, '198.51.100.40')
    await browser.get('/feedback/card')
    assert.equal((await browser.post('/feedback/card', { code: 'ACDE-FHJK-MNPR' }, { withToken: false })).status, 403)
    await crew.admin.get(`/referrals/${ids.stale}/feedback`)
    assert.equal((await crew.admin.post(`/referrals/${ids.stale}/feedback/choice`, { state: 'later', version: '0' })).status, 303)
    const stale = await crew.admin.post(`/referrals/${ids.stale}/feedback/card`, { opening: 'week', language: 'es', version: '0' })
    assert.equal(stale.status, 303)
    assert.match(errorSummary((await crew.admin.get(`/referrals/${ids.stale}/feedback`)).html)[0] ?? '', /Someone changed what they chose/)
    assert.equal((await t.database.db.selectFrom('feedback_card').select('id').where('referral_id', '=', ids.stale).execute()).length, 0)
    const { card } = await issue(ids.stale, 'week', 'es')
    assert.match(textOf(card.document.querySelector('article')), /¿Cómo fue su reunión\?/)
  })

  test('hostile input on the questions, from a browser holding a working code: never a 500, nothing shown unescaped, no post without its token', async () => {
    const { code } = await issue(ids.hostile, 'today')
    const browser = familyBrowser(t, '198.51.100.50')
    assert.equal((await typed(browser, code)).status, 303)
    const path = '/feedback/card/questions'
    const form = formFields((await browser.get(path)).html, path, path) ?? {}
    assert.ok(Object.keys(form).length >= 5, 'the questions are read')
    const problems: string[] = []
    // Each case from a browser of its own, at an address of its own: the posts a minute from one address are limited.
    for (const [index, theCase] of casesFor(form).entries()) {
      const browser = familyBrowser(t, `2001:db8:${index.toString(16)}::1`)
      await typed(browser, code)
      await browser.get(path)
      const options = theCase.token === 'none' ? { withToken: false } : theCase.token ? { token: 'x'.repeat(43) } : {}
      const page = await browser.post(path, theCase.body, options)
      const what = `${theCase.label}: ${page.status}`
      if (page.status >= 500) problems.push(what)
      if (page.html.includes(SCRIPT) || page.html.includes('\u0000')) problems.push(`${what}: shown unescaped`)
      if (page.status >= 400 && !isServicePage(page)) problems.push(`${what}: not the service's page`)
      if (theCase.token && page.status !== 403) problems.push(`${what}: not refused`)
      if (page.status === 400 && errorSummary(page.html).length === 0) problems.push(`${what}: no error summary`)
    }
    assert.deepEqual(problems, [])
    assert.ok((await responses(ids.hostile)).length <= 1, 'at most one response, whatever was posted')
  })

  test('hostile input on the staff’s card form and its button to stop a card: never a 500, nothing shown unescaped, no post without its token', async () => {
    const id = ids.staffHostile
    const page = `/referrals/${id}/feedback`
    const problems: string[] = []
    for (const path of [`${page}/card`, `${page}/card/revoke`]) {
      if (path.endsWith('/revoke')) await issue(id, 'week')
      const form = formFields((await crew.admin.get(page)).html, path, page) ?? {}
      if (path.endsWith('/card')) assert.deepEqual(Object.keys(form).sort(), ['language', 'opening', 'version'])
      for (const theCase of casesFor(form)) {
        await crew.admin.get(page)
        const options = theCase.token === 'none' ? { withToken: false } : theCase.token ? { token: 'x'.repeat(43) } : {}
        const posted = await crew.admin.post(path, theCase.body, options)
        const shown = posted.status === 303 && posted.location ? await crew.admin.get(posted.location) : posted
        const what = `${path.slice(page.length)} with ${theCase.label}: ${posted.status}`
        for (const seen of [posted, shown]) {
          if (seen.status >= 500) problems.push(what)
          if (seen.html.includes(SCRIPT) || seen.html.includes('\u0000')) problems.push(`${what}: shown unescaped`)
          if (seen.status >= 400 && !isServicePage(seen)) problems.push(`${what}: not the service's page`)
        }
        if (theCase.token && posted.status !== 403) problems.push(`${what}: not refused`)
      }
    }
    assert.deepEqual(problems, [])
  })

  test('no code is ever in the request log or the audit trail', async () => {
    const log = lines.join('')
    assert.ok(lines.length > 20, 'requests were logged')
    const audit = JSON.stringify(await t.database.db.selectFrom('audit_event').select(['details']).execute())
    for (const code of codes) {
      for (const form of [code, code.replaceAll('-', ''), code.toLowerCase(), code.toLowerCase().replaceAll('-', ' ')]) {
        assert.ok(!log.includes(form), `the log does not hold ${form.slice(0, 4)}…`)
        assert.ok(!audit.includes(form), `the audit trail does not hold ${form.slice(0, 4)}…`)
      }
    }
  })
})
