import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { errorSummary, heading } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { codeIssued, familyBrowser, familySignedIn, openedAtOn, WORD } from '../../../../test/support/family-steps.ts'
import { CONTROLS, LONG, MARKUP } from '../../../../test/support/programme-steps.ts'
import { crewOf, referralAt, type Crew } from '../../../../test/support/workflow-steps.ts'

/**
 * A family member's way in (ADR 17): the code from the letter, a word chosen at first use, then
 * code and word; a date of birth is never enough; revoked, replaced and expired codes open nothing.
 */
describe(`family sign-in (${engine})`, () => {
  let t: TestApp
  let crew: Crew
  before(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1', PUBLIC_PAGES_PER_MINUTE: '100000' })
    crew = await crewOf(t)
  })
  after(async () => t.close())

  async function audited(action: string): Promise<number> {
    return (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', action).execute()).length
  }

  test('at first use the person chooses a word, and after that the code and the word get them in', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Firstuse')
    const { code, letter } = await codeIssued(crew.admin, referralId)
    assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'twelve characters in three groups')
    assert.match(letter.document.body.textContent ?? '', /Dear Maria Firstuse/)

    const browser = familyBrowser(t, '198.51.100.1')
    await browser.get('/your-advocacy/sign-in')
    const choose = await browser.post('/your-advocacy/sign-in', { code: code.toLowerCase().replace(/-/g, ' '), word: '' })
    assert.equal(heading(choose.document), 'Choose your word or PIN', 'typed in lower case with spaces, the code still works')
    const tooShort = await browser.post('/your-advocacy/sign-in/word', { code, word: 'ab1', confirmation: 'ab1' })
    assert.deepEqual(errorSummary(tooShort.document), ['Your word or PIN must have at least 4 letters or numbers'])
    const birthday = await browser.post('/your-advocacy/sign-in/word', { code, word: '03/04/1990', confirmation: '03/04/1990' })
    assert.deepEqual(errorSummary(birthday.document), ['Do not use your birthday. Other people may know it'], 'her date of birth is refused')
    const pin = await browser.post('/your-advocacy/sign-in/word', { code, word: '0304', confirmation: '0304' })
    assert.deepEqual(errorSummary(pin.document), ['Do not use your birthday. Other people may know it'], 'and so is its day and month')
    const name = await browser.post('/your-advocacy/sign-in/word', { code, word: 'Maria2024', confirmation: 'Maria2024' })
    assert.deepEqual(errorSummary(name.document), ['Do not use your name. Other people may guess it'])
    const simple = await browser.post('/your-advocacy/sign-in/word', { code, word: '1234', confirmation: '1234' })
    assert.deepEqual(errorSummary(simple.document), ['This is too easy to guess. Try a word that means something to you'])
    const different = await browser.post('/your-advocacy/sign-in/word', { code, word: WORD, confirmation: 'blue kettel' })
    assert.deepEqual(errorSummary(different.document), ['The two do not match. Type the same word or PIN twice'])

    const signedIn = await browser.post('/your-advocacy/sign-in/word', { code, word: WORD, confirmation: WORD })
    assert.equal(signedIn.status, 303)
    assert.equal(signedIn.location, '/your-advocacy')
    const home = await browser.get('/your-advocacy')
    assert.equal(heading(home.document), 'Cómo va todo', 'her pages open in Spanish, the language her referral records')
    assert.equal(home.document.documentElement.getAttribute('lang'), 'es')
    const english = await browser.get('/your-advocacy?language=en')
    assert.equal(heading(english.document), 'Where things stand', 'and she can read them in English')
    assert.equal(heading((await browser.get('/your-advocacy/advocate')).document), 'Your advocate', 'which is remembered')
    const arabic = await browser.get('/your-advocacy?language=ar')
    assert.equal(arabic.document.body.getAttribute('dir'), 'rtl', 'Arabic reads right to left')
    await browser.get('/your-advocacy?language=es')

    await browser.post('/your-advocacy/sign-out', {})
    assert.equal((await browser.get('/your-advocacy')).location, '/your-advocacy/sign-in', 'signed out')

    const again = familyBrowser(t, '198.51.100.2')
    await again.get('/your-advocacy/sign-in')
    const needsWord = await again.post('/your-advocacy/sign-in', { code, word: '' })
    assert.deepEqual(errorSummary(needsWord.document), ['Enter your word or PIN'], 'once a word is chosen, the code alone is not enough')
    const dateOfBirth = await again.post('/your-advocacy/sign-in', { code, word: '03041990' })
    assert.deepEqual(errorSummary(dateOfBirth.document), ['The code or the word is not right. Check them and try again'], 'a date of birth is never enough')
    const right = await again.post('/your-advocacy/sign-in', { code, word: WORD })
    assert.equal(right.location, '/your-advocacy')
    assert.equal(await audited('family.code-issued'), 1)
    assert.ok((await audited('family.signed-in')) >= 2)
    assert.ok((await audited('family.sign-in-failed')) >= 1)
    assert.equal(await audited('family.word-chosen'), 1)
  })

  test('a revoked code, an old code after a new one, and a code past its last day open nothing; their sessions end', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Revoked')
    const first = await codeIssued(crew.admin, referralId)
    const browser = await familySignedIn(t, first.code)
    const second = await codeIssued(crew.admin, referralId)
    assert.equal((await browser.get('/your-advocacy')).location, '/your-advocacy/sign-in', 'the session begun with the old code has ended')
    const old = familyBrowser(t)
    await old.get('/your-advocacy/sign-in')
    assert.deepEqual(errorSummary((await old.post('/your-advocacy/sign-in', { code: first.code, word: WORD })).document), [
      'The code or the word is not right. Check them and try again',
    ])

    const holder = await familySignedIn(t, second.code)
    const page = await crew.admin.get(`/referrals/${referralId}/way-in`)
    const revoked = await crew.admin.post(`/referrals/${referralId}/way-in/revoke`, { openedAt: openedAtOn(page) })
    assert.equal(revoked.status, 303)
    assert.equal((await holder.get('/your-advocacy/advocate')).location, '/your-advocacy/sign-in', 'revoking signs them out at once')
    const after = familyBrowser(t)
    await after.get('/your-advocacy/sign-in')
    assert.equal((await after.post('/your-advocacy/sign-in', { code: second.code, word: WORD })).status, 400)
    assert.equal(await audited('family.code-revoked'), 1)

    const ending = await referralAt(t, crew, 'in_review', 'Ending')
    const third = await codeIssued(crew.admin, ending)
    const reader = await familySignedIn(t, third.code)
    await crew.admin.get(`/referrals/${ending}/withdraw`)
    assert.equal((await crew.admin.post(`/referrals/${ending}/withdraw`, { reason: 'consent_withdrawn' })).status, 303)
    assert.equal((await reader.get('/your-advocacy')).status, 200, 'their pages stay open after the advocacy ends')
    t.clock.advanceDays(t.config.family.codeDaysAfterEnd + 1)
    assert.equal((await reader.get('/your-advocacy')).location, '/your-advocacy/sign-in', 'until the set time after it ended')
    const late = familyBrowser(t)
    await late.get('/your-advocacy/sign-in')
    assert.equal((await late.post('/your-advocacy/sign-in', { code: third.code, word: WORD })).status, 400, 'then the code opens nothing')
    t.clock.set('2026-11-24T10:00:00Z')
  })

  test('a family session times out when left alone', async () => {
    const referralId = await referralAt(t, crew, 'in_review', 'Idle')
    const { code } = await codeIssued(crew.admin, referralId)
    const browser = await familySignedIn(t, code)
    t.clock.advanceMinutes(t.config.family.idleMinutes + 1)
    const page = await browser.get('/your-advocacy')
    assert.equal(page.location, '/your-advocacy/sign-in?timedOut=yes')
    assert.match((await browser.get(page.location)).html, /you had not done anything for/)
    t.clock.set('2026-11-24T10:00:00Z')
  })

  test('forms without their token are refused, and hostile input is answered with a page, never a crash', async () => {
    const browser = familyBrowser(t)
    await browser.get('/your-advocacy/sign-in')
    assert.equal((await browser.post('/your-advocacy/sign-in', { code: 'ACDE-FHJK-MNPR', word: 'x' }, { withToken: false })).status, 403)
    for (const code of [MARKUP, LONG, CONTROLS, '', ['A', 'B']]) {
      for (const path of ['/your-advocacy/sign-in', '/your-advocacy/sign-in/word']) {
        const page = await browser.post(path, { code, word: LONG, confirmation: MARKUP })
        assert.ok(page.status < 500, `${path} answers ${page.status}`)
        assert.ok(!page.html.includes('<script>alert(1)'), 'nothing is echoed unescaped')
      }
    }
  })
})
