import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'
import { signedIn } from '../../../../test/support/referral-steps.ts'

describe(`the jargon buster at /words (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('anyone can read every word, each with its anchor and explanation, A to Z', async () => {
    const page = await new Browser(t.app).get('/words')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Words you may hear')
    const terms = [...page.document.querySelectorAll('h2.app-glossary-word')]
    assert.ok(terms.length >= 40, `${terms.length} words`)
    const names = terms.map((term) => textOf(term))
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })),
    )
    const coreGroup = page.document.querySelector('#core-group')
    assert.equal(textOf(coreGroup), 'Core group')
    assert.match(textOf(coreGroup?.nextElementSibling), /^The core group is you, your social worker/)
    assert.equal(page.document.querySelector('a[href="#core-group"]')?.textContent, 'Core group', 'the list of words jumps to each')
    assert.equal(page.document.querySelector('a[href="#iro"]')?.textContent, 'Independent Reviewing Officer (IRO)')
  })

  test('in Spanish, sorted as Spanish sorts, with the same anchors, and the choice remembered', async () => {
    const browser = new Browser(t.app)
    const page = await browser.get('/words?language=es')
    assert.equal(page.document.documentElement.getAttribute('lang'), 'es')
    assert.equal(heading(page.document), 'Palabras que puede oír')
    assert.equal(textOf(page.document.querySelector('#core-group')), 'Grupo básico')
    assert.equal(textOf(page.document.querySelector('#interpreter')), 'Intérprete')
    const again = await browser.get('/words')
    assert.equal(heading(again.document), 'Palabras que puede oír', 'the reader’s choice is kept')
    const english = page.document.querySelector('a[hreflang="en"]')
    assert.equal(english?.getAttribute('href'), '/words?language=en')
  })

  test('in Arabic, right to left', async () => {
    const page = await new Browser(t.app).get('/words?language=ar')
    assert.equal(page.document.documentElement.getAttribute('lang'), 'ar')
    assert.equal(page.document.body.getAttribute('dir'), 'rtl')
    assert.equal(textOf(page.document.querySelector('#advocate')), 'المناصر')
  })

  test('a member of staff reads it too, in English', async () => {
    const browser = await signedIn(t, 'referrer')
    const page = await browser.get('/words')
    assert.equal(page.status, 200)
    assert.equal(heading(page.document), 'Words you may hear')
  })
})
