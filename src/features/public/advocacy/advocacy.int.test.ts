import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Browser, heading, textOf } from '../../../../test/support/browser.ts'
import { engine } from '../../../../test/support/database.ts'

/** What advocacy is, for anyone, without signing in (issue 10). */
describe(`Get an advocate (${engine})`, () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(async () => t.close())

  test('says what an advocate does, for whom, at which stages, and how to get one, in English, Spanish and Arabic', async () => {
    const browser = new Browser(t.app)
    const english = await browser.get('/advocacy')
    assert.equal(english.status, 200)
    assert.equal(heading(english.document), 'Get an advocate on your side')
    const words = textOf(english.document)
    for (const said of [
      'Your advocate works for you',
      'Early Help:',
      'Child in Need:',
      'Child Protection:',
      'Parent advocates have been through children’s services',
      'Professional advocates are trained and paid',
      'Your social worker can ask us for an advocate for you',
      'Or you can ask us yourself',
      'at least 1 week before a first child protection conference',
    ])
      assert.ok(words.includes(said), said)
    assert.ok(english.document.querySelector('a[href="/advocacy/ask"]'), 'links to the form')
    assert.ok(english.document.querySelector('a[href="/advocacy/become-a-parent-advocate"]'))

    const spanish = await browser.get('/advocacy?language=es')
    assert.equal(heading(spanish.document), 'Tenga un defensor de su lado')
    assert.equal(spanish.document.documentElement.getAttribute('lang'), 'es')
    assert.equal(textOf(spanish.document.querySelector('.govuk-footer')).includes('Conseguir un defensor'), true, 'the footer too')
    assert.equal((await browser.get('/advocacy')).document.documentElement.getAttribute('lang'), 'es', 'the choice is remembered')

    const arabic = await browser.get('/advocacy?language=ar')
    assert.equal(heading(arabic.document), 'احصل على مناصر يقف إلى جانبك')
    assert.equal(arabic.document.body.getAttribute('dir'), 'rtl')
  })

  test('a language nobody offers, or anything else in the address, opens the page in English', async () => {
    for (const query of ['?language=fr', '?language[]=es', '?language=__proto__', '?language=' + 'x'.repeat(5000)]) {
      const page = await new Browser(t.app).get(`/advocacy${query}`)
      assert.equal(page.status, 200, query)
      assert.equal(page.document.documentElement.getAttribute('lang'), 'en', query)
    }
  })

  test('the staff sign-in page and every footer lead the public here', async () => {
    const signIn = await new Browser(t.app).get('/sign-in')
    assert.ok(signIn.document.querySelector('main a[href="/advocacy"]'), 'from the sign-in page')
    assert.ok(signIn.document.querySelector('.govuk-footer a[href="/advocacy"]'), 'from the footer')
  })

  test('where one council runs the service, it gives the council’s phone number and email', async () => {
    const t2 = await startTestApp()
    try {
      const elsewhere = t2.world.elsewhere.authorityId
      await t2.database.db.deleteFrom('team_member').execute()
      await t2.database.db.deleteFrom('app_user').where('authority_id', '=', elsewhere).execute()
      await t2.database.db.deleteFrom('team').where('authority_id', '=', elsewhere).execute()
      await t2.database.db.deleteFrom('authority').where('id', '=', elsewhere).execute()
      await t2.database.db
        .insertInto('authority_setting')
        .values([
          { authority_id: t2.world.authorityId, key: 'contactPhone', value: '020 7946 0999', updated_at: t2.clock.now() },
          { authority_id: t2.world.authorityId, key: 'contactEmail', value: 'advocacy@test-borough.example', updated_at: t2.clock.now() },
        ])
        .execute()
      const page = await new Browser(t2.app).get('/advocacy?language=es')
      assert.match(textOf(page.document), /También puede llamarnos al 020 7946 0999/)
      assert.match(textOf(page.document), /advocacy@test-borough\.example/)
    } finally {
      await t2.close()
    }
  })
})
